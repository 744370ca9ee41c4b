/// The rules an author picks for how an attempt runs, read from `policy:` in the front
/// matter. Each mirrors a rule of a real platform's qualification tests; docs/grading.md
/// names the platform behind each one.
///
/// ``Grader`` applies the scoring rules (critical items, negative marking, ordinary work
/// rows); ``AttemptSession`` applies the running ones (time limit, feedback timing,
/// training retries, work-mode removal); the gradebook applies attempts, retake delay and
/// prerequisites; ``AttemptPlan`` applies sampling and shuffling.
public struct AssessmentPolicy: Sendable, Hashable, Codable {
    /// How items are presented.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// A fixed set of test questions with a pass mark (Appen/Figure Eight quiz mode).
        case quiz
        /// Gold items hidden among ordinary work, a running accuracy, removal below a
        /// threshold (Appen work mode, Label Studio's evaluation pause).
        case work
        /// A timed exam, usually with a retake delay (Mechanical Turk qualification test).
        case exam
        /// A training pool: an item must be answered correctly to move on, with a hint; only
        /// the first answer counts (Toloka training).
        case training
        /// An exam pool whose score becomes a skill value (Toloka exam pool).
        case pool
    }

    /// When the learner sees each item's verdict and reason.
    public enum ReasonTiming: String, Sendable, Hashable, Codable, CaseIterable {
        /// After each answer (Appen quiz mode).
        case afterEach = "after-each"
        /// In the report at the end.
        case atEnd = "at-end"
        /// Never: the score and pattern hints only (CVAT-style immediate feedback).
        case never
    }

    public var mode: Mode = .quiz
    public var showReasons: ReasonTiming = .atEnd
    /// How many attempts a learner gets; nil is unlimited. Written `attempts: 3` or
    /// `attempts: unlimited`; when not written, one attempt without a retake delay and
    /// unlimited with one (Mechanical Turk: without a retry delay, a qualification is taken once).
    public var attemptLimit: Int? = 1
    /// Minutes to wait after an attempt before the next one.
    public var retakeDelayMinutes: Double?
    /// Shuffle the order of items and of choice options (with the attempt's seed).
    public var shuffle: Bool = false
    /// Which choice options `shuffle` moves. Platforms keep a label set's buttons where the
    /// annotator's hand expects them and shuffle only answers that are content.
    public var shuffleOptions: OptionShuffle = .content

    /// Which option lists a shuffled attempt reorders (`shuffle-options`).
    public enum OptionShuffle: String, Sendable, Hashable, CaseIterable, Codable {
        /// Only content options: a list is a label set, kept in the author's order, when another
        /// item uses the same list or no option has a space in it (`POSITIVE`, `set_alarm`).
        case content
        /// Every option list.
        case all
        /// None: options always appear in the author's order.
        case none
    }
    /// Whether the learner may go back to an item and change its answer before submitting.
    public var navigation: Navigation = .linear

    /// How a learner moves through the items (`navigation`), named as QTI 3.0 names a test
    /// part's navigation mode.
    public enum Navigation: String, Sendable, Hashable, CaseIterable, Codable {
        /// Forward only: an answer is final once given (most platforms' quizzes).
        case linear
        /// Any item, in any order, answers changeable and items flaggable until the learner
        /// submits (a Mechanical Turk qualification test written as a QuestionForm: every
        /// question on one page, one Submit button).
        case nonlinear
    }
    /// Whether an attempt may go back: `navigation: nonlinear` where nothing about an item is
    /// shown before the end (`check` warns about any other combination, which runs linear).
    public var allowsGoingBack: Bool {
        navigation == .nonlinear && showReasons != .afterEach && (mode == .quiz || mode == .exam)
    }
    /// Ask only this many items, drawn from the pool with the attempt's seed.
    public var sample: Int?
    /// Work mode: end the attempt when accuracy on gold falls below this fraction…
    public var removalBelow: Double?
    /// …once at least this many gold items have been answered.
    public var removalAfter: Int = 4
    /// Negative marking: a wrong answer costs this fraction of its item's weight.
    public var wrongAnswerPenalty: Double = 0
    /// Assessments that must be passed before this one may start (Toloka: training, then exam).
    public var requires: [String] = []
    /// Items that must get full credit for the attempt to pass, whatever the total.
    public var criticalItems: [String] = []
    /// Training mode: wrong tries on an item before its reason is shown and it moves on.
    public static let trainingTries = 3

    public init() {}
}
