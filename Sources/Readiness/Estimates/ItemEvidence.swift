public import Foundation
public import Gradebook
public import Grading

/// One scored item of a finished attempt, as far as the attempt's policy releases it: the
/// measurement every readiness estimate, pace figure and review card is made of.
public struct ItemEvidence: Sendable, Hashable {
    public var attemptID: Int64
    public var assessmentID: String
    public var itemID: String
    public var kind: ItemKind
    /// Practice or simulated exam: both count, and views say which.
    public var purpose: AttemptPurpose
    public var finishedAt: Date
    /// The item's score in [0, 1] (partial credit as a fraction).
    public var score: Double
    public var concepts: [String]
    /// Active seconds spent on it, every try included; nil when the record has none.
    public var secondsSpent: Double?
    /// The lesson link of an item that lost points, relative to its test's folder, only when
    /// the policy releases it (never for a `show-reasons: never` exam).
    public var lesson: String?

    public init(
        attemptID: Int64, assessmentID: String, itemID: String, kind: ItemKind, purpose: AttemptPurpose, finishedAt: Date,
        score: Double, concepts: [String] = [], secondsSpent: Double? = nil, lesson: String? = nil
    ) {
        self.attemptID = attemptID
        self.assessmentID = assessmentID
        self.itemID = itemID
        self.kind = kind
        self.purpose = purpose
        self.finishedAt = finishedAt
        self.score = score
        self.concepts = concepts
        self.secondsSpent = secondsSpent
        self.lesson = lesson
    }

    /// The evidence in `attempts` (newest first stays newest first), each result released
    /// under the rules it ran under. Attempts at tests `catalog` no longer has are left out:
    /// their policy, and so what may be shown, is unknown. Only scored items count (not
    /// ordinary work rows); an unanswered item counts as a miss when the attempt was
    /// completed, and not at all when time ran out or work mode removed the learner first.
    /// Practice at generated items counts for the test it was generated for, each item as
    /// the item it stands for in review (``Grading/GeneratedPractice/reviewedItemID(_:)``).
    public static func collect(from attempts: [FinishedAttempt], catalog: AssessmentCatalog) -> [ItemEvidence] {
        attempts.flatMap { attempt -> [ItemEvidence] in
            let source = GeneratedPractice.sourceID(of: attempt.assessmentID)
            guard let test = try? catalog.assessment(id: source ?? attempt.assessmentID) else { return [] }
            // Generated practice always explains each answer (its own rules), whatever the test's.
            let policy = source == nil ? test.running(as: attempt.purpose).policy : GeneratedPractice.policy
            let released = attempt.result.released(for: policy, stage: .finished)
            let completed = released.ending == nil || released.ending == .completed
            return released.items.compactMap { item in
                guard item.scored, item.verdict != .unanswered || completed else { return nil }
                return ItemEvidence(
                    attemptID: attempt.id, assessmentID: source ?? attempt.assessmentID,
                    itemID: source == nil ? item.id : GeneratedPractice.reviewedItemID(item.id), kind: item.kind,
                    purpose: attempt.purpose, finishedAt: attempt.finishedAt, score: min(max(item.score, 0), 1),
                    concepts: item.concepts, secondsSpent: item.secondsSpent, lesson: item.verdict == .correct ? nil : item.lesson)
            }
        }
    }
}
