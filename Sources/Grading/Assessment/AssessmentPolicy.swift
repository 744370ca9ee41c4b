/// The rules an author picks for how an attempt runs, read from `policy:` in the front
/// matter.
///
/// Grading applies two of them: ``criticalItems`` (any critical item below full credit
/// fails the attempt) and ``showReasons`` is carried into the report. The interactive ones
/// (mode, attempts, retake delay, shuffling, sampling, removal threshold) are read and
/// validated here so authors get errors now, and are enforced by the attempt runner later.
public struct AssessmentPolicy: Sendable, Hashable, Codable {
    /// How items are presented.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// A fixed set of test questions with a pass mark (Appen/Figure Eight quiz mode).
        case quiz
        /// Gold items hidden among ordinary work with a running accuracy (work mode).
        case work
        /// A timed exam with a retake delay (Mechanical Turk qualification test).
        case exam
        /// A pool that grants a skill value (Toloka exam pool).
        case pool
    }

    /// When the learner sees each item's reason.
    public enum ReasonTiming: String, Sendable, Hashable, Codable, CaseIterable {
        case afterEach = "after-each"
        case atEnd = "at-end"
        case never
    }

    public var mode: Mode = .quiz
    public var showReasons: ReasonTiming = .atEnd
    /// How many attempts a learner gets; nil is unlimited.
    public var attempts: Int?
    /// Minutes to wait between attempts.
    public var retakeDelayMinutes: Double?
    public var shuffle: Bool = false
    /// Ask only this many items, drawn at random.
    public var sample: Int?
    /// Work mode: stop the learner when the running accuracy falls below this fraction.
    public var removalBelow: Double?
    /// Items that must get full credit for the attempt to pass, whatever the total.
    public var criticalItems: [String] = []

    public init() {}
}
