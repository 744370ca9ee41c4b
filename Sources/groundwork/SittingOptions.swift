import ArgumentParser
import Foundation
import Gradebook
import Grading
import Readiness

/// The arguments `take` and `practice` share: which test, where the gradebook is, and how
/// to open the attempt.
struct SittingOptions: ParsableArguments {
    @OptionGroup var assessments: AssessmentOptions
    @OptionGroup var data: DataOptions
    @Argument(help: "The assessment's id (see 'groundwork assessments') or its folder.") var id: String
    @Option(help: ArgumentHelp("Answers for items that cannot be typed (JSON answers file).", valueName: "file"))
    var answers: String?
    @Option(help: ArgumentHelp("Seed for drawing and shuffling items (default: random; recorded either way).", valueName: "n"))
    var seed: UInt64?
    @Flag(help: "Close the attempt in progress without finishing it (an exam attempt still counts).")
    var abandon = false
    @Flag(
        help: ArgumentHelp(
            "Continue here an attempt that is open in another terminal or a web browser; the other one can save no more answers to it."
        ))
    var takeOver = false

    /// The sitting these arguments describe, for `purpose`.
    func sitting(_ purpose: AttemptPurpose) throws -> Sitting {
        try sitting(at: try assessments.load(id), purpose: purpose, seed: seed)
    }

    /// Practice at fresh generated items for the test: the one in progress, or a new draw
    /// that brings back its missed items due for review as fresh variants first.
    func generatedSitting() throws -> Sitting {
        let source = try assessments.load(id)
        let book = try data.learnerBook()
        var due: [(itemID: String, kind: ItemKind)] = []
        if let folder = assessments.folder() {
            let schedule = try ReviewSchedule.load(book: book, catalog: AssessmentCatalog(folder: folder))
            due = schedule.due.filter { $0.assessmentID == source.id }.map { ($0.itemID, $0.kind) }
        }
        // Speaking ten clips takes a few seconds: say what the wait is for.
        if GeneratedPractice.generators(for: source).contains(.speech), SpeechSynthesizer.program != nil,
            try book.attemptInProgress(assessmentID: GeneratedPractice.id(for: source.id), purpose: .practice) == nil
        {
            print("Making fresh spoken clips with espeak-ng…")
        }
        do {
            let draw = try data.generatedPractice().draw(
                for: source, book: book, seed: seed ?? UInt64.random(in: 0...UInt64(Int64.max)), variantsOf: due)
            return try sitting(at: draw.assessment, purpose: .practice, seed: draw.seed)
        } catch let error as GeneratedPracticeError {
            throw CommandError(error.description)
        }
    }

    private func sitting(at assessment: Assessment, purpose: AttemptPurpose, seed: UInt64?) throws -> Sitting {
        var sheet: AnswerSheet?
        if let answers {
            do {
                // An exam does not start with an answer it cannot read: fix the file first.
                sheet = try AnswerSheet.load(path: answers, for: assessment).requireReadable(path: answers)
            } catch {
                throw CommandError(error.description)
            }
        }
        return Sitting(
            assessment: assessment, book: try data.learnerBook(), purpose: purpose, sheet: sheet, answersPath: answers, seed: seed,
            abandon: abandon, takeOver: takeOver)
    }
}
