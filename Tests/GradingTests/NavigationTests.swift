import Courseware
import Testing

@testable import Grading

/// `navigation: nonlinear`: going back, changing answers (the last one counts) and
/// submitting, and the combinations where the session stays forward only.
struct NavigationTests {
    let nonlinear = "  mode: exam\n  show-reasons: at-end\n  navigation: nonlinear\n"

    @Test func theLastAnswerToAnItemCountsWhereGoingBackIsAllowed() throws {
        var attempt = try session(try policyTest(nonlinear))
        #expect(attempt.allowsGoingBack)
        _ = attempt.answer(no, at: 1)
        #expect(attempt.current?.id == "q2")
        let wentq1 = attempt.go(to: "q1")
        #expect(wentq1)
        #expect(attempt.current?.id == "q1")
        _ = attempt.answer(yes, at: 2)
        // Back on the first item not answered yet, not on the item after q1 by position alone.
        #expect(attempt.current?.id == "q2")
        for _ in 2...4 { _ = attempt.answer(yes, at: 3) }
        #expect(attempt.countedResponses["q1"] == .some(yes))
        #expect(attempt.given.filter { $0.itemID == "q1" }.map(\.counted) == [false, true])
        // Every item answered: the attempt waits for the learner to submit.
        #expect(attempt.current == nil)
        #expect(attempt.ending == nil)
        attempt.submit()
        #expect(attempt.ending == .completed)
        #expect(attempt.result(learner: nil).score == 1)
    }

    @Test func afterAnsweringTheNextItemWithoutAnAnswerComesNextWrappingRound() throws {
        var attempt = try session(try policyTest(nonlinear))
        let wentq3 = attempt.go(to: "q3")
        #expect(wentq3)
        _ = attempt.answer(yes, at: 1)
        #expect(attempt.current?.id == "q4")
        _ = attempt.answer(nil, at: 2)
        // q4 was skipped (it has an answer: none), so the pass goes round to q1.
        #expect(attempt.current?.id == "q1")
        #expect(attempt.countedResponses["q4"] == .some(nil))
    }

    @Test func submittingEarlyCountsTheRestAsUnanswered() throws {
        var attempt = try session(try policyTest(nonlinear))
        _ = attempt.answer(yes, at: 1)
        attempt.submit()
        #expect(attempt.current == nil)
        let result = attempt.result(learner: nil)
        #expect(result.score == 0.25)
        #expect(result.counts.unanswered == 3)
    }

    @Test(arguments: [
        "  mode: exam\n  show-reasons: at-end\n",
        "  mode: quiz\n  show-reasons: after-each\n  navigation: nonlinear\n",
        "  mode: training\n  show-reasons: at-end\n  navigation: nonlinear\n",
    ])
    func otherwiseAnAnswerIsFinal(policy: String) throws {
        var attempt = try session(try policyTest(policy))
        #expect(!attempt.allowsGoingBack)
        _ = attempt.answer(yes, at: 1)
        let wentq1 = attempt.go(to: "q1")
        #expect(!wentq1)
        #expect(attempt.current?.id == "q2")
    }

    @Test func practiceOfANonlinearTestGoesForwardOnly() throws {
        let test = try policyTest(nonlinear)
        var attempt = try AttemptSession(
            assessment: test, plan: AttemptPlan(seed: 1, itemIDs: test.items.map(\.id), assessment: test), purpose: .practice)
        #expect(!attempt.allowsGoingBack)
        _ = attempt.answer(no, at: 1)
        let wentq1 = attempt.go(to: "q1")
        #expect(!wentq1)
    }

    @Test func checkWarnsAboutNavigationThatCannotApply() throws {
        let after = try policyTest("  mode: quiz\n  show-reasons: after-each\n  navigation: nonlinear\n")
        let training = try policyTest("  mode: training\n  show-reasons: at-end\n  navigation: nonlinear\n")
        let fine = try policyTest(nonlinear)
        #expect(AssessmentChecker(checkLessonLinks: false).check(after).contains { $0.message.contains("'show-reasons: at-end'") })
        #expect(AssessmentChecker(checkLessonLinks: false).check(training).contains { $0.message.contains("quiz and exam modes only") })
        #expect(!AssessmentChecker(checkLessonLinks: false).check(fine).contains { $0.message.contains("navigation") })
    }

    @Test func anUnknownNavigationIsAnErrorWithASuggestion() {
        let loaded = loadInline(
            "- id: q1\n  kind: single-choice\n  prompt: Is it?\n  options: [yes, no]\n  answer: yes\n",
            assessment: "---\ntitle: T\npass-mark: 50%\npolicy:\n  navigation: nonlinar\n---\nGo.\n")
        #expect(loaded.errors.contains { $0.message.contains("'navigation' is 'nonlinar'") && $0.message.contains("nonlinear") })
    }
}
