/// The gold of a single-choice item: the credit each option earns.
///
/// **Score** = the credit of the chosen option, clamped to [0, 1]. Usually one option earns 1
/// and the rest 0; authors may give near-misses partial credit (Toloka-style accepted
/// variants) and traps a negative credit (an MTurk answer key's negative score), which still
/// scores 0 here but is reported as a trap.
public struct SingleChoiceKey: Sendable, Hashable {
    /// Option id → credit in [-1, 1]; options not listed earn 0.
    public let credits: [String: Double]
    /// Option id → why that option is (not) right, shown when the learner picks it.
    public let explanations: [String: String]

    func score(_ answer: String, task: ChoiceTask) -> ItemScore {
        let credit = credits[answer] ?? 0
        let best = bestOptions(task)
        var feedback: [String] = []
        var observations: [Observation] = []
        if credit < 1 {
            let bestNames = Format.list(best.map(task.name))
            if credit > 0 {
                feedback.append("You chose \(task.name(answer)), which earns \(Format.percent(credit)); the best answer is \(bestNames).")
            } else {
                feedback.append("You chose \(task.name(answer)); the answer is \(bestNames).")
            }
            if let first = best.first { observations.append(.confused(gold: optionLabel(first, task), answer: optionLabel(answer, task))) }
            if credit < 0 { observations.append(.trap) }
        }
        if let note = explanations[answer] { feedback.append(note) }
        return ItemScore(score: credit, metrics: [Metric(.credit, credit)], feedback: feedback, observations: observations)
    }

    /// Options earning the highest credit, in option order.
    func bestOptions(_ task: ChoiceTask) -> [String] {
        let top = credits.values.max() ?? 0
        return task.ids.filter { (credits[$0] ?? 0) == top && top > 0 }
    }

    private func optionLabel(_ id: String, _ task: ChoiceTask) -> String {
        task.options.first { $0.id == id }?.text ?? id
    }

    /// `answer: b`, `answer: [b, c]` (each full credit) or `answer: {b: 1, c: 0.5, d: -1}`.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (ChoiceTask, SingleChoiceKey)? {
        guard let (task, explanations) = ChoiceTask.parse(&fields, &parser) else { _ = fields.node("answer"); return nil }
        guard let gold = parser.gold(&fields, example: "answer: \(task.ids.first ?? "b")") else { return nil }
        guard let credits = parseCredits(gold, task: task, &parser) else { return nil }
        if !credits.values.contains(where: { $0 > 0 }) {
            parser.report(.missingGold, at: gold.position, "no option of \(parser.context) earns credit; give the right option credit 1")
            return nil
        }
        return (task, SingleChoiceKey(credits: credits, explanations: explanations))
    }

    /// Reads a scalar, list or credit map of option ids.
    static func parseCredits(_ gold: YAMLNode, task: ChoiceTask, _ parser: inout ItemParser) -> [String: Double]? {
        var credits: [String: Double] = [:]
        switch gold.value {
        case .scalar(let id, _):
            guard task.check(Located(id, at: gold.position), &parser) else { return nil }
            credits[id] = 1
        case .sequence(let entries):
            for entry in entries {
                guard let id = YAMLFields.string(entry, what: "each gold option of \(parser.context)", sink: &parser.sink),
                    task.check(id, &parser)
                else { return nil }
                credits[id.value] = 1
            }
        case .mapping(let pairs):
            for pair in pairs {
                let id = Located(pair.key.text ?? "", at: pair.key.position)
                guard task.check(id, &parser),
                    let credit = parser.credit(pair.value, what: "the credit of option '\(id.value)'")
                else { return nil }
                credits[id.value] = credit
            }
        }
        return credits
    }
}
