import Foundation
import Testing

/// Written answers at the terminal: several lines ended by '.', and the self-grade after
/// submitting (or later with `report N --grade`).
extension CommandLineTests {
    @Test func aWrittenAnswerSpansLinesAndIsGradedAfterSubmitting() throws {
        let taken = try take(
            "writing", ["Blue light", "scatters more in air.", ".", "1", "I named the scattering, not why."])
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(taken.stdout.contains("Write your answer; end it with a line holding only '.'"))
        #expect(taken.stdout.contains("Model answer:\nAir scatters blue light more than red light.\n"))
        #expect(taken.stdout.contains("'It is correct': 1 of 2, graded by you: I named the scattering, not why."))
        #expect(taken.stdout.contains("Your answer: Blue light scatters more in air."))
        #expect(taken.stdout.contains("Score: 75% — PASSED"))
    }

    @Test func aWrittenAnswerLeftUngradedIsGradedLaterFromTheReport() throws {
        let taken = try take("writing", ["Blue light scatters more in air.", "."])
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(taken.stdout.contains("Not graded yet: the rubric part counts 0 until you grade it; grade it with\n'groundwork report 1 --grade'."))
        #expect(taken.stdout.contains("Score: 50% — PASSED"))
        let graded = try run(["report", "1", "--grade", "--assessments", Self.assessments], input: "3\n1\n\nHalf right.\n")
        #expect(graded.status == 0, "\(graded.stderr)")
        #expect(graded.stdout.contains("Points (0–2): ") && graded.stdout.contains("Why? Say why, in a sentence."))
        #expect(graded.stdout.contains("'It is correct': 1 of 2, graded by you: Half right."))
        #expect(graded.stdout.contains("Score: 75% — PASSED"))
        let again = try run(["report", "1", "--assessments", Self.assessments])
        #expect(again.stdout.contains("Score: 75%"))
    }

    @Test func aWrittenAnswerNeedsTextBeforeTheDotAndCanBeSkipped() throws {
        let taken = try take("writing", [".", ":skip"])
        #expect(taken.stdout.contains("Write your answer before the '.' line."))
        #expect(taken.stdout.contains("0 correct, 0 partly correct, 0 wrong, 1 unanswered"))
    }
}
