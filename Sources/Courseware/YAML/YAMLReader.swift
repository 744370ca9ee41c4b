/// Reads front matter field by field, reporting every problem as a located diagnostic.
///
/// Fields are read one at a time so each wrong type or unknown key is reported at its own
/// line and column, and one mistake does not hide the others.
struct YAMLReader {
    /// File line of the YAML text's first line.
    let firstLine: Int
    let context: String

    /// Parses the front matter's lines; on a syntax error reports it and returns nil.
    func parse(_ lines: [Substring], sink: inout DiagnosticSink) -> YAMLMapping? {
        var parser = FrontMatterYAML(lines: lines, firstLine: firstLine)
        do {
            return YAMLMapping(entries: try parser.parse(), context: context)
        } catch {
            sink.report(.frontMatterSyntax, at: error.position, "\(context): \(error.message)")
            return nil
        }
    }
}

/// The `key: value` entries of front matter, read key by key.
struct YAMLMapping {
    fileprivate let entries: [FrontMatterYAML.Entry]
    fileprivate let context: String

    fileprivate init(entries: [FrontMatterYAML.Entry], context: String) {
        self.entries = entries
        self.context = context
    }

    /// Reports keys outside `allowed`, suggesting the closest allowed key.
    func checkKeys(allowed: [String], sink: inout DiagnosticSink) {
        for entry in entries where !allowed.contains(entry.key) {
            let hint =
                Suggestion.closest(to: entry.key, in: allowed).map { "; did you mean '\($0)'?" }
                ?? "; allowed keys are \(allowed.joined(separator: ", "))"
            sink.report(.frontMatterUnknownKey, at: entry.keyPosition, "unknown key \(Quote.text(entry.key)) in \(context)\(hint)")
        }
    }

    private func entry(_ key: String) -> FrontMatterYAML.Entry? {
        entries.first { $0.key == key }
    }

    /// A single piece of text.
    func string(_ key: String, sink: inout DiagnosticSink) -> Located<String>? {
        guard let entry = entry(key) else { return nil }
        guard case .text(let text) = entry.value else {
            sink.report(.frontMatterType, at: entry.valuePosition, "'\(key)' must be a single line of text")
            return nil
        }
        return Located(text, at: entry.valuePosition)
    }

    /// A list of texts; a single text is taken as a list of one.
    func strings(_ key: String, sink: inout DiagnosticSink) -> [Located<String>] {
        guard let entry = entry(key) else { return [] }
        switch entry.value {
        case .list(let items): return items
        case .text(let text): return text.isEmpty ? [] : [Located(text, at: entry.valuePosition)]
        case .mapping:
            sink.report(.frontMatterType, at: entry.valuePosition, "'\(key)' must be a list, e.g. [first, second]")
            return []
        }
    }

    /// `true` or `false`.
    func bool(_ key: String, sink: inout DiagnosticSink) -> Bool? {
        guard let entry = entry(key) else { return nil }
        if case .text(let text) = entry.value {
            switch text.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: break
            }
        }
        sink.report(.frontMatterType, at: entry.valuePosition, "'\(key)' must be true or false")
        return nil
    }

    /// A whole number within `range`.
    func integer(_ key: String, in range: ClosedRange<Int>, sink: inout DiagnosticSink) -> Int? {
        guard let entry = entry(key) else { return nil }
        guard case .text(let text) = entry.value, let number = Int(text), range.contains(number) else {
            let written: String
            switch entry.value {
            case .text(let text): written = "\(Quote.text(text))"
            case .list: written = "a list"
            case .mapping: written = "a mapping"
            }
            sink.report(
                .frontMatterType, at: entry.valuePosition,
                "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(written)")
            return nil
        }
        return number
    }
}

/// A value with the place it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var position: SourcePosition?

    public init(_ value: Value, at position: SourcePosition?) {
        self.value = value
        self.position = position
    }
}
