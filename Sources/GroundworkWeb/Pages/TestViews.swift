import Courseware
import Foundation
import Gradebook
import Grading

/// A test in the list: its facts, its rules in words, the learner's best result and when
/// they may take it.
struct TestSummaryView: Encodable {
    let id: String
    let title: String
    let platform: String
    let facts: String
    let rules: String
    let attempts: Int
    let best: String?
    let inProgress: Int64?
    /// Practice runs so far, and the one in progress: kept apart from simulated exams.
    let practiceRuns: Int
    let practiceInProgress: Int64?
    /// Why it cannot be taken now (a retake delay, no attempts left, prerequisites), if so.
    let blocked: String?

    init(_ test: Assessment, progress: Progress) {
        id = test.id
        title = test.title
        platform = test.platform.rawValue
        let kinds = Set(test.items.map(\.kind.rawValue)).sorted().joined(separator: ", ")
        let count = test.policy.sample ?? test.items.count
        facts =
            "\(count) item\(count == 1 ? "" : "s") (\(kinds)); "
            + (test.timeLimitMinutes.map { "\(Assessment.duration(minutes: $0)) limit" } ?? "no time limit")
            + "; pass mark \(WebText.percent(test.passMark))"
        rules = test.rulesSummary
        let all = progress.attempts(at: test.id)
        let mine = all.filter { $0.purpose == .exam }
        attempts = mine.count
        practiceRuns = all.count - mine.count
        practiceInProgress = all.first { $0.purpose == .practice && $0.status == .inProgress }?.id
        best = mine.compactMap { attempt in attempt.score.map { (score: $0, passed: attempt.passed == true) } }.max { $0.score < $1.score }
            .map { "\(WebText.percent($0.score)) \($0.passed ? "passed" : "not passed")" }
        inProgress = mine.first { $0.status == .inProgress }?.id
        switch (try? progress.book.eligibility(for: test)) ?? .start {
        case .resume, .start: blocked = nil
        case .refused(let refusal): blocked = WebText.refusal(refusal, test: test)
        }
    }
}

/// A test's page before starting: what is at stake, then its instructions.
struct TestView {
    let summary: TestSummaryView
    let instructionsHTML: String
    let timeLimit: String?
    let passMark: String
    let stakes: String
    /// Practice at fresh generated items, where a generator makes the test's kinds.
    let fresh: FreshPractice?

    struct FreshPractice {
        /// What the fresh items are ("street scenes, sentences").
        let kinds: String
        let inProgress: Int64?
    }

    init(_ test: Assessment, summary: TestSummaryView, site: Site, freshInProgress: Int64? = nil) {
        self.summary = summary
        let generators = site.freshGenerators(for: test)
        fresh =
            generators.isEmpty
            ? nil
            : FreshPractice(
                kinds: generators.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }.joined(separator: ", "),
                inProgress: freshInProgress)
        instructionsHTML = WebText.markdown(test.instructions, path: test.assessmentPath)
        timeLimit = test.timeLimitMinutes.map { Assessment.duration(minutes: $0) }
        passMark = WebText.percent(test.passMark)
        stakes = test.stakes(attemptsUsed: summary.attempts)
    }
}

/// The item page (or, once every item is answered, the submit page).
struct ItemPageView {
    let state: AttemptState
    let testTitle: String
    let guidelineHTML: String
    let timer: String?
    let progressPercent: Int
    let item: ItemFormView?
    let feedback: FeedbackState?
    /// The last answer drawn over the gold, when the policy released it right away.
    let feedbackOverlay: OverlayView?
    let tryAgain: Bool
    let accuracy: String?
    /// Items answered so far out of the total, for the submit page.
    let unanswered: Int
    /// Where the test lets the learner go back: the item before this one, if any.
    let previousNumber: Int?
    /// Whether the test lets the learner go back (the flag button, the review list).
    let canGoBack: Bool
    /// The review list's warning about items that would count as unanswered.
    let unansweredNote: String?
    var problem: String?

    init(state: AttemptState, test: Assessment) {
        self.state = state
        testTitle = test.title
        guidelineHTML = WebText.markdown(test.instructions, path: test.assessmentPath)
        timer = state.secondsLeft.map(WebText.clock)
        progressPercent = state.total == 0 ? 100 : (state.number - 1) * 100 / state.total
        item = state.item.map { ItemFormView($0, attempt: state.attempt, saved: state.saves, test: test) }
        feedback = state.feedback
        feedbackOverlay = state.feedback.flatMap { feedback in
            feedback.itemID.flatMap(test.item).flatMap { item in
                OverlayView(
                    response: feedback.response, gold: feedback.gold, details: feedback.details, item: item,
                    mediaURL: TestMedia.file(of: item.content.task).map { Site.mediaURL($0, test: test, attempt: state.attempt) },
                    listID: "feedback-overlay-list"
                )
            }
        }
        tryAgain = state.feedback?.type == "try-again"
        accuracy = state.accuracy.map(WebText.percent)
        unanswered =
            state.review.map { entries in entries.filter { $0.state != AttemptSession.AnswerState.answered.rawValue }.count } ?? state.total
            - state.answered
        canGoBack = state.review != nil
        unansweredNote =
            unanswered == 0
            ? nil : "\(unanswered) item\(unanswered == 1 ? " has" : "s have") no answer and will count as unanswered."
        previousNumber = state.review != nil && state.item != nil && state.number > 1 ? state.number - 1 : nil
    }

    /// The widget scripts the page needs (the shared canvas model first): the item's widget,
    /// and the overlay of the last answer.
    var widgetScripts: [String] {
        let scripts = [item?.widgetScript, feedbackOverlay == nil ? nil : "overlay.js"].compactMap { $0 }
        return scripts.isEmpty ? [] : ["widgets/common.js"] + scripts.map { "widgets/\($0)" }
    }
}
