/// An answer to a rubric item: the learner's text and, once the model answer was revealed,
/// their grade against each criterion with a reason — and, in a class, a mentor's grade.
///
/// JSON: `{"text": "…", "selfGrade": {"accuracy": {"points": 2, "reason": "…"}},
/// "mentorGrade": {…}}`; both grades are optional.
///
/// **The mentor rule.** When `mentorGrade` holds any criterion, it replaces the self-grade
/// as a whole (``effectiveGrade``): a mentor grades the rubric part instead of the learner,
/// and a criterion the mentor left out scores 0. The self-grade is kept beside it, so a
/// learner can compare the two.
public struct RubricAnswer: Sendable, Hashable {
    /// One criterion's grade: points given and why.
    public struct Grade: Sendable, Hashable {
        public var points: Int
        public var reason: String

        public init(points: Int, reason: String) {
            self.points = points
            self.reason = reason
        }
    }

    /// Who graded the rubric part that counts.
    public enum Grader: String, Sendable, Hashable {
        case selfGrade = "self"
        case mentor
    }

    public var text: String
    /// Criterion id → the learner's grade; empty until they graded themselves.
    public var selfGrade: [String: Grade]
    /// Criterion id → a mentor's grade; empty unless a mentor graded (another tool writes it).
    public var mentorGrade: [String: Grade]

    public init(text: String, selfGrade: [String: Grade] = [:], mentorGrade: [String: Grade] = [:]) {
        self.text = text
        self.selfGrade = selfGrade
        self.mentorGrade = mentorGrade
    }

    /// The grade that counts and who gave it: the mentor's when there is one, else the
    /// learner's own; nil when nobody graded yet.
    public var effectiveGrade: (grades: [String: Grade], by: Grader)? {
        if !mentorGrade.isEmpty { return (mentorGrade, .mentor) }
        if !selfGrade.isEmpty { return (selfGrade, .selfGrade) }
        return nil
    }
}
