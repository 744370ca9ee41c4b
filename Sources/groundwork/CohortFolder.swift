import ArgumentParser
import Courseware
import Foundation
import Grading

/// Reads a folder of answers files for `grade` and `stats`, telling the user on stderr about
/// every file that could not be used and every learner named twice (and which file was kept).
enum CohortFolder {
    /// How `stats` and `agreement` print their report.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    /// Reads the folder given to `option`, refusing a single file with the fix.
    static func load(_ folder: String, option: String, per: String, for assessment: Assessment) throws -> AnswerFolder {
        guard WorkspaceFolder.isDirectory(folder) else {
            throw CommandError("'\(folder)' is not a folder; \(option) takes a folder of answers files, one per \(per)")
        }
        return try load(folder, for: assessment)
    }

    /// Prints `report` in `format`; text and CSV are sanitised, as names come from files.
    static func print(_ report: some MentorReport, as format: Format) {
        switch format {
        case .text: Swift.print(TerminalStyle.sanitize(report.text(width: Terminal.width)), terminator: "")
        case .csv: Swift.print(TerminalStyle.sanitize(report.csv()), terminator: "")
        case .json: Swift.print(report.jsonText(), terminator: "")
        }
    }

    static func load(_ folder: String, for assessment: Assessment) throws -> AnswerFolder {
        let count = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.count
        var progress = ProgressBar(total: count, enabled: count > 1 && Terminal.isErrorInteractive)
        let loaded: AnswerFolder
        do {
            loaded = try AnswerFolder.load(folder, for: assessment) { progress.advance() }
        } catch {
            progress.clear()
            throw CommandError(error.description)
        }
        progress.clear()
        for problem in loaded.problems { Terminal.printError("groundwork: \(problem.description)") }
        for duplicate in loaded.duplicates { Terminal.printError("groundwork: warning: \(duplicate.description)") }
        for entry in loaded.entries {
            for warning in entry.sheet.unreadableWarnings(path: entry.file) { Terminal.printError("groundwork: \(warning)") }
        }
        return loaded
    }

    /// The error to end with when some files could not be used (after the output).
    static func failure(_ loaded: AnswerFolder) -> CommandError? {
        guard !loaded.problems.isEmpty else { return nil }
        return CommandError("\(loaded.problems.count) of \(loaded.files) answers files could not be used (see above)")
    }
}
