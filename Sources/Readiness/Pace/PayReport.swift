public import Grading

/// "At your pace of 10 minutes a task, $0.60 an hour": a per-task price turned into an
/// hourly rate at the learner's own recorded pace, beside the hourly figures the lessons
/// teach, with the speed/accuracy trade-off (docs/readiness.md, "Pace and pay").
public struct PayReport: Sendable, Encodable {
    /// One figure from the course, against the learner's rate.
    public struct Figure: Sendable, Encodable {
        public var threshold: ReadinessMap.PayThreshold
        /// Whether the rate at the learner's pace reaches it.
        public var reached: Bool?
        /// The most seconds a task may take to pay this much.
        public var timeBudgetSeconds: Double?
    }

    public var pricePerTask: Double
    /// The pace used: the median active seconds per item, or the seconds given.
    public var secondsPerTask: Double?
    /// Items behind the pace (0 when the seconds were given).
    public var timedItems: Int
    public var hourly: Double?
    /// ``hourly`` × ``accuracy``: what the pace would pay if work that lost points were
    /// rejected unpaid, as platforms reject work that fails their checks.
    public var acceptedHourly: Double?
    /// The headline sentence.
    public var sentence: String
    public var figures: [Figure]
    /// Mean score of the same items.
    public var accuracy: Double?
    /// The accuracy the course's hidden test questions demand (the strictest `removal-below`
    /// of its work-mode tests), if it has any.
    public var hiddenGoldAccuracy: Double?
    /// The quickest time per item at which the learner's items answered that fast still
    /// reached ``hiddenGoldAccuracy`` (at least ``minimumFastItems`` of them); nil when no
    /// such time exists.
    public var fastestSafeSeconds: Double?
    /// The sentence about the trade-off.
    public var tradeOff: String?

    /// The accuracy hidden test questions demand in `catalog`: the strictest `removal-below`
    /// of its work-mode tests; nil when it has none.
    public static func hiddenGoldAccuracy(in catalog: AssessmentCatalog) -> Double? {
        catalog.assessments.compactMap(\.policy.removalBelow).max()
    }

    /// How many items must lie at or under a time before their accuracy says anything.
    public static let minimumFastItems = 5

    /// - Parameters:
    ///   - pricePerTask: dollars paid per task.
    ///   - evidence: the items whose pace and accuracy count.
    ///   - secondsPerTask: a pace to use instead of the recorded one (the calculator's).
    ///   - thresholds: the course's hourly figures.
    ///   - hiddenGoldAccuracy: the accuracy hidden test questions demand.
    public init(
        pricePerTask: Double, evidence: [ItemEvidence], secondsPerTask: Double? = nil, thresholds: [ReadinessMap.PayThreshold],
        hiddenGoldAccuracy: Double?
    ) {
        let timed = evidence.filter { $0.secondsSpent != nil }
        let pace = secondsPerTask ?? PaceReport.median(timed.compactMap(\.secondsSpent))
        self.pricePerTask = pricePerTask
        self.secondsPerTask = pace
        timedItems = secondsPerTask == nil ? timed.count : 0
        let hourly = pace.flatMap { HourlyRate.hourly(pricePerTask: pricePerTask, secondsPerTask: $0) }
        self.hourly = hourly
        if let pace, let hourly {
            let whose = secondsPerTask == nil ? "your pace" : "a pace"
            sentence =
                "At \(whose) of \(HourlyRate.duration(pace)) a task, \(HourlyRate.money(pricePerTask)) a task pays \(HourlyRate.money(hourly)) an hour."
        } else {
            sentence = "No recorded time per item yet: practise a test, or give the seconds a task takes."
        }
        figures = thresholds.map { threshold in
            Figure(
                threshold: threshold, reached: hourly.map { $0 + 1e-9 >= threshold.hourly },
                timeBudgetSeconds: HourlyRate.timeBudget(pricePerTask: pricePerTask, hourly: threshold.hourly))
        }
        let accuracy = evidence.isEmpty ? nil : PaceReport.accuracy(evidence)
        self.accuracy = accuracy
        acceptedHourly = hourly.flatMap { rate in accuracy.map { rate * $0 } }
        self.hiddenGoldAccuracy = hiddenGoldAccuracy
        fastestSafeSeconds = hiddenGoldAccuracy.flatMap { Self.fastestSafe(timed, accuracy: $0) }
        tradeOff =
            timed.isEmpty
            ? nil : Self.tradeOff(pace: secondsPerTask == nil ? pace : nil, fastest: fastestSafeSeconds, target: hiddenGoldAccuracy)
    }

    /// The least time t such that the items answered in at most t seconds number at least
    /// ``minimumFastItems`` and score at least `accuracy` on average.
    static func fastestSafe(_ items: [ItemEvidence], accuracy: Double) -> Double? {
        let sorted = items.compactMap { item in item.secondsSpent.map { (seconds: $0, score: item.score) } }.sorted {
            $0.seconds < $1.seconds
        }
        var total = 0.0
        for (index, item) in sorted.enumerated() {
            total += item.score
            let count = index + 1
            // Items with the same time go together: judge t only after the last of them.
            if index + 1 < sorted.count, sorted[index + 1].seconds == item.seconds { continue }
            if count >= minimumFastItems, total / Double(count) + 1e-9 >= accuracy { return item.seconds }
        }
        return nil
    }

    static func tradeOff(pace: Double?, fastest: Double?, target: Double?) -> String? {
        guard let target else { return nil }
        let mark = "\(Int((target * 100).rounded()))%"
        guard let fastest else {
            return
                "None of your quicker answers reach the \(mark) that hidden test questions demand yet: speed up only once your accuracy does."
        }
        guard let pace else {
            return "Your answers given within \(HourlyRate.duration(fastest)) still reached \(mark), what hidden test questions demand."
        }
        if fastest < pace - 1e-9 {
            return
                "Your answers given within \(HourlyRate.duration(fastest)) still reached the \(mark) hidden test questions demand: you could work faster than your \(HourlyRate.duration(pace)), but not faster than that."
        }
        return
            "Only your answers at \(HourlyRate.duration(fastest)) or slower reach the \(mark) hidden test questions demand: going faster than your \(HourlyRate.duration(pace)) would put you below it."
    }
}
