import Courseware
import Foundation
import Gradebook
import Grading
import HTTPTypes

/// A finished attempt's report as the learner may see it: items numbered as they were shown,
/// each with its question, the learner's answer, and — as far as the policy releases them —
/// the feedback, the reason and the lesson that teaches the rule.
struct ReportDesk {
    let site: Site
    let book: LearnerBook

    /// - Parameter problem: A refused self-grade to say beside its form (item id, message).
    func report(_ id: Int64, problem: (item: String, message: String)? = nil) throws -> ReportView {
        guard let record = try book.attempt(id: id) else { throw WebError(.notFound, "no attempt #\(id)") }
        let test = try site.assessment(for: record)
        guard record.status != .inProgress, let json = record.resultJSON,
            let stored = try? JSONDecoder().decode(AttemptResult.self, from: Data(json.utf8))
        else { return ReportView(unfinished: record, test: test) }
        let rules = test.running(as: record.purpose).policy
        var view = ReportView(record: record, result: stored.released(for: rules, stage: .finished), test: test, site: site)
        view.name = try AttemptName.of(record, in: book, capitalized: true)
        let contests = try book.contests().filter { $0.attemptID == id }
        // A generated item's gold is exact: a notice stands where the contest form would be.
        let generated = GeneratedPractice.sourceID(of: record.assessmentID) != nil
        for index in view.items.indices {
            view.items[index].contest =
                contests.first { $0.itemID == view.items[index].id }.map {
                    "You contested this gold (#\($0.id ?? 0)): \($0.status == .open ? "waiting for a mentor" : $0.status.rawValue)."
                }
                ?? (generated
                    ? "This item was generated: its gold is exact by construction, made with its picture, sentence or clip." : nil)
        }
        if let problem, let index = view.items.firstIndex(where: { $0.id == problem.item }) {
            view.items[index].selfGrade?.problem = problem.message
        }
        return view
    }
}

struct ReportView {
    struct ItemRow {
        let number: Int
        let id: String
        let kind: String
        let verdict: String
        let score: String
        let promptHTML: String
        let answer: String?
        /// The gold answer in words, when the policy releases it.
        let gold: String?
        /// What the matching measured (IoU and edges, boundary deltas, the word diff), in words.
        let details: [String]
        /// The picture of the answer over the gold, for drawn, marked and transcribed items.
        let overlay: OverlayView?
        let feedback: [String]
        let reasonHTML: String?
        let lessonURL: String?
        let scored: Bool
        /// This learner's contest of the item's gold from this attempt, in words.
        var contest: String? = nil
        /// A written answer's self-grading form.
        var selfGrade: SelfGradeView?
    }

    struct SectionRow {
        let title: String
        let score: String
        let passed: Bool?
    }

    struct ConceptRow {
        let concept: String
        let score: String
        let review: [String]
    }

    let attempt: Int64
    /// "Attempt 2 (#13)": its number among this test's attempts of its purpose, and its id.
    var name = ""
    let testID: String
    let title: String
    let finished: Bool
    var score = ""
    var passed = false
    var passMark = ""
    var status = ""
    var when = ""
    var failedBecause: [String] = []
    var notes: [String] = []
    var hints: [String] = []
    var sections: [SectionRow] = []
    var concepts: [ConceptRow] = []
    var counts = ""
    var items: [ItemRow] = []
    /// The policy shows only the score and patterns (no per-item explanations).
    var scoreOnly = false
    /// Whether any item has an overlay (the page then loads the overlay script).
    var hasOverlays = false

    init(unfinished record: Attempt, test: Assessment) {
        attempt = record.id ?? 0
        testID = test.id
        title = test.title
        finished = record.status != .inProgress
        status = record.status.description
    }

    init(record: Attempt, result: AttemptResult, test: Assessment, site: Site) {
        attempt = record.id ?? 0
        testID = test.id
        title = test.title
        finished = true
        score = String(format: "%.1f%%", result.score * 100)
        passed = result.passed
        passMark = WebText.percent(result.passMark)
        status = record.status.description
        when = WebText.moment(record.startedAt)
        failedBecause = result.failedBecause
        notes = result.notes
        hints = result.hints
        sections = result.sections.map { SectionRow(title: $0.title, score: WebText.percent($0.score), passed: $0.passed) }
        concepts = result.concepts.map { ConceptRow(concept: $0.concept, score: WebText.percent($0.score), review: $0.review) }
        let counts = result.counts
        self.counts =
            "\(counts.correct) correct, \(counts.partial) partly correct, \(counts.incorrect) wrong, \(counts.unanswered) unanswered (of \(counts.items))"
            + (counts.unscored > 0 ? "; \(counts.unscored) ordinary work rows not scored" : "")
        scoreOnly = result.disclosure == .aggregate
        let byID = Dictionary(result.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func words(_ json: JSONValue?, _ item: Item) -> String? {
            json.flatMap { try? ItemResponse(json: $0, for: item) }.map { AnswerText.describe($0, task: item.content.task) }
        }
        let rows: [ItemRow] = record.itemIDs.enumerated().compactMap { index, id in
            guard let result = byID[id], let item = test.item(id) else { return nil }
            return ItemRow(
                number: index + 1, id: id, kind: item.kind.rawValue, verdict: result.verdict.rawValue, score: WebText.percent(result.score),
                promptHTML: WebText.markdown(item.prompt), answer: words(result.response, item), gold: words(result.gold, item),
                details: result.details?.lines(kind: item.kind) ?? [],
                overlay: OverlayView(
                    result, item: item,
                    mediaURL: TestMedia.file(of: item.content.task).map { Site.mediaURL($0, test: test, attempt: record.id ?? 0) },
                    listID: "overlay-list-\(index + 1)"),
                feedback: result.feedback,
                reasonHTML: result.reason.isEmpty ? nil : WebText.markdown(result.reason),
                lessonURL: result.lesson.flatMap { site.lessonURL($0, test: test) }, scored: result.scored,
                selfGrade: SelfGradeSheet(item: item, released: result).map(SelfGradeView.init))
        }
        items = rows
        hasOverlays = rows.contains { $0.overlay != nil }
    }
}
