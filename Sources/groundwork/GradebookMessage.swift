import Foundation
import Gradebook

/// The gradebook's refusals as the terminal says them: the library's sentence, then what to
/// do about it here (the web app phrases the same errors its own way).
enum GradebookMessage {
    static func text(_ error: GradebookError) -> String {
        switch error {
        case .corrupt(let path, _):
            guard Gradebook.isDatabaseURL(path) else {
                return "\(error) — move it aside to start a new one, or choose another folder with --data-dir"
            }
            return "\(error) — restore it from a backup (docs/postgres.md), or choose another database with --database"
        case .newerVersion:
            return "\(error) — update Groundwork to use it"
        case .readOnly(let path), .diskFull(let path), .unavailable(let path, _):
            guard Gradebook.isDatabaseURL(path) else { return "\(error); choose another folder with --data-dir" }
            return "\(error); check --database (or $GROUNDWORK_DATABASE)"
        case .busy:
            return "\(error); try again once the other groundwork command has finished"
        case .unknownAttempt:
            return "\(error); 'groundwork history' lists yours"
        case .heldElsewhere(let id, let holder, let since):
            return "attempt #\(id) is open in \(place(holder)) since \(TimeText.moment(since)); finish it there, "
                + "or add --take-over to 'groundwork take' to continue it here"
        case .attemptFinished, .answerConflict:
            return error.description
        }
    }

    static func text(_ error: RecordedAttemptError) -> String {
        "\(error) — run 'groundwork take ID --abandon' to close it and start afresh"
    }

    /// Where a holder takes the attempt: "another terminal (process 4242 on lab-3)" or "a web browser".
    static func place(_ holder: String) -> String {
        guard let process = AttemptHolder.terminalProcess(of: holder) else { return "a web browser" }
        return "another terminal (process \(process.pid) on \(process.host))"
    }
}
