import Courseware
import Foundation
import Gradebook
import Grading
import HTTPTypes

/// An attempt as the learner may see it now: where they are, the time left, the item to
/// answer (its learner view: no gold) and the feedback the policy releases for the last
/// answer. The API sends it as JSON; the item page renders it.
struct AttemptState: Encodable {
    let attempt: Int64
    let assessment: String
    let title: String
    let status: String
    /// 1-based number of the current item and the number of items.
    let number: Int
    let total: Int
    let answered: Int
    /// Answers saved so far, every try included (a training item may take several): the
    /// next save's client sequence is one more.
    let saves: Int
    /// Seconds left on the server's clock; nil when untimed.
    let secondsLeft: Double?
    /// Work mode: the running accuracy on hidden test questions, as platforms show it.
    let accuracy: Double?
    let item: ItemState?
    let feedback: FeedbackState?
    /// Every item was answered: the attempt waits for the learner to submit it.
    let readyToSubmit: Bool
    let finished: Bool
    let reportURL: String?
    /// `linear` (forward only) or `nonlinear` (go back, flag and change answers until submitting).
    let navigation: String
    /// Whether the current item is flagged for review.
    let flagged: Bool
    /// Going back to an item already answered: the answer that counts now, in words.
    let currentAnswer: String?
    /// Where going back is allowed: every item's number, state and flag, for the review list.
    let review: [ReviewEntry]?

    init(test: Assessment, attempt: RecordedAttempt, outcome: AttemptSession.Outcome?, site: Site) {
        let session = attempt.session
        self.attempt = attempt.id
        assessment = test.id
        title = test.title
        finished = attempt.record.status != .inProgress
        status = finished ? attempt.record.status.rawValue : Attempt.Status.inProgress.rawValue
        number = session.position.number
        total = session.position.total
        answered = Set(session.given.map(\.itemID)).count
        saves = session.given.count
        secondsLeft = finished ? nil : attempt.secondsLeft
        let gold = session.goldAccuracy
        accuracy = test.policy.mode == .work && gold.items > 0 ? gold.score : nil
        item =
            finished
            ? nil
            : session.current.map {
                ItemState($0, test: test, plan: session.plan, number: session.position.number, attempt: attempt.id)
            }
        feedback = outcome.flatMap { FeedbackState($0, site: site, test: test) }
        readyToSubmit = !finished && session.current == nil
        reportURL = finished ? "/attempts/\(attempt.id)/report" : nil
        navigation = session.allowsGoingBack ? AssessmentPolicy.Navigation.nonlinear.rawValue : AssessmentPolicy.Navigation.linear.rawValue
        let counted = session.countedResponses
        flagged = session.current.map { attempt.flagged.contains($0.id) } ?? false
        currentAnswer =
            session.allowsGoingBack
            ? session.current.flatMap { item in
                counted[item.id].map { $0.map { AnswerText.describe($0, task: item.content.task) } ?? "skipped" }
            } : nil
        review =
            session.allowsGoingBack && !finished
            ? session.items.enumerated().map { offset, item in
                ReviewEntry(
                    number: offset + 1, itemID: item.id, summary: LearnerItem(item).promptSummary(limit: 80),
                    state: session.answerState(of: item.id),
                    flagged: attempt.flagged.contains(item.id),
                    attempt: attempt.id)
            } : nil
    }
}

/// One line of the review list before submitting: an item, whether it has an answer, its flag.
struct ReviewEntry: Encodable {
    let number: Int
    let itemID: String
    /// The prompt's first words, so the learner recognises the item.
    let summary: String
    /// `answered`, `skipped` or `not-answered`.
    let state: String
    let flagged: Bool
    /// The page that shows the item again.
    let url: String

    init(number: Int, itemID: String, summary: String, state: AttemptSession.AnswerState, flagged: Bool, attempt: Int64) {
        self.number = number
        self.itemID = itemID
        self.summary = summary
        self.state = state.rawValue
        self.flagged = flagged
        url = "/attempts/\(attempt)/items/\(number)"
    }
}

