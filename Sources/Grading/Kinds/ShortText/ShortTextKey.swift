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
    /// How each variant is matched, prepared once from ``variants`` when the key is read:
    /// grading compares thousands of answers with the same key.
    private let matchers: [ShortTextMatcher]

    init(variants: [Variant], caseSensitive: Bool) {
        self.variants = variants
        self.caseSensitive = caseSensitive
        matchers = variants.map { variant in
            switch variant.match {
            case .text(let text): .text(Self.normalize(text, caseSensitive: caseSensitive))
            case .pattern(let pattern): .pattern(ShortTextPattern(pattern, ignoringCase: !caseSensitive))
            }
        }
    }

    func normalize(_ text: String) -> String { Self.normalize(text, caseSensitive: caseSensitive) }

    private static func normalize(_ text: String, caseSensitive: Bool) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return caseSensitive ? words : words.lowercased()
    }

    /// Whether variant `index` accepts an answer already normalised.
    func matches(_ index: Int, normalized answer: String) -> Bool {
        switch matchers[index] {
        case .text(let text): text == answer
        case .pattern(let pattern): pattern.wholeMatch(answer)
        }
    }

    func score(_ answer: String, task: ShortTextTask) -> ItemScore {
        let normalized = normalize(answer)
        let matched = variants.indices.filter { matches($0, normalized: normalized) }.map { variants[$0] }
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
                let candidate = Variant(match: .pattern(pattern.value), credit: credit, feedback: note, example: example?.value)
                let key = ShortTextKey(variants: [candidate], caseSensitive: caseSensitive)
                if let example, !key.matches(0, normalized: key.normalize(example.value)) {
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

/// How one accepted answer is compared: a normalised text, or a compiled pattern.
private enum ShortTextMatcher: Sendable, Hashable {
    case text(String)
    case pattern(ShortTextPattern)
}

/// A pattern compiled once. Compiling a `Regex` costs far more than matching one, and it
/// used to happen for every answer scored.
///
/// `Regex` is not `Sendable`, but its compiled program is immutable once built (the standard
/// library builds it lazily behind an atomic, once) and each match keeps its state to itself,
/// so one compiled pattern can be matched from several threads at once.
private struct ShortTextPattern: @unchecked Sendable, Hashable {
    let source: String
    let ignoringCase: Bool
    /// Nil when the pattern does not compile, which the items parser refuses before any key exists.
    private let regex: Regex<AnyRegexOutput>?

    init(_ source: String, ignoringCase: Bool) {
        self.source = source
        self.ignoringCase = ignoringCase
        let compiled = try? Regex(source)
        regex = ignoringCase ? compiled?.ignoresCase() : compiled
    }

    func wholeMatch(_ text: String) -> Bool {
        guard let regex else { return false }
        return (try? regex.wholeMatch(in: text)) != nil
    }

    static func == (a: ShortTextPattern, b: ShortTextPattern) -> Bool { a.source == b.source && a.ignoringCase == b.ignoringCase }

    func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(ignoringCase)
    }
}
