import ArgumentParser
import Courseware
import Foundation
import Grading

/// `groundwork stats`: item analysis of a cohort's answers, for mentors.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Item analysis of a cohort: which items work, which to review.",
        discussion: """
            --answers is a folder of answers files, one per learner: files written by a
            tool, or attempts exported from gradebooks ('groundwork export attempts'). A
            learner named by two files counts once (the latest attempt is kept; a
            warning says which). Every figure is defined in docs/mentors.md.

            Exit status: 0 when every file was used, 2 when the assessment or the folder
            cannot be used or some files were left out (each is named on stderr).

            Examples:
              groundwork stats sentiment-quiz --answers cohort/
              groundwork stats sentiment-quiz --answers cohort/ --format csv > items.csv
            """
    )

    @Argument(help: "The assessment: its id, or the path of its folder.") var assessment: String
    @Option(help: ArgumentHelp("A folder of answers files, one per learner.", valueName: "folder")) var answers: String
    @Option(help: "Output format: text, csv or json.") var format: CohortFolder.Format = .text
    @OptionGroup var assessments: AssessmentOptions

    func run() throws {
        let assessment = try assessments.load(self.assessment)
        let loaded = try CohortFolder.load(answers, option: "--answers", per: "learner", for: assessment)
        let report: CohortReport
        do {
            report = try CohortStatistics.analyze(loaded.entries.map(\.sheet), for: assessment)
        } catch {
            throw CommandError(error.message)
        }
        CohortFolder.print(report, as: format)
        // A spreadsheet has no place for the warning; JSON carries it as "smallCohort".
        if format == .csv, let warning = report.smallCohortWarning { Terminal.printError("groundwork: \(warning)") }
        if let failure = CohortFolder.failure(loaded) { throw failure }
    }
}
