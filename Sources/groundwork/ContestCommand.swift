import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading

/// `groundwork contest ATTEMPT ITEM --reason …`: a learner says an item's gold is wrong.
struct ContestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contest",
        abstract: "Tell a mentor you think an item's gold answer is wrong.",
        discussion: """
            Once an attempt's report shows an item's gold, you may contest it with a
            reason. Your answer in that attempt is kept as the gold you propose. A mentor
            answers with 'groundwork contests'; if they accept, the gold changes, every
            past attempt that asked the item is re-scored, and your home view says what
            changed and why.

            Examples:
              groundwork contest 12 q3 --reason "The review praises the food and hates the service: that is MIXED."
            """
    )

    @Argument(help: "The attempt number (from 'groundwork history').") var attempt: Int64
    @Argument(help: "The item id, as the report prints it after the item's number.") var item: String
    @Option(help: ArgumentHelp("Why you think the gold is wrong.", valueName: "text")) var reason: String
    @OptionGroup var assessments: AssessmentOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let book = try data.learnerBook()
        guard let record = try book.attempt(id: attempt) else {
            throw CommandError("no attempt #\(attempt); 'groundwork history' lists yours")
        }
        guard let assessment = try? assessments.load(recorded: record, data: data) else {
            throw CommandError("the assessment '\(record.assessmentID)' of attempt #\(attempt) cannot be found, so its rules are unknown")
        }
        let contest: Contest
        do {
            contest = try book.contestFromReport(attemptID: attempt, itemID: item, reason: reason, assessment: assessment)
        } catch let error as ContestError {
            throw CommandError(error.message)
        }
        print("Contest #\(contest.id ?? 0) filed on item '\(item)' of attempt #\(attempt); a mentor will answer it.")
        print("Your answer in that attempt is the gold you propose. 'groundwork' (the home view) shows the answer when it comes.")
    }
}
