import Foundation

/// Measures how an operation's time grows with its input, as cmark's pathological tests do:
/// by the ratio of two sizes measured in the same test, never against an absolute time, so
/// a slow or busy machine does not fail it but a quadratic algorithm does.
public enum Scaling {
    /// The time of `work(2 × size)` divided by that of `work(size)`: each the least of `runs`
    /// timings (noise only ever adds time), taken in turns after one untimed run of each, so
    /// neither size is measured while the allocator is still growing to the larger. Linear
    /// work gives about 2, quadratic about 4. Measured up to `attempts` times, keeping the
    /// least ratio, so one burst of load on a shared machine does not fail a test.
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

    /// The wall-clock time of one call of `work`, in seconds.
    private static func seconds(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
