public import Foundation

/// Why the gradebook refused a request, as data a front end phrases with its own hints (the
/// terminal names `--data-dir`, the web app an HTTP status). A damaged or newer file is never
/// "fixed": it is left exactly as it was.
public enum GradebookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not a SQLite database, is not a gradebook, or SQLite reports it damaged.
    case corrupt(path: String, reason: String)
    /// A newer Groundwork wrote migrations this version does not know.
    case newerVersion(path: String, unknownMigrations: [String])
    /// The data folder or the file may not be written (permissions, a read-only disk).
    case readOnly(path: String)
    /// The disk is full.
    case diskFull(path: String)
    /// Another process kept the gradebook locked for longer than the busy timeout.
    case busy(path: String)
    /// Any other failure to create, open, read or write the file or its folder.
    case unavailable(path: String, reason: String)
    /// An attempt id that this learner's records do not hold.
    case unknownAttempt(Int64)
    /// An attempt that is already finished cannot take more answers.
    case attemptFinished(Int64)
    /// Another taker holds the attempt: a terminal (`cli:<pid>@<host>`) or a web session.
    case heldElsewhere(attemptID: Int64, holder: String, since: Date)
    /// A repeated save with this client sequence names another item or response than the
    /// answer recorded under it.
    case answerConflict(attemptID: Int64, clientSequence: Int64)

    public var description: String {
        switch self {
        case .corrupt(let path, let reason):
            return "the gradebook at '\(path)' is damaged (\(reason)); it was left untouched"
        case .newerVersion(let path, let unknown):
            return
                "the gradebook at '\(path)' was written by a newer Groundwork (\(unknown.joined(separator: ", "))); it was left untouched"
        case .readOnly(let path):
            return "the gradebook at '\(path)' cannot be written: the folder or file is read-only"
        case .diskFull(let path):
            return "the gradebook at '\(path)' cannot be written: the disk is full"
        case .busy(let path):
            return "the gradebook at '\(path)' stayed locked by another program for \(Int(Gradebook.busyTimeout)) s"
        case .unavailable(let path, let reason):
            return "the gradebook at '\(path)' cannot be used: \(reason)"
        case .unknownAttempt(let id):
            return "no attempt #\(id) in the gradebook"
        case .attemptFinished(let id):
            return "attempt #\(id) is already finished"
        case .heldElsewhere(let id, let holder, _):
            return "attempt #\(id) is open elsewhere ('\(holder)')"
        case .answerConflict(let id, let sequence):
            return "attempt #\(id) already has a different answer saved as number \(sequence)"
        }
    }
}
