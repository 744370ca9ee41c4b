/// How much of each item's result grading builds.
public enum GradingDetail: Sendable, Hashable {
    /// Everything a report shows: feedback, metrics, details, the question, the answer
    /// beside the gold, pattern hints.
    case full
    /// What a cohort's summary table or CSV reads, for grading thousands of files: per item
    /// the score, verdict, weight, penalty, section, concepts and flags, and the same totals,
    /// sections, counts, pass/fail and concept scores as ``full``. Feedback, observations,
    /// details, metrics, the question, the answer and the gold are left empty, and so are
    /// the pattern hints: such a result must not be shown or stored as a report.
    case scores
}
