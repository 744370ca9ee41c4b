import Courseware
import Foundation
import Grading
import Testing

@testable import Gradebook

/// Self-grades of written answers: stored as answer rows after the text, replayed with the
/// attempt, and scored into the stored result once the attempt is finished.
struct RubricGradeTests {
    static func writingTest(_ policy: String) throws -> Assessment {
        let front = "---\nid: writing\ntitle: Writing\npass-mark: 75%\npolicy:\n\(policy)---\nWrite.\n"
        let items = """
            - id: w1
              kind: rubric
              prompt: Say why the sky is blue.
              min-words: 3
              criteria: [{id: correct, title: It is correct, points: 2}]
              answer: Air scatters blue light more than red light.
              reason: Rayleigh scattering.
            - {id: q1, kind: single-choice, prompt: Is it?, options: [yes, no], answer: yes, reason: It is.}

            """
        let loaded = AssessmentLoader().load(
            assessment: SourceFile(path: "assessment.md", text: front), items: SourceFile(path: "items.yaml", text: items), folder: nil)
        #expect(loaded.errors.map(\.description) == [])
        return try #require(loaded.assessment)
    }

    static let text = "Blue light scatters more in the air."

    static func grade(_ points: Int) -> RubricAnswer {
        RubricAnswer(text: text, selfGrade: ["correct": .init(points: points, reason: "I named the scattering")])
    }

    @Test(arguments: TestStore.all) func aGradeAfterTheEndScoresTheStoredResultAgainAndSurvivesAReload(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let test = try Self.writingTest("  mode: exam\n  shuffle: false\n")
        let book = try directory.open(clock: clock.now).local
        var attempt = try book.start(test)
        _ = try attempt.answer(.rubric(RubricAnswer(text: Self.text)))
        _ = try attempt.answer(.singleChoice("yes"))
        clock.advance(30)
        let before = try attempt.finish()
        // w1: checks 1, rubric ungraded 0 → 0.5; q1: 1 → 0.75 overall.
        #expect(abs(before.score - 0.75) < 1e-12)
        clock.advance(600)
        let after = try #require(try attempt.grade("w1", Self.grade(2)))
        #expect(abs(after.score - 1) < 1e-12)
        #expect(after.activeSeconds == before.activeSeconds)
        #expect(after.startedAt == before.startedAt)
        let stored = try #require(try book.attempt(id: attempt.id))
        #expect(stored.score == 1)
        #expect(stored.passed == true)
        #expect(try book.answers(attemptID: attempt.id).map(\.itemID) == ["w1", "q1", "w1"])
        let reloaded = try RecordedAttempt.load(stored, of: test, in: book, holder: "another")
        #expect(abs(reloaded.session.result(learner: nil).score - 1) < 1e-12)
    }

    @Test(arguments: TestStore.all) func aGradeMustGradeTheTextAsSubmitted(store: TestStore) throws {
        let directory = TestDatabase(store)
        let test = try Self.writingTest("  mode: exam\n  shuffle: false\n")
        let book = try directory.open(clock: TestClock().now).local
        var attempt = try book.start(test)
        _ = try attempt.answer(.rubric(RubricAnswer(text: Self.text)))
        _ = try attempt.answer(.singleChoice("yes"))
        _ = try attempt.finish()
        var swapped = Self.grade(2)
        swapped.text = "A better text written afterwards."
        #expect(throws: RubricGradeError(itemID: "w1")) { try attempt.grade("w1", swapped) }
        #expect(throws: RubricGradeError(itemID: "q1")) { try attempt.grade("q1", Self.grade(2)) }
        #expect(try book.answers(attemptID: attempt.id).count == 2)
    }

    @Test(arguments: TestStore.all) func aGradeSentWithTheTextIsDroppedSoTheAnswerStillCountsOnReplay(store: TestStore) throws {
        let directory = TestDatabase(store)
        let test = try Self.writingTest("  mode: exam\n  shuffle: false\n")
        let book = try directory.open(clock: TestClock().now).local
        var attempt = try book.start(test)
        _ = try attempt.answer(.rubric(Self.grade(2)))
        let reloaded = try RecordedAttempt.load(try #require(try book.attempt(id: attempt.id)), of: test, in: book, holder: "test")
        #expect(reloaded.session.current?.id == "q1")
        #expect(reloaded.session.given.first?.response == .rubric(RubricAnswer(text: Self.text)))
    }

    @Test(arguments: TestStore.all) func aGradeWhileAnsweringIsAnAnswerRowThatTheReplayAppliesNotANewAnswer(store: TestStore) throws {
        let directory = TestDatabase(store)
        let test = try Self.writingTest("  mode: quiz\n  shuffle: false\n  show-reasons: after-each\n")
        let book = try directory.open(clock: TestClock().now).local
        var attempt = try book.start(test)
        _ = try attempt.answer(.rubric(RubricAnswer(text: Self.text)))
        #expect(try attempt.grade("w1", Self.grade(1)) == nil)
        let reloaded = try RecordedAttempt.load(try #require(try book.attempt(id: attempt.id)), of: test, in: book, holder: "test")
        #expect(reloaded.session.current?.id == "q1")
        #expect(reloaded.session.given.count == 1)
        #expect(abs((reloaded.session.given.first?.score.score ?? 0) - 0.75) < 1e-12)
    }
}
