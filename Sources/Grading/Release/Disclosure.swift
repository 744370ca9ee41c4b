/// How much of a result a release let out, written into the released report so every view
/// (terminal, web) can say why something is missing instead of guessing.
public enum Disclosure: String, Sendable, Hashable, Codable {
    /// Everything: answers, gold, details, feedback, reasons and lessons.
    case full
    /// `show-reasons: never` (CVAT-style immediate feedback, Toloka exam pools, MTurk): the
    /// totals, sections, concept scores, pattern hints and each item's verdict and score; no
    /// answer, gold, details, metrics, feedback, reason or lesson of any item.
    case aggregate
    /// The attempt is still running: only the item results the policy shows between items;
    /// nothing is final, so the totals are left empty.
    case answering
}
