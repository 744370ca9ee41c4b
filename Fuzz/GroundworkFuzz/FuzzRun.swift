internal import Foundation
internal import Synchronization

/// Runs a range of numbered inputs of one format, timing each: an input over the slow limit
/// is kept as a regression fixture. One that never finishes makes a watchdog end the process
/// with ``hangStatus``, and a crash ends it too: the index written before each input tells
/// the script which input it was, to keep (`groundwork-fuzz keep`) and to go on after.
public struct FuzzRun {
    public var harness: FuzzHarness
    public var format: FuzzFormat
    public var seed: UInt64
    /// Where fixtures are kept (`<fixtures>/<format>/<name>`); nil keeps none.
    public var fixtures: String?
    /// A file that holds the index of the input being run, for the script to read after a crash.
    public var stateFile: String?
    /// An input taking longer than this is slow (5 s).
    public var slowSeconds = 5.0
    /// An input still running after this is a hang, and the process ends (60 s).
    public var hangSeconds = 60.0

    /// Exit status after a hang, so the script tells it from a crash.
    public static let hangStatus: Int32 = 3

    public init(harness: FuzzHarness, format: FuzzFormat, seed: UInt64, fixtures: String?, stateFile: String?) {
        self.harness = harness
        self.format = format
        self.seed = seed
        self.fixtures = fixtures
        self.stateFile = stateFile
    }

    public struct Report: Sendable {
        public var inputs = 0
        /// Fixture names of the inputs that took longer than the slow limit.
        public var slow: [String] = []
        public var slowest = 0.0
    }

    public func run(_ indices: Range<Int>) -> Report {
        var report = Report()
        let started = Mutex<(index: Int, at: UInt64)?>(nil)
        let hangSeconds = hangSeconds
        let watchdog = Thread {
            while true {
                Thread.sleep(forTimeInterval: 1)
                guard let current = started.withLock({ $0 }) else { continue }
                if Double(DispatchTime.now().uptimeNanoseconds - current.at) / 1e9 > hangSeconds { exit(Self.hangStatus) }
            }
        }
        watchdog.start()
        for index in indices {
            let input = harness.input(format, seed: seed, index: index)
            if let stateFile { try? Data("\(index)\n".utf8).write(to: URL(fileURLWithPath: stateFile)) }
            let start = DispatchTime.now().uptimeNanoseconds
            started.withLock { $0 = (index, start) }
            harness.exercise(input)
            started.withLock { $0 = nil }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            report.inputs += 1
            report.slowest = max(report.slowest, seconds)
            if seconds > slowSeconds { report.slow.append(keep(input, kind: "slow", index: index)) }
        }
        return report
    }

    /// Saves an input as a regression fixture and returns its name.
    @discardableResult
    public func keep(_ input: FuzzInput, kind: String, index: Int) -> String {
        let name = input.fixtureName(kind: kind, seed: seed, index: index)
        guard let fixtures else { return name }
        let folder = fixtures + "/" + format.rawValue
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(input.bytes))
        return name
    }
}
