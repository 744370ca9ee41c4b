internal import Courseware
internal import Foundation

/// Turns what a learner types into an answer of the item's kind. Pure functions over the
/// learner's view of the item (never its gold), one per kind that can be typed; the terminal
/// and the web app's forms read answers through the same rules.
public enum AnswerInput {
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    /// A choice by number, id or text (case-insensitive), among `options` in the order shown.
    public static func choice(_ line: String, _ options: [ChoiceTask.Option]) throws(Problem) -> String {
        let text = line.trimmingCharacters(in: .whitespaces)
        if let number = Int(text), options.indices.contains(number - 1) { return options[number - 1].id }
        if let id = DeclaredName.match(text, in: options.map(\.id)) { return id }
        if let chosen = DeclaredName.match(text, in: options.map(\.text)), let option = options.first(where: { $0.text == chosen }) {
            return option.id
        }
        throw Problem("'\(text)' is not one of the choices; type its number (1–\(options.count)).")
    }

    /// Several choices separated by commas or spaces, or `none` for nothing ticked (unless
    /// an option is itself called "none", which `none` then ticks).
    public static func choices(_ line: String, _ options: [ChoiceTask.Option]) throws(Problem) -> Set<String> {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.lowercased() == "none", !hasNoneOption(options) { return [] }
        var chosen = Set<String>()
        for part in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            chosen.insert(try choice(String(part), options))
        }
        guard !chosen.isEmpty else { throw Problem("Type the numbers of every choice that applies, e.g. 1,3.") }
        return chosen
    }

    public static func hasNoneOption(_ options: [ChoiceTask.Option]) -> Bool {
        options.contains { $0.id.lowercased() == "none" || $0.text.lowercased() == "none" }
    }

    /// A whole number on a scale, such as a rating.
    public static func integer(_ line: String, _ minimum: Int, _ maximum: Int) throws(Problem) -> Int {
        guard let value = Int(line.trimmingCharacters(in: .whitespaces)), value >= minimum, value <= maximum else {
            throw Problem("Type a whole number from \(minimum) to \(maximum).")
        }
        return value
    }

    /// A number; thousands separators and a trailing unit are allowed ("1,200 m").
    public static func number(_ line: String) throws(Problem) -> Double {
        let digits = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        let numeric = digits.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }
        guard let value = Double(numeric), value.isFinite else { throw Problem("Type a number, e.g. 42 or 3.5.") }
        return value
    }

    /// The tokens of a span task's text with their Unicode-scalar offsets, numbered from 1
    /// when shown: the units a learner can select, so every entity a guideline asks for must
    /// start and end at token edges (``AssessmentChecker`` refuses gold that does not).
    ///
    /// Letters and digits make words (a hyphen inside a word keeps it whole: `co-founder`);
    /// every other visible character is a token of its own; and an apostrophe inside a word
    /// starts a new token, so a clitic stands apart from the name it follows, as NER
    /// tokenisers split it: `Google's` is `Google` `'s`, `don't` is `don` `'t`.
    public static func tokens(_ text: String) -> [(text: String, start: Int, end: Int)] {
        var tokens: [(String, Int, Int)] = []
        var current = ""
        var start = 0
        let scalars = Array(text.unicodeScalars)
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        for (offset, scalar) in scalars.enumerated() {
            let next = offset + 1 < scalars.count ? scalars[offset + 1] : nil
            let inWord = !current.isEmpty && next.map(isLetter) == true
            if (scalar == "'" || scalar == "\u{2019}") && inWord {
                tokens.append((current, start, offset))
                current = String(scalar)
                start = offset
                continue
            }
            if isLetter(scalar) || (scalar == "-" && inWord) {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
                continue
            }
            if !current.isEmpty { tokens.append((current, start, offset)) }
            current = ""
            if !scalar.properties.isWhitespace { tokens.append((String(scalar), offset, offset + 1)) }
        }
        if !current.isEmpty { tokens.append((current, start, scalars.count)) }
        return tokens
    }

    /// Spans written as token ranges with a label: `1-2 ORG; 5 LOC`, or `none`.
    public static func spans(_ line: String, _ task: SpanTask) throws(Problem) -> [SpanAnnotation] {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.lowercased() == "none" { return [] }
        let words = tokens(task.text)
        var spans: [SpanAnnotation] = []
        for entry in text.split(separator: ";") {
            let parts = entry.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2 else {
                throw Problem("Write each entity as tokens then label, e.g. 3-4 ORG; separate entities with ';'.")
            }
            let range = parts[0].split(separator: "-")
            guard let first = Int(range[0]), let last = Int(range.count > 1 ? range[1] : range[0]), range.count <= 2,
                first >= 1, last >= first, last <= words.count
            else { throw Problem("'\(parts[0])' is not a token range; use numbers from 1 to \(words.count), e.g. 3-4.") }
            let written = parts.dropFirst().joined(separator: " ")
            if written.contains(",") {
                throw Problem("Separate entities with ';', not ',': e.g. \(parts[0]) \(task.labels[0]); 8-9 \(task.labels.last ?? "").")
            }
            let label = try self.label(written, task.labels)
            spans.append(SpanAnnotation(start: words[first - 1].start, end: words[last - 1].end, label: label))
        }
        return spans
    }

    /// Time segments written as `label start-end` entries separated by ';' (seconds), or `none`.
    public static func segments(_ line: String, labels: [String], duration: Double) throws(Problem) -> [SegmentAnnotation] {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.lowercased() == "none" { return [] }
        var segments: [SegmentAnnotation] = []
        for entry in text.split(separator: ";") {
            var parts = entry.split(separator: " ").map(String.init)
            guard let range = parts.popLast() else { continue }
            let bounds = range.split(separator: "-").compactMap { Double($0) }
            guard bounds.count == 2, bounds[0] >= 0, bounds[1] > bounds[0], bounds[1] <= duration + 1e-9 else {
                throw Problem(
                    "'\(range)' is not a time range; write start-end in seconds within 0–\(String(format: "%g", duration)) s, e.g. 1.2-2.5."
                )
            }
            segments.append(SegmentAnnotation(label: try label(parts.joined(separator: " "), labels), start: bounds[0], end: bounds[1]))
        }
        return segments
    }

    /// A label among `labels` (``DeclaredName``: case does not matter unless two labels differ
    /// only in case), with a suggestion when mistyped.
    public static func label(_ typed: String, _ labels: [String]) throws(Problem) -> String {
        if let label = DeclaredName.match(typed, in: labels) { return label }
        let hint = Suggestion.closest(to: typed, in: labels).map { "; did you mean '\($0)'?" } ?? "."
        throw Problem("'\(typed)' is not a label; use one of \(labels.joined(separator: ", "))\(hint)")
    }

    /// Every candidate once, best first, by number or id.
    public static func ranking(_ line: String, _ task: RankingTask) throws(Problem) -> [String] {
        var order: [String] = []
        for part in line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ">" }) {
            let typed = String(part)
            let id: String
            if let number = Int(typed), task.candidates.indices.contains(number - 1) {
                id = task.candidates[number - 1].id
            } else if let candidate = DeclaredName.match(typed, in: task.candidates.map(\.id)) {
                id = candidate
            } else {
                throw Problem("'\(typed)' is not a candidate; use numbers 1–\(task.candidates.count).")
            }
            guard !order.contains(id) else { throw Problem("Each candidate goes in the order once; '\(typed)' appears twice.") }
            order.append(id)
        }
        guard order.count == task.candidates.count else {
            throw Problem(
                "Put all \(task.candidates.count) candidates in order, best first, e.g. \((1...task.candidates.count).map(String.init).joined(separator: " "))."
            )
        }
        return order
    }
}
