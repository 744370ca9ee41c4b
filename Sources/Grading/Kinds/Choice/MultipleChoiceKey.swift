import Courseware
internal import GroundworkMetrics

/// The gold of a multiple-choice item ("tick every option that applies").
///
/// **Score**, by the form of `answer:`:
/// - a list of options with `scoring: jaccard` (the default): the Jaccard similarity
///   |ticked ∩ gold| / |ticked ∪ gold| (``Metrics/Classification/multiLabel(gold:predicted:labels:)``,
///   samples average); when gold and answer are both empty the score is 1, not the
///   reference library's 0 — ticking nothing was right;
/// - a list with `scoring: all-or-nothing`: 1 when the ticked set equals the gold set, else 0;
/// - a credit map `{a: 0.5, b: 0.5, d: -0.5}` (an MTurk-style answer key): the sum of the
///   credits of the ticked options, clamped to [0, 1], so a ticked trap cancels other credit.
public struct MultipleChoiceKey: Sendable, Hashable {
    public enum Scoring: String, Sendable, Hashable, Codable {
        case jaccard
        case allOrNothing = "all-or-nothing"
        case credits
    }

    /// Options that apply (those with positive credit in the credit form).
    public let correct: Set<String>
    /// Per-option credit; only used by ``Scoring/credits``.
    public let credits: [String: Double]
    public let scoring: Scoring
    public let explanations: [String: String]

    func score(_ answer: Set<String>, task: ChoiceTask) -> ItemScore {
        var metrics: [Metric] = []
        var departures: [Departure] = []
        let score: Double
        switch scoring {
        case .credits:
            let sum = answer.reduce(0) { $0 + (credits[$1] ?? 0) }
            score = sum
            metrics.append(Metric(.credit, sum))
        case .jaccard, .allOrNothing:
            let jaccard: Double
            let exact: Double
            if correct.isEmpty && answer.isEmpty {
                jaccard = 1
                exact = 1
                departures = [Departure(metric: .jaccard, rule: .bothEmpty, value: 1, reference: 0)]
            } else if let scores = try? Classification.multiLabel(gold: [correct], predicted: [answer], labels: task.ids) {
                jaccard = scores.jaccard
                exact = scores.exactMatch
            } else {
                jaccard = 0
                exact = 0
            }
            metrics += [Metric(.jaccard, jaccard), Metric(.exactMatch, exact)]
            score = scoring == .jaccard ? jaccard : exact
        }
        var feedback: [String] = []
        var observations: [Observation] = []
        for id in task.ids where correct.contains(id) && !answer.contains(id) {
            feedback.append("You did not tick \(task.name(id)), which applies.")
            observations.append(.missed(noun: "option"))
        }
        for id in task.ids where answer.contains(id) && !correct.contains(id) {
            let trap = (credits[id] ?? 0) < 0
            feedback.append("You ticked \(task.name(id)), which does not apply\(trap ? " (it is a trap that costs credit)" : "").")
            observations.append(trap ? .trap : .extra(noun: "option"))
        }
        for id in task.ids where answer.contains(id) { if let note = explanations[id] { feedback.append(note) } }
        var result = ItemScore(score: score, metrics: metrics, feedback: feedback, observations: observations)
        result.departures = departures
        result.counts = [
            Tally(.truePositives, Double(answer.intersection(correct).count)),
            Tally(.falsePositives, Double(answer.subtracting(correct).count)),
            Tally(.falseNegatives, Double(correct.subtracting(answer).count)),
        ]
        return result
    }

    /// The best set: the gold set, or in the credit form every positive option.
    func goldAnswer() -> Set<String> { correct }

    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (ChoiceTask, MultipleChoiceKey)? {
        guard let (task, explanations) = ChoiceTask.parse(&fields, &parser) else {
            _ = fields.node("answer"); _ = fields.node("scoring")
            return nil
        }
        let scoringNode = fields.string("scoring", sink: &parser.sink)
        guard let gold = parser.gold(&fields, example: "answer: [\(task.ids.prefix(2).joined(separator: ", "))]") else { return nil }
        if case .mapping = gold.value {
            guard let credits = SingleChoiceKey.parseCredits(gold, task: task, &parser) else { return nil }
            if let scoringNode, scoringNode.value != "credits" {
                parser.report(
                    .invalidValue, at: scoringNode.position,
                    "a credit map scores by summing credits; remove 'scoring' or write the answer as a list")
            }
            let correct = Set(credits.filter { $0.value > 0 }.keys)
            if correct.isEmpty {
                parser.report(
                    .missingGold, at: gold.position,
                    "no option of \(parser.context) earns credit; give the options that apply a positive credit")
                return nil
            }
            return (task, MultipleChoiceKey(correct: correct, credits: credits, scoring: .credits, explanations: explanations))
        }
        var scoring = Scoring.jaccard
        if let scoringNode {
            guard let value = Scoring(rawValue: scoringNode.value), value != .credits else {
                parser.report(
                    .invalidValue, at: scoringNode.position,
                    "'scoring' of \(parser.context) is \(Quote.text(scoringNode.value))\(Suggestion.hint(for: scoringNode.value, in: ["jaccard", "all-or-nothing"]))"
                )
                return nil
            }
            scoring = value
        }
        var correct = Set<String>()
        for entry in YAMLFields.list(gold) {
            guard let id = YAMLFields.string(entry, what: "each gold option of \(parser.context)", sink: &parser.sink),
                task.check(id, &parser)
            else { return nil }
            correct.insert(id.value)
        }
        return (task, MultipleChoiceKey(correct: correct, credits: [:], scoring: scoring, explanations: explanations))
    }
}