/// The item to answer, as the learner sees it.
struct ItemState: Encodable {
    let id: String
    let kind: String
    let number: Int
    let promptHTML: String
    /// The task without gold, in the answers-JSON vocabulary of its kind.
    let task: LearnerTask
    /// Choice options in the order this attempt shows them.
    let options: [ChoiceTask.Option]?
    /// The image or audio the task shows, served from the test's folder.
    let mediaURL: String?

    init(_ item: Item, test: Assessment, plan: AttemptPlan, number: Int, attempt: Int64) {
        id = item.id
        kind = item.kind.rawValue
        self.number = number
        promptHTML = WebText.markdown(item.prompt)
        let learner = LearnerItem(item)
        task = learner.task
        switch learner.task {
        case .singleChoice(let choice), .multipleChoice(let choice): options = plan.options(choice, of: item.id)
        default: options = nil
        }
        mediaURL = TestMedia.file(of: learner.task).map { Site.mediaURL($0, test: test, attempt: attempt) }
    }
}

/// What the policy lets the learner see right after an answer.
struct FeedbackState: Encodable {
    /// `result` (verdict and explanation), `try-again` (training: a hint, another try) or
    /// `none` (nothing about the item, only that time ran out or the learner was removed).
    var type = "none"
    var itemID: String?
    var verdict: String?
    var score: Double?
    /// The score as a page shows it ("50%").
    var scoreText: String?
    var lines: [String] = []
    var reasonHTML: String?
    var lessonURL: String?
    /// The answer, the gold and what the matching measured, as the policy released them.
    var response: JSONValue?
    var gold: JSONValue?
    var details: ItemDetails?
    var hint: String?
    var triesLeft: Int?
    /// The answer came after the time limit and does not count.
    var late = false
    var removed = false

    init?(_ outcome: AttemptSession.Outcome, site: Site, test: Assessment) {
        late = outcome.ending == .timedOut && !outcome.counted
        removed = outcome.ending == .removed
        switch outcome.feedback {
        case .none:
            guard late || removed else { return nil }
        case .tryAgain(let hint, let triesLeft):
            type = "try-again"
            self.hint = hint
            self.triesLeft = triesLeft
        case .result(let result):
            type = "result"
            itemID = result.id
            verdict = result.verdict.rawValue
            score = result.score
            scoreText = WebText.percent(result.score)
            lines = result.feedback
            reasonHTML = result.reason.isEmpty ? nil : WebText.markdown(result.reason)
            lessonURL = result.lesson.flatMap { site.lessonURL($0, test: test) }
            response = result.response
            gold = result.gold
            details = result.details
        }
    }
}

extension Site {
    /// The page of an item's lesson link (`../../Content/x.md#part` → `/lessons/x#part`).
    func lessonURL(_ link: String, test: Assessment) -> String? {
        switch links.resolve(link, from: test.folder) {
        case .lesson(let id, let anchor): return "/lessons/\(id)" + (anchor.map { "#\($0)" } ?? "")
        case .practiceTest(let id): return "/tests/\(id)"
        case .other: return nil
        }
    }
}

/// The media files a test's items show or play: the only files served from its folder, so
/// answer keys beside them (`*.truth.json`) never are.
enum TestMedia {
    static func file(of task: LearnerTask) -> String? {
        switch task {
        case .boxes(let task), .polygons(let task): return task.image
        case .keypoints(let task): return task.image
        case .transcription(let task): return task.audio
        case .timeSegments(let task): return task.media
        case .singleChoice, .multipleChoice, .rating, .shortText, .numeric, .spans, .ranking, .pairwise, .rubric: return nil
        }
    }

    static func files(of test: Assessment) -> Set<String> {
        Set(test.items.compactMap { file(of: $0.content.task) })
    }
}
