/// The gold of an ordinal rating item (relevance 1–5, a Likert scale…).
///
/// **Score** = `distanceCredit[d]` where `d` is the distance from the learner's value to the
/// nearest accepted gold value, and 0 when `d` is past the end of the list. The default
/// `distanceCredit` is `[1, 0.5]`: exact gets full credit, one step off half, further nothing
/// — search-evaluation exams grade adjacent ratings as near misses the same way.
public struct RatingKey: Sendable, Hashable {
    /// Accepted gold values (usually one).
    public let accepted: [Int]
    /// Credit by distance: index 0 is an exact answer.
    public let distanceCredit: [Double]

    func score(_ answer: Int, task: RatingTask) -> ItemScore {
        let nearest = accepted.min { abs($0 - answer) < abs($1 - answer) } ?? answer
        let distance = abs(nearest - answer)
        let credit = distance < distanceCredit.count ? distanceCredit[distance] : 0
        var feedback: [String] = []
        var observations: [Observation] = []
        if distance > 0 {
            let direction = answer > nearest ? "higher" : "lower"
            let steps = Format.count(distance, "step")
            feedback.append(
                "You rated \(task.name(answer)); gold is \(task.name(nearest)), \(steps) \(direction)\(credit > 0 ? ", which earns \(Format.percent(credit))" : "")."
            )
            observations.append(.ratingBias(higher: answer > nearest))
        }
        return ItemScore(score: credit, metrics: [Metric(.distance, Double(distance))], feedback: feedback, observations: observations)
    }

    /// `answer: 4` or `answer: [3, 4]`, with optional `partial-credit: [1, 0.5, 0.25]`.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (RatingTask, RatingKey)? {
        let task = RatingTask.parse(&fields, &parser)
        var distanceCredit = [1.0, 0.5]
        if let node = fields.node("partial-credit") {
            var credits: [Double] = []
            for entry in YAMLFields.list(node) {
                guard let credit = parser.credit(entry, what: "each entry of 'partial-credit'") else { return nil }
                credits.append(credit)
            }
            if credits.first != 1 {
                parser.report(
                    .invalidValue, at: node.position,
                    "'partial-credit' lists the credit for being 0, 1, 2… steps off; its first entry must be 1")
                return nil
            }
            distanceCredit = credits
        }
        guard let gold = parser.gold(&fields, example: "answer: 4"), let task else { return nil }
        var accepted: [Int] = []
        for entry in YAMLFields.list(gold) {
            guard let value = YAMLFields.integer(entry, what: "the gold rating of \(parser.context)", sink: &parser.sink) else {
                return nil
            }
            guard value.value >= task.minimum, value.value <= task.maximum else {
                parser.report(
                    .outOfBounds, at: value.position,
                    "gold rating \(value.value) of \(parser.context) is outside the scale \(task.minimum)–\(task.maximum)")
                return nil
            }
            accepted.append(value.value)
        }
        guard !accepted.isEmpty else {
            parser.report(.missingGold, at: gold.position, "\(parser.context) has an empty gold 'answer'; give the right rating")
            return nil
        }
        return (task, RatingKey(accepted: accepted, distanceCredit: distanceCredit))
    }
}
