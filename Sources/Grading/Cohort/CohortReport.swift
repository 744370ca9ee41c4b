/// The item analysis of one cohort (``CohortStatistics/analyze(_:for:)``): what the text,
/// CSV, JSON and web views of `groundwork stats` show.
public struct CohortReport: Sendable, Equatable {
    /// Why an item deserves a look before the next cohort.
    public enum Flag: String, Sendable, Equatable, CaseIterable {
        /// Weaker learners do better on it than stronger ones: often wrong gold or a trick.
        case negativeDiscrimination = "negative-discrimination"
        /// Facility above 0.95: it hardly tells learners apart.
        case tooEasy = "too-easy"
        /// Facility below 0.2: check the gold, the wording and the lesson.
        case tooHard = "too-hard"

        public var explanation: String {
            switch self {
            case .negativeDiscrimination: return "weaker learners do better than stronger ones; check the gold"
            case .tooEasy: return "nearly everyone gets it right; it tells learners apart poorly"
            case .tooHard: return "nearly everyone misses it; check the gold, the wording and the lesson"
            }
        }
    }

    public struct ItemRow: Sendable, Equatable {
        public var id: String
        public var kind: ItemKind
        public var section: String?
        /// Mean item score over learners.
        public var facility: Double
        /// Upper–lower 27% discrimination index.
        public var discrimination: Double
        /// Corrected item–total correlation (NaN when the item or the rest is constant).
        public var itemTotal: Double
        /// Uncorrected item–total correlation: the item against the total it is part of,
        /// which overstates an item's fit on short tests (NaN when either is constant).
        public var uncorrectedItemTotal: Double
        /// Share of learners who scored 0 on it.
        public var missedBy: Double
        /// Who chose what, for single- and multiple-choice items.
        public var choices: [ChoiceRow]?
        public var flags: [Flag] = []
    }

    public struct ChoiceRow: Sendable, Equatable {
        /// The option id; nil for "no answer".
        public var option: String?
        public var text: String?
        /// Whether the gold gives it full credit (for multiple choice: it is in the gold set).
        public var gold: Bool
        public var count: Int
        public var share: Double
        /// Mean total score of the learners who chose it; nil when nobody did.
        public var meanTotal: Double?
    }

    public struct ConceptRow: Sendable, Equatable {
        public var concept: String
        public var items: [String]
        /// Mean facility of its items.
        public var meanScore: Double
    }

    public var assessment: String
    public var title: String
    public var learners: Int
    /// Learners in each of the upper and lower groups of the discrimination index.
    public var groupSize: Int
    public var cronbachAlpha: Double
    /// KR-20, only when every item score is 0 or 1.
    public var kr20: Double?
    public var meanScore: Double
    public var passed: Int
    public var items: [ItemRow]
    public var concepts: [ConceptRow]

    /// Fewer learners than ``CohortStatistics/stableCohort``: every figure may move a lot.
    public var isSmall: Bool { learners < CohortStatistics.stableCohort }

    /// Items scored 0 by at least ``CohortStatistics/missedShare`` of the learners.
    public var nearlyAllMiss: [ItemRow] { items.filter { $0.missedBy >= CohortStatistics.missedShare } }

    /// Items with at least one flag.
    public var flagged: [ItemRow] { items.filter { !$0.flags.isEmpty } }
}
