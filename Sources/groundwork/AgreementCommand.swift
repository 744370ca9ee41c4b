import ArgumentParser
import Courseware
import Foundation
import Grading

/// `groundwork agreement`: how far mentors' gold answers for one test agree.
struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Agreement among several mentors' gold for one test, and the items to settle.",
        discussion: """
            --golds is a folder of answers files, one per mentor, each answering the test
            as its gold should be ("learner" names the mentor). Prints Cohen's kappa for
            every pair of mentors, Fleiss' kappa and Krippendorff's alpha (nominal, ordinal,
            interval) over the label items, object F1 and IoU or span F1 between mentors on
            annotation items, and every item where they disagree. Definitions:
            docs/mentors.md.

            Examples:
              groundwork agreement street-boxes --golds golds/
              groundwork agreement sentiment-quiz --golds golds/ --format json
            """
    )

    @Argument(help: "The assessment: its id, or the path of its folder.") var assessment: String
    @Option(help: ArgumentHelp("A folder of answers files, one per mentor.", valueName: "folder")) var golds: String
    @Option(help: "Output format: text, csv or json.") var format: CohortFolder.Format = .text
    @OptionGroup var assessments: AssessmentOptions

    func run() throws {
        let assessment = try assessments.load(self.assessment)
        let loaded = try CohortFolder.load(golds, option: "--golds", per: "mentor", for: assessment)
        let report: AgreementReport
        do {
            report = try GoldAgreement.analyze(loaded.entries.map { ($0.learner, $0.sheet) }, for: assessment)
        } catch {
            throw CommandError(error.message)
        }
        CohortFolder.print(report, as: format)
        if let failure = CohortFolder.failure(loaded) { throw failure }
    }
}
