/// Why fresh items cannot be had.
public enum GeneratedPracticeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The test asks no kind of item a generator makes; `kinds` are the kinds it asks.
    case noGenerator(test: String, kinds: [ItemKind])
    /// The only kinds a generator could make need espeak-ng, which is not installed.
    case speechUnavailable
    /// espeak-ng ran and failed.
    case speechFailed(String)
    /// The cache folder could not be written.
    case unwritable(path: String, reason: String)
    /// The generated files did not load cleanly: a bug in a generator, never the learner's.
    case invalid(String)

    public var description: String {
        switch self {
        case .noGenerator(let test, let kinds):
            let made = ItemGenerator.allCases.map(\.kind.rawValue).joined(separator: ", ")
            return
                "no generator makes fresh items for '\(test)': it asks \(kinds.map(\.rawValue).joined(separator: ", ")) items, and generators make \(made)"
        case .speechUnavailable:
            return SpeechSynthesizer.missingMessage
        case .speechFailed(let why):
            return "a fresh spoken clip could not be made: \(why)"
        case .unwritable(let path, let reason):
            return "fresh items could not be written to '\(path)': \(reason); check that the data folder is writable (--data-dir)"
        case .invalid(let why):
            return "a generator made an item that does not load (\(why)); this is a bug in Groundwork, please report it"
        }
    }
}
