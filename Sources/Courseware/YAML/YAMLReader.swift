internal import Yams

/// Reads small YAML documents (front matter, and later assessment files) with positions,
/// reporting every problem as a located diagnostic instead of throwing.
///
/// Values are read field by field so each wrong type or unknown key is reported at its own
/// line and column, and one mistake does not hide the others.
struct YAMLReader {
    /// File line of the YAML text's first line.
    let firstLine: Int
    let context: String

    /// Parses `yaml`; on a syntax error reports it and returns nil.
    func parse(_ yaml: String, sink: inout DiagnosticSink) -> YAMLMapping? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let (problem, mark) = Self.describe(error)
            sink.report(.frontMatterSyntax, at: mark.map(position), "\(context) is not valid YAML: \(problem)")
            return nil
        } catch {
            sink.report(.frontMatterSyntax, at: SourcePosition(line: firstLine, column: 1), "\(context) is not valid YAML: \(error)")
            return nil
        }
        guard let node else { return YAMLMapping(entries: [], reader: self) }
        guard let mapping = node.mapping else {
            sink.report(.frontMatterType, at: position(node), "\(context) must be a list of 'key: value' lines")
            return nil
        }
        return YAMLMapping(entries: mapping.map { ($0.key, $0.value) }, reader: self)
    }

    func position(_ node: Node) -> SourcePosition? {
        node.mark.map(position)
    }

    private func position(_ mark: Mark) -> SourcePosition {
        SourcePosition(line: mark.line + firstLine - 1, column: mark.column)
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            // At the end of the text the problem's own mark says little; the context's mark
            // is where the unfinished thing (a quote, a bracket) was opened.
            let atEnd = problem.contains("end of stream") || problem.contains("end of the stream")
            return (detail, atEnd ? (context?.mark ?? mark) : mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("the key '\(duplicates.joined(separator: "', '"))' appears twice", context.mark)
        case .reader(let problem, _, _, _):
            return (problem, nil)
        default:
            return ("\(error)", nil)
        }
    }
}

/// The top-level mapping of a YAML document, read key by key.
struct YAMLMapping {
    fileprivate let entries: [(key: Node, value: Node)]
    fileprivate let reader: YAMLReader

    /// Reports keys outside `allowed`, suggesting the closest allowed key.
    func checkKeys(allowed: [String], sink: inout DiagnosticSink) {
        for (key, _) in entries {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let hint = closestMatch(to: name, in: allowed).map { "; did you mean '\($0)'?" } ?? "; allowed keys are \(allowed.joined(separator: ", "))"
            sink.report(.frontMatterUnknownKey, at: reader.position(key), "unknown key '\(name)' in \(reader.context)\(hint)")
        }
    }

    /// Where `key` is written, if it is.
    func position(of key: String) -> SourcePosition? {
        entries.first { $0.key.string == key }.flatMap { reader.position($0.key) }
    }

    private func value(_ key: String) -> Node? {
        entries.first { $0.key.string == key }?.value
    }

    /// A string value; numbers and booleans written bare are taken as their text.
    func string(_ key: String, sink: inout DiagnosticSink) -> Located<String>? {
        guard let node = value(key) else { return nil }
        guard let scalar = node.scalar else {
            sink.report(.frontMatterType, at: reader.position(node), "'\(key)' must be a single line of text")
            return nil
        }
        return Located(scalar.string, at: reader.position(node))
    }

    /// A list of strings; a single string is taken as a list of one.
    func strings(_ key: String, sink: inout DiagnosticSink) -> [Located<String>] {
        guard let node = value(key) else { return [] }
        if let scalar = node.scalar {
            return scalar.string.isEmpty ? [] : [Located(scalar.string, at: reader.position(node))]
        }
        guard let sequence = node.sequence else {
            sink.report(.frontMatterType, at: reader.position(node), "'\(key)' must be a list, e.g. [first, second]")
            return []
        }
        return sequence.compactMap { item in
            guard let scalar = item.scalar else {
                sink.report(.frontMatterType, at: reader.position(item), "each entry of '\(key)' must be plain text")
                return nil
            }
            return Located(scalar.string, at: reader.position(item))
        }
    }

    /// `true` or `false`.
    func bool(_ key: String, sink: inout DiagnosticSink) -> Bool? {
        guard let node = value(key) else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            sink.report(.frontMatterType, at: reader.position(node), "'\(key)' must be true or false")
            return nil
        }
    }

    /// A whole number within `range`.
    func integer(_ key: String, in range: ClosedRange<Int>, sink: inout DiagnosticSink) -> Int? {
        guard let node = value(key) else { return nil }
        guard let text = node.scalar?.string, let number = Int(text), range.contains(number) else {
            let written = node.scalar.map { "'\($0.string)'" } ?? "a list or mapping"
            sink.report(.frontMatterType, at: reader.position(node), "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(written)")
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

/// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
func closestMatch(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, word.count / 3) ? best.0 : nil
}

/// Levenshtein distance between two short strings (for "did you mean" hints only).
private func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
