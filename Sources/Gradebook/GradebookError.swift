/// Why the gradebook cannot be used. Each case says what happened and what to do; none of
/// them is ever "fixed" by changing the file, which is left exactly as it was.
public enum GradebookError: Error, Sendable, CustomStringConvertible {
    /// The file is not a SQLite database, or SQLite reports it damaged.
    case corrupt(path: String, reason: String)
    /// A newer Groundwork wrote migrations this version does not know.
    case newerVersion(path: String, unknownMigrations: [String])
    /// The data directory or file cannot be created or written.
    case unwritable(path: String, reason: String)
    /// An attempt id that the gradebook does not hold.
    case unknownAttempt(Int64)
    /// An attempt that is already finished cannot take more answers.
    case attemptFinished(Int64)

    public var description: String {
        switch self {
        case .corrupt(let path, let reason):
            return "the gradebook at '\(path)' is damaged (\(reason)); it was left untouched — move it aside to start a new one"
        case .newerVersion(let path, let unknown):
            return "the gradebook at '\(path)' was written by a newer Groundwork (\(unknown.joined(separator: ", "))); "
                + "update Groundwork to use it — it was left untouched"
        case .unwritable(let path, let reason):
            return "cannot write the gradebook at '\(path)': \(reason); choose another folder with --data-dir"
        case .unknownAttempt(let id):
            return "no attempt #\(id) in the gradebook"
        case .attemptFinished(let id):
            return "attempt #\(id) is already finished"
        }
    }
}
