import Foundation

/// Measures how an operation's time grows with its input, as cmark's pathological tests do:
/// by the ratio of two sizes measured in the same test, never against an absolute time, so
/// a slow or busy machine does not fail it but a quadratic algorithm does.
public enum Scaling {
    /// The time of `work(2 × size)` divided by that of `work(size)`: each the least of `runs`
    /// timings (noise only ever adds time), taken in turns after one untimed run of each, so
    /// neither size is measured while the allocator is still growing to the larger. Linear
    /// work gives about 2, quadratic about 4. Measured up to `attempts` times, keeping the
    /// least ratio, so one burst of load on a shared machine does not fail a test. `work` must
    /// run on the calling thread: the time taken is that thread's CPU time.
    public static func doublingRatio(size: Int, runs: Int = 5, attempts: Int = 10, _ work: (Int) -> Void) -> Double {
        work(2 * size)
        work(size)
        var best = Double.infinity
        for _ in 0..<attempts {
            var small = Double.infinity
            var large = Double.infinity
            for _ in 0..<runs {
                small = min(small, seconds { work(size) })
                large = min(large, seconds { work(2 * size) })
            }
            best = min(best, large / max(small, 1e-9))
            if best <= limit { break }
        }
        return best
    }

    /// The most a doubled input may cost: 2.5 times the time (linear is 2, quadratic 4).
    public static let limit = 2.5

    /// The CPU time this thread spent in one call of `work`, in seconds: unlike wall-clock
    /// time it does not grow while the thread waits for a core, which on a loaded machine
    /// could double one size's time and not the other's.
    private static func seconds(_ work: () -> Void) -> Double {
        let start = threadCPUTime()
        work()
        return threadCPUTime() - start
    }

    private static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
