import ArgumentParser
import Foundation
import Gradebook
import Grading

/// `--data-dir` and `--database`, shared by every command that reads or writes the gradebook.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp("Where your progress is kept (default: $GROUNDWORK_DATA, else ~/.local/share/groundwork).", valueName: "path"))
    var dataDirectory: String?
    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "Keep the gradebook in PostgreSQL instead of the data folder's SQLite file (default: $GROUNDWORK_DATABASE; see docs/postgres.md).",
            valueName: "postgres://user@host:port/db"))
    var database: String?

    /// The local learner's records (the terminal has one learner).
    func learnerBook(_ learner: String = Gradebook.localLearner) throws -> LearnerBook {
        try gradebook().learner(learner)
    }

    /// The whole gradebook, every learner's records (a mentor's commands): in PostgreSQL when
    /// `--database` or `$GROUNDWORK_DATABASE` names one, else in the data folder.
    func gradebook() throws -> Gradebook {
        do {
            if let url = databaseURL() { return try Gradebook.open(database: url, clock: Self.clock()) }
            return try Gradebook.open(directory: dataDirectory ?? Gradebook.defaultDirectory(), clock: Self.clock())
        } catch {
            throw CommandError(GradebookMessage.text(error))
        }
    }

    /// The PostgreSQL URL given, if any; an empty `$GROUNDWORK_DATABASE` counts as none.
    func databaseURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let database { return database }
        guard let url = environment["GROUNDWORK_DATABASE"], !url.isEmpty else { return nil }
        return url
    }

    /// Where fresh generated practice items are written: `generated/` in the data folder.
    func generatedPractice() -> GeneratedPractice {
        GeneratedPractice(folder: WorkspaceFolder.join(dataDirectory ?? Gradebook.defaultDirectory(), "generated"))
    }

    /// The real clock, or the fixed moment in `GROUNDWORK_NOW` (ISO 8601, e.g.
    /// 2026-01-05T09:00:00Z): how tests check retake delays across runs without waiting days.
    static func clock() -> @Sendable () -> Date {
        guard let text = ProcessInfo.processInfo.environment["GROUNDWORK_NOW"], !text.isEmpty else { return { Date() } }
        guard let fixed = ISO8601DateFormatter().date(from: text) else {
            Terminal.printError(
                "groundwork: GROUNDWORK_NOW '\(text)' is not an ISO 8601 time such as 2026-01-05T09:00:00Z; using the real clock")
            return { Date() }
        }
        return { fixed }
    }

    /// The learner's records, or nil after telling the learner on stderr why progress is not
    /// kept; for commands whose main job (reading) should not fail because of it.
    func learnerBookIfAvailable() -> LearnerBook? {
        do {
            return try learnerBook()
        } catch let error as CommandError {
            Terminal.printError("groundwork: progress is not saved: \(error.message)")
        } catch {
            Terminal.printError("groundwork: progress is not saved: \(error)")
        }
        return nil
    }
}
