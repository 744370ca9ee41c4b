public import Foundation
public import Grading

/// Items the learner missed come back, spaced over days, by SM-2 (Wozniak's SuperMemo 2
/// algorithm; parameters in docs/readiness.md, "Review"). The schedule keeps no state of its
/// own: it is replayed from every recorded answer, so practising a test is reviewing it, and
/// nothing can drift out of step with the gradebook.
public struct ReviewSchedule: Sendable, Encodable {
    /// One item that was missed at least once, with where SM-2 has got to.
    public struct Card: Sendable, Encodable, Equatable {
        public var assessmentID: String
        public var itemID: String
        /// Its kind: a fresh variant of the same kind reviews it where a generator makes one.
        public var kind: ItemKind
        /// Times answered, and the last score.
        public var answers: Int
        public var lastScore: Double
        public var lastAnswered: ISODate
        /// SM-2's state after the last answer.
        public var repetitions: Int
        public var easiness: Double
        public var intervalDays: Int
        /// When it is next due.
        public var due: ISODate
    }

    /// Every card, soonest due first.
    public var cards: [Card]
    /// The moment the schedule was read at.
    public var now: ISODate

    /// Cards due at ``now``.
    public var due: [Card] { cards.filter { $0.due.date <= now.date } }

    /// SM-2's starting easiness factor and its floor.
    public static let initialEasiness = 2.5
    public static let minimumEasiness = 1.3

    /// The schedule over `evidence` (any order) at `now`: a card for each item ever scored
    /// below full credit.
    public init(evidence: [ItemEvidence], now: Date) {
        let byItem = Dictionary(grouping: evidence) { "\($0.assessmentID)\u{0}\($0.itemID)" }
        cards = byItem.values.compactMap { answers in
            let ordered = answers.sorted { ($0.finishedAt, $0.attemptID) < ($1.finishedAt, $1.attemptID) }
            guard ordered.contains(where: { $0.score < 1 - 1e-9 }), let last = ordered.last else { return nil }
            var repetitions = 0, easiness = Self.initialEasiness, interval = 0
            for answer in ordered {
                Self.step(quality: Self.quality(answer.score), repetitions: &repetitions, easiness: &easiness, interval: &interval)
            }
            let due = last.finishedAt.addingTimeInterval(Double(interval) * 86_400)
            return Card(
                assessmentID: last.assessmentID, itemID: last.itemID, kind: last.kind, answers: ordered.count, lastScore: last.score,
                lastAnswered: ISODate(last.finishedAt), repetitions: repetitions, easiness: easiness, intervalDays: interval,
                due: ISODate(due))
        }.sorted { ($0.due.date, $0.assessmentID, $0.itemID) < ($1.due.date, $1.assessmentID, $1.itemID) }
        self.now = ISODate(now)
    }

    /// SM-2's grade from 0 to 5: full credit 5, at least half credit 3 (a pass, with
    /// difficulty), less than half 1 (a lapse).
    public static func quality(_ score: Double) -> Int {
        if score >= 1 - 1e-9 { return 5 }
        return score >= 0.5 ? 3 : 1
    }

    /// One SM-2 review: a lapse (quality below 3) starts the item over at a one-day interval;
    /// a pass moves to 1 day, then 6, then the previous interval times the easiness factor,
    /// rounded up. The easiness factor moves by 0.1 − (5 − q)(0.08 + (5 − q)·0.02), never
    /// below 1.3.
    public static func step(quality: Int, repetitions: inout Int, easiness: inout Double, interval: inout Int) {
        if quality < 3 {
            repetitions = 0
            interval = 1
        } else {
            repetitions += 1
            switch repetitions {
            case 1: interval = 1
            case 2: interval = 6
            default: interval = Int((Double(interval) * easiness).rounded(.up))
            }
        }
        let miss = Double(5 - quality)
        easiness = max(minimumEasiness, easiness + 0.1 - miss * (0.08 + miss * 0.02))
    }
}
