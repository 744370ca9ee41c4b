import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading

/// `groundwork export attempts`: a learner's attempts as answers files for a mentor's cohort.
struct ExportAttempts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attempts",
        abstract: "Write your attempts as answers files for a mentor's 'grade' and 'stats'.",
        discussion: """
            Writes one answers file per finished attempt (the answers its report counted,
            with your name, the attempt number and its dates) named
            ASSESSMENT-NAME-attempt-N.json. Send the folder to your mentor, who runs
            'groundwork stats ASSESSMENT --answers FOLDER' over everyone's files.
            Writing again overwrites the same files with the same content.

            Examples:
              groundwork export attempts --name ana --out for-mentor/
              groundwork export attempts --name ana --assessment sentiment-quiz --practice
            """
    )

    @Option(
        help: ArgumentHelp(
            "The name written into the files, so a mentor can tell learners apart (default: the gradebook's learner).", valueName: "name"))
    var name: String?
    @Option(help: ArgumentHelp("Whose attempts, for a shared gradebook (default: the one local learner).", valueName: "id"))
    var learner: String = Gradebook.localLearner
    @Option(help: ArgumentHelp("Only attempts at this assessment.", valueName: "id")) var assessment: String?
    @Flag(help: "Include practice runs, not only exams.") var practice = false
    @Option(help: ArgumentHelp("The folder to write into; created if missing.", valueName: "folder")) var out: String = "."
    @OptionGroup var data: DataOptions

    func validate() throws {
        if let name, name.isEmpty || name.count > 200 || name.contains(where: \.isNewline) {
            throw ValidationError("--name must be 1 to 200 characters on one line")
        }
    }

    func run() throws {
        let book = try data.learnerBook(learner)
        let learnerName = name ?? learner
        let exported = try book.exportAttempts(
            learnerName: learnerName, assessmentID: assessment, purposes: practice ? [.exam, .practice] : [.exam])
        guard !exported.isEmpty else {
            throw CommandError(
                "no finished \(practice ? "attempts" : "exam attempts")\(assessment.map { " at '\($0)'" } ?? "") to export"
                    + (practice ? "" : "; add --practice to export practice runs"))
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CommandError("cannot create the folder '\(out)': \(error.localizedDescription)")
        }
        for attempt in exported {
            let path = WorkspaceFolder.join(out, attempt.fileName(learnerName: learnerName))
            do {
                try Data(attempt.json.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw CommandError("cannot write '\(path)': \(error.localizedDescription)")
            }
        }
        print("Wrote \(exported.count == 1 ? "1 answers file" : "\(exported.count) answers files") to \(TerminalStyle.sanitize(out)).")
        if name == nil && learner == Gradebook.localLearner {
            print("They name the learner '\(learner)'; pass --name YOUR-NAME so your mentor can tell your files from others'.")
        }
    }
}
