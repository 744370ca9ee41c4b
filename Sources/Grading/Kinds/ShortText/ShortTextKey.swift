/// The gold of a short-text item: accepted answers and patterns, each with a credit.
///
/// Before comparing, the learner's answer and every accepted text are **normalised**: leading
/// and trailing whitespace removed, inner runs of whitespace made one space, and (unless
/// `case-sensitive: true`) lowercased. A text variant matches when the normalised strings are
/// equal; a pattern variant when the regular expression (Swift `Regex` syntax) matches the
/// whole normalised answer, ignoring case unless case-sensitive.
///
/// **Score** = the highest credit among the matching variants (negative credits mark known
/// wrong answers and score 0), clamped to [0, 1]; 0 when nothing matches.
public struct ShortTextKey: Sendable, Hashable {
    public struct Variant: Sendable, Hashable {
        public enum Match: Sendable, Hashable {
            case text(String)
            case pattern(String)
        }

        public let match: Match
        public let credit: Double
        /// Shown when the learner's answer matches this variant.
        public let feedback: String?
        /// For a pattern: an answer it accepts, which the checker replays.
        public let example: String?
    }

    public let variants: [Variant]
    public let caseSensitive: Bool

    func normalize(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return caseSensitive ? words : words.lowercased()
    }

    func matches(_ variant: Variant, normalized answer: String) -> Bool {
        switch variant.match {
        case .text(let text):
            return normalize(text) == answer
        case .pattern(let pattern):
            guard var regex = try? Regex(pattern) else { return false }
            if !caseSensitive { regex = regex.ignoresCase() }
            return (try? regex.wholeMatch(in: answer)) != nil
        }
    }

    func score(_ answer: String, task: ShortTextTask) -> ItemScore {
        let normalized = normalize(answer)
        let matched = variants.filter { matches($0, normalized: normalized) }
        let best = matched.max { $0.credit < $1.credit }
        let credit = best?.credit ?? 0
        var feedback: [String] = []
        var observations: [Observation] = []
        let accepted = variants.first { $0.credit == variants.map(\.credit).max() }.flatMap(Self.display)
        if let best {
            if credit < 1 {
                let tail = accepted.map { "; the best answer is \($0)" } ?? ""
                feedback.append("Your answer \(Format.quote(answer)) earns \(Format.percent(max(0, credit)))\(tail).")
            }
            if let note = best.feedback { feedback.append(note) }
            if credit < 0 { observations.append(.trap) }
        } else if normalized.isEmpty {
            feedback.append("Your answer is empty\(accepted.map { "; an accepted answer is \($0)" } ?? "").")
        } else {
            feedback.append(
                "Your answer \(Format.quote(answer)) is not one of the accepted answers\(accepted.map { "; an accepted answer is \($0)" } ?? "")."
            )
        }
        return ItemScore(score: credit, metrics: [Metric(.credit, credit)], feedback: feedback, observations: observations)
    }

    private static func display(_ variant: Variant) -> String? {
        switch variant.match {
        case .text(let text): return Format.quote(text)
        case .pattern: return variant.example.map { Format.quote($0) }
        }
    }

    /// Answers the checker replays: every text variant and pattern example with top credit.
    func goldAnswers() -> [String] {
        let top = variants.map(\.credit).max() ?? 0
        return variants.filter { $0.credit == top }.compactMap {
            if case .text(let text) = $0.match { return text }
            return $0.example
        }
    }

    /// `answer: Paris`, `answer: [Paris, "Paris, France"]` or a list of
    /// `{text | pattern, credit, feedback, example}` mappings; `case-sensitive`, `max-length`.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (ShortTextTask, ShortTextKey)? {
        let caseSensitive = fields.bool("case-sensitive", sink: &parser.sink) ?? false
        var maxLength = 200
        if let limit = fields.integer("max-length", sink: &parser.sink) {
            if limit.value < 1 || limit.value > GradingLimits.maximumAnswerTextLength {
                parser.report(
                    .invalidValue, at: limit.position, "'max-length' must be between 1 and \(GradingLimits.maximumAnswerTextLength)")
            } else {
                maxLength = limit.value
            }
        }
        guard let gold = parser.gold(&fields, example: "answer: [Paris, \"Paris, France\"]") else { return nil }
        var variants: [Variant] = []
        for entry in YAMLFields.list(gold) {
            if let text = entry.text {
                variants.append(Variant(match: .text(text), credit: 1, feedback: nil, example: nil))
                continue
            }
            guard var variant = YAMLFields(entry, context: "an accepted answer of \(parser.context)", sink: &parser.sink) else {
                return nil
            }
            let text = variant.string("text", sink: &parser.sink)
            let pattern = variant.string("pattern", sink: &parser.sink)
            let credit = variant.node("credit").flatMap { parser.credit($0, what: "'credit'") } ?? 1
            let note = variant.string("feedback", sink: &parser.sink)?.value
            let example = variant.string("example", sink: &parser.sink)
            variant.finish(allowed: ["text", "pattern", "credit", "feedback", "example"], sink: &parser.sink)
            switch (text, pattern) {
            case (let text?, nil):
                variants.append(Variant(match: .text(text.value), credit: credit, feedback: note, example: nil))
            case (nil, let pattern?):
                do {
                    _ = try Regex(pattern.value)
                } catch {
                    parser.report(
                        .invalidValue, at: pattern.position,
                        "pattern '\(pattern.value)' of \(parser.context) is not a valid regular expression: \(error)")
                    return nil
                }
                let key = ShortTextKey(variants: [], caseSensitive: caseSensitive)
                let candidate = Variant(match: .pattern(pattern.value), credit: credit, feedback: note, example: example?.value)
                if let example, !key.matches(candidate, normalized: key.normalize(example.value)) {
                    parser.report(
                        .invalidValue, at: example.position,
                        "example '\(example.value)' does not match its own pattern '\(pattern.value)'; fix one of them")
                }
                variants.append(candidate)
            default:
                parser.report(
                    .invalidValue, at: entry.position, "each accepted answer of \(parser.context) needs exactly one of 'text' or 'pattern'")
                return nil
            }
        }
        guard variants.contains(where: { $0.credit > 0 }) else {
            parser.report(
                .missingGold, at: gold.position, "no accepted answer of \(parser.context) earns credit; give at least one a positive credit"
            )
            return nil
        }
        return (ShortTextTask(maxLength: maxLength), ShortTextKey(variants: variants, caseSensitive: caseSensitive))
    }
}
