package import Courseware

/// Reads the keys of one YAML mapping field by field, reporting each problem at its own
/// position and, when done, every key nobody asked for (with a "did you mean").
///
/// Readers return nil after reporting, so a caller can go on and find the next mistake.
package struct YAMLFields {
    let node: YAMLNode
    /// What the mapping is, for messages: "item 'q3'", "the front matter".
    let context: String
    private var pairs: [(key: String, keyPosition: SourcePosition, value: YAMLNode)] = []
    private var read: Set<String> = []

    /// Wraps `node`, reporting (and reading nothing) when it is not a mapping.
    package init?(_ node: YAMLNode, context: String, sink: inout DiagnosticSink) {
        self.node = node
        self.context = context
        guard case .mapping(let entries) = node.value else {
            sink.report(.invalidValue, at: node.position, "\(context) must be a mapping of 'key: value' lines, got \(node.typeDescription)")
            return nil
        }
        for entry in entries {
            pairs.append((entry.key.text ?? "", entry.key.position, entry.value))
        }
    }

    package var position: SourcePosition { node.position }

    /// Whether the key is present (null values count as absent).
    package func has(_ key: String) -> Bool {
        pairs.contains { $0.key == key && !$0.value.isNull }
    }

    /// The raw node of a key, marking it as read; nil when absent or null.
    package mutating func node(_ key: String) -> YAMLNode? {
        read.insert(key)
        return pairs.first { $0.key == key }.flatMap { $0.value.isNull ? nil : $0.value }
    }

    /// Position of a key itself (for "remove this key" messages).
    package func keyPosition(_ key: String) -> SourcePosition? {
        pairs.first { $0.key == key }?.keyPosition
    }

    /// Reports a missing required key at the mapping's start.
    package func reportMissing(_ key: String, _ hint: String, sink: inout DiagnosticSink) {
        sink.report(.missingKey, at: position, "\(context) has no '\(key)'; \(hint)")
    }

    /// Reports every key that was never read, suggesting the closest allowed one.
    package func finish(allowed: [String], sink: inout DiagnosticSink) {
        for pair in pairs where !read.contains(pair.key) {
            let known = allowed.isEmpty ? Array(read).sorted() : allowed
            sink.report(
                .unknownKey, at: pair.keyPosition,
                "unknown key \(Quote.text(pair.key)) in \(context) is ignored\(Suggestion.hint(for: pair.key, in: known))")
        }
    }

    // MARK: Typed readers

    /// A single line or block of text.
    package mutating func string(_ key: String, sink: inout DiagnosticSink) -> Located<String>? {
        guard let value = node(key) else { return nil }
        return YAMLFields.string(value, what: "'\(key)' in \(context)", sink: &sink)
    }

    /// A required piece of text.
    package mutating func requiredString(_ key: String, hint: String, sink: inout DiagnosticSink) -> Located<String>? {
        guard has(key) else {
            reportMissing(key, hint, sink: &sink)
            _ = node(key)
            return nil
        }
        return string(key, sink: &sink)
    }

    /// A number within `range`; by default any up to ``GradingLimits/maximumMagnitude``, so no
    /// number read from a file can overflow the arithmetic done with it.
    package mutating func number(
        _ key: String, in range: ClosedRange<Double> = GradingLimits.numbers, sink: inout DiagnosticSink
    ) -> Located<Double>? {
        guard let value = node(key) else { return nil }
        return YAMLFields.number(value, in: range, what: "'\(key)' in \(context)", sink: &sink)
    }

    /// A whole number within `range` (by default any up to ``GradingLimits/maximumMagnitude``).
    package mutating func integer(_ key: String, in range: ClosedRange<Int> = GradingLimits.integers, sink: inout DiagnosticSink)
        -> Located<Int>?
    {
        guard let value = node(key) else { return nil }
        return YAMLFields.integer(value, in: range, what: "'\(key)' in \(context)", sink: &sink)
    }

    /// `true`/`false` (also `yes`/`no`).
    package mutating func bool(_ key: String, sink: inout DiagnosticSink) -> Bool? {
        guard let value = node(key) else { return nil }
        switch value.text?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            sink.report(.invalidValue, at: value.position, "'\(key)' in \(context) must be true or false, got \(value.typeDescription)")
            return nil
        }
    }

    /// A list of texts; a single text is a list of one.
    package mutating func strings(_ key: String, sink: inout DiagnosticSink) -> [Located<String>]? {
        guard let value = node(key) else { return nil }
        return YAMLFields.strings(value, what: "'\(key)' in \(context)", sink: &sink)
    }

    /// A fraction written as `80%` or `0.8`, within [0, 1] unless `allowAboveOne`.
    package mutating func fraction(_ key: String, sink: inout DiagnosticSink) -> Located<Double>? {
        guard let value = node(key) else { return nil }
        return YAMLFields.fraction(value, what: "'\(key)' in \(context)", sink: &sink)
    }

    // MARK: Node readers

    package static func string(_ node: YAMLNode, what: String, sink: inout DiagnosticSink) -> Located<String>? {
        guard let text = node.text else {
            sink.report(.invalidValue, at: node.position, "\(what) must be text, got \(node.typeDescription)")
            return nil
        }
        return Located(text, at: node.position)
    }

    package static func number(
        _ node: YAMLNode, in range: ClosedRange<Double> = GradingLimits.numbers, what: String, sink: inout DiagnosticSink
    ) -> Located<Double>? {
        guard let text = node.text, let number = Double(text.trimmingWhitespace), !number.isNaN else {
            sink.report(.invalidValue, at: node.position, "\(what) must be a number, got \(node.typeDescription)")
            return nil
        }
        guard range.contains(number) else {
            reportOutOfRange(
                node, text, range: "\(Format.number(range.lowerBound)) to \(Format.number(range.upperBound))", what: what, sink: &sink)
            return nil
        }
        return Located(number, at: node.position)
    }

    package static func integer(
        _ node: YAMLNode, in range: ClosedRange<Int> = GradingLimits.integers, what: String, sink: inout DiagnosticSink
    ) -> Located<Int>? {
        let text = node.text?.trimmingWhitespace ?? ""
        guard let number = Int(text) else {
            // A whole number too long for an Int is out of range, not of the wrong type.
            let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
            if !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }) {
                reportOutOfRange(node, text, range: "\(range.lowerBound) to \(range.upperBound)", what: what, sink: &sink)
            } else {
                sink.report(.invalidValue, at: node.position, "\(what) must be a whole number, got \(node.typeDescription)")
            }
            return nil
        }
        guard range.contains(number) else {
            reportOutOfRange(node, text, range: "\(range.lowerBound) to \(range.upperBound)", what: what, sink: &sink)
            return nil
        }
        return Located(number, at: node.position)
    }

    /// Reports a number outside its range, quoting it as written.
    static func reportOutOfRange(_ node: YAMLNode, _ text: String, range: String, what: String, sink: inout DiagnosticSink) {
        sink.report(.invalidValue, at: node.position, "\(what) must be from \(range), got \(Quote.text(text.trimmingWhitespace))")
    }

    package static func strings(_ node: YAMLNode, what: String, sink: inout DiagnosticSink) -> [Located<String>]? {
        switch node.value {
        case .scalar(let text, _):
            return [Located(text, at: node.position)]
        case .sequence(let items):
            var result: [Located<String>] = []
            for item in items {
                guard let text = string(item, what: "each entry of \(what)", sink: &sink) else { return nil }
                result.append(text)
            }
            return result
        case .mapping:
            sink.report(.invalidValue, at: node.position, "\(what) must be a list, e.g. [first, second], got a mapping")
            return nil
        }
    }

    /// `80%`, `0.8` or `1`: a fraction from 0 to 1; a bare number above 1 is refused as
    /// ambiguous, a percentage above 100% as out of range.
    package static func fraction(_ node: YAMLNode, what: String, sink: inout DiagnosticSink) -> Located<Double>? {
        guard let raw = node.text?.trimmingWhitespace else {
            sink.report(
                .invalidValue, at: node.position,
                "\(what) must be a percentage such as 80% or a fraction such as 0.8, got \(node.typeDescription)")
            return nil
        }
        if raw.hasSuffix("%") {
            guard let percent = Double(raw.dropLast().trimmingWhitespace), !percent.isNaN else {
                sink.report(.invalidValue, at: node.position, "\(what) must be a percentage such as 80%, got \(Quote.text(raw))")
                return nil
            }
            guard (0...100).contains(percent) else {
                reportOutOfRange(node, raw, range: "0% to 100%", what: what, sink: &sink)
                return nil
            }
            return Located(percent / 100, at: node.position)
        }
        guard let number = Double(raw), !number.isNaN else {
            sink.report(
                .invalidValue, at: node.position,
                "\(what) must be a percentage such as 80% or a fraction such as 0.8, got \(Quote.text(raw))")
            return nil
        }
        guard number >= 0 else {
            reportOutOfRange(node, raw, range: "0 to 1", what: what, sink: &sink)
            return nil
        }
        if number > 1 {
            let shown = Quote.text(raw, limit: 20)
            sink.report(
                .invalidValue, at: node.position,
                "\(what) is \(shown): write a percentage such as \(shown.dropFirst().dropLast())% or a fraction between 0 and 1")
            return nil
        }
        return Located(number, at: node.position)
    }

    /// The entries of a list node (a single value is a list of one).
    package static func list(_ node: YAMLNode) -> [YAMLNode] {
        if case .sequence(let items) = node.value { return items }
        return [node]
    }
}

/// A value read from a file together with where it was written.
package struct Located<Value: Sendable>: Sendable {
    package var value: Value
    package var position: SourcePosition

    package init(_ value: Value, at position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    var trimmingWhitespace: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
