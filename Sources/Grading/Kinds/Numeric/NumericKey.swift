/// The gold of a numeric item: accepted values, each with a tolerance and a credit.
///
/// A variant accepts `x` when `|x − value| ≤ tolerance` (plus 10⁻⁹·max(1, |value|) so that
/// decimal rounding such as 0.1 + 0.2 never costs a point). A tolerance written as a
/// percentage (`5%`) is relative to the variant's value.
///
/// **Score** = the highest credit among the variants that accept the answer (clamped to
/// [0, 1]); 0 when none does.
public struct NumericKey: Sendable, Hashable {
    public struct Variant: Sendable, Hashable {
        public let value: Double
        /// Absolute tolerance (a percentage is converted when the item is read).
        public let tolerance: Double
        public let credit: Double
    }

    public let variants: [Variant]

    func accepts(_ variant: Variant, _ x: Double) -> Bool {
        abs(x - variant.value) <= variant.tolerance + 1e-9 * max(1, abs(variant.value))
    }

    func score(_ answer: Double, task: NumericTask) -> ItemScore {
        let matching = variants.filter { accepts($0, answer) }
        let credit = matching.map(\.credit).max() ?? 0
        let best = variants.max { $0.credit < $1.credit }!
        let unit = task.unit.map { " \($0)" } ?? ""
        let error = answer - best.value
        var feedback: [String] = []
        if credit < 1 {
            let allowed = best.tolerance > 0 ? " (± \(Format.number(best.tolerance, decimals: 4))\(unit))" : ""
            let direction = error > 0 ? "too high" : "too low"
            feedback.append(
                "You answered \(Format.number(answer, decimals: 4))\(unit); the answer is \(Format.number(best.value, decimals: 4))\(unit)\(allowed), so yours is \(Format.number(abs(error), decimals: 4))\(unit) \(direction)\(credit > 0 ? " and earns \(Format.percent(credit))" : "")."
            )
        }
        var result = ItemScore(score: credit, metrics: [Metric(.absoluteError, abs(error))], feedback: feedback)
        result.settings = [Setting(.tolerance, best.tolerance)]
        return result
    }

    func goldAnswers() -> [Double] {
        let top = variants.map(\.credit).max() ?? 0
        return variants.filter { $0.credit == top }.map(\.value)
    }

    /// `answer: 42` with `tolerance: 0.5` (or `5%`), or a list of
    /// `{value, tolerance, credit}`; `unit` names the unit.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (NumericTask, NumericKey)? {
        let unit = fields.string("unit", sink: &parser.sink)?.value
        let defaultTolerance = fields.node("tolerance")
        guard let gold = parser.gold(&fields, example: "answer: 42") else { return nil }
        var variants: [Variant] = []
        for entry in YAMLFields.list(gold) {
            if entry.text != nil {
                guard let value = YAMLFields.number(entry, what: "the gold value of \(parser.context)", sink: &parser.sink) else {
                    return nil
                }
                guard let tolerance = tolerance(defaultTolerance, value: value.value, &parser) else { return nil }
                variants.append(Variant(value: value.value, tolerance: tolerance, credit: 1))
                continue
            }
            guard var variant = YAMLFields(entry, context: "an accepted value of \(parser.context)", sink: &parser.sink) else { return nil }
            guard let value = variant.number("value", sink: &parser.sink) else {
                variant.reportMissing("value", "give the accepted number", sink: &parser.sink)
                return nil
            }
            let credit = variant.node("credit").flatMap { parser.credit($0, what: "'credit'") } ?? 1
            guard let tolerance = tolerance(variant.node("tolerance") ?? defaultTolerance, value: value.value, &parser) else { return nil }
            variant.finish(allowed: ["value", "tolerance", "credit"], sink: &parser.sink)
            variants.append(Variant(value: value.value, tolerance: tolerance, credit: credit))
        }
        guard variants.contains(where: { $0.credit > 0 }) else {
            parser.report(.missingGold, at: gold.position, "no accepted value of \(parser.context) earns credit")
            return nil
        }
        return (NumericTask(unit: unit), NumericKey(variants: variants))
    }

    /// An absolute tolerance, or a percentage of `value`; 0 when absent.
    private static func tolerance(_ node: YAMLNode?, value: Double, _ parser: inout ItemParser) -> Double? {
        guard let node else { return 0 }
        let raw = node.text?.trimmingWhitespace ?? ""
        if raw.hasSuffix("%"), let percent = Double(raw.dropLast().trimmingWhitespace), (0...100).contains(percent) {
            return abs(value) * percent / 100
        }
        guard let number = Double(raw), (0...GradingLimits.maximumMagnitude).contains(number) else {
            parser.report(
                .invalidValue, at: node.position,
                "'tolerance' of \(parser.context) must be a number from 0 to \(Format.number(GradingLimits.maximumMagnitude)) or a percentage up to 100% such as 5%, got \(node.typeDescription)"
            )
            return nil
        }
        return number
    }
}
