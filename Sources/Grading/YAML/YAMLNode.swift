package import Courseware
import Yams

/// A YAML value with the position of every node, copied out of Yams into plain `Sendable`
/// values so the rest of Grading never touches Yams' reference types.
///
/// Every scalar stays text (Yams' `.basic` resolver): `yes`, `1.0` and `null` mean what the
/// field reading them says they mean, so `label: no` is the label "no", not `false`.
package struct YAMLNode: Sendable {
    package enum Value: Sendable {
        /// A scalar's text; `plain` is false for quoted and block scalars.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    package var value: Value
    /// Where the node starts in the file (1-based line and column in Unicode scalars).
    package var position: SourcePosition

    /// The scalar text, or nil for collections.
    package var text: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// Whether the node is YAML's null: an empty or `~`/`null` plain scalar.
    package var isNull: Bool {
        if case .scalar(let text, let plain) = value, plain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// How the node's type is named in messages: "a list", "a mapping", "'text'".
    package var typeDescription: String {
        switch value {
        case .scalar(let text, _): return isNull ? "nothing" : Quote.text(text, limit: 40)
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// Parses YAML text into ``YAMLNode``s, reporting syntax errors at their file position.
package enum YAMLParser {
    /// More nodes than this (after expanding aliases) are refused: a "billion laughs" file
    /// of nested aliases would otherwise expand into billions of nodes.
    static let maximumNodes = 200_000

    /// Parses `text`, whose first line is line `firstLine` of the file behind `sink`.
    /// Returns nil (after reporting) on a syntax error; an empty document gives a null scalar.
    package static func parse(_ text: String, firstLine: Int, sink: inout DiagnosticSink) -> YAMLNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            let (message, mark) = describe(error)
            let position = mark.map { SourcePosition(line: $0.line + firstLine - 1, column: max($0.column, 1)) }
            sink.report(.yamlSyntax, at: position ?? SourcePosition(line: firstLine, column: 1), message)
            return nil
        } catch {
            sink.report(.yamlSyntax, at: SourcePosition(line: firstLine, column: 1), "the YAML cannot be read: \(error)")
            return nil
        }
        guard let root else {
            return YAMLNode(value: .scalar("", plain: true), position: SourcePosition(line: firstLine, column: 1))
        }
        var budget = maximumNodes
        guard let node = convert(root, firstLine: firstLine, budget: &budget) else {
            sink.report(
                .yamlSyntax, at: SourcePosition(line: firstLine, column: 1),
                "the YAML expands to more than \(maximumNodes) values (through aliases?); write the values out or split the file")
            return nil
        }
        return node
    }

    private static func convert(_ node: Node, firstLine: Int, budget: inout Int) -> YAMLNode? {
        budget -= 1
        if budget < 0 { return nil }
        let mark = node.mark
        let position = SourcePosition(line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            return YAMLNode(value: .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), position: position)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for child in sequence {
                guard let converted = convert(child, firstLine: firstLine, budget: &budget) else { return nil }
                items.append(converted)
            }
            return YAMLNode(value: .sequence(items), position: position)
        case .mapping(let mapping):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            for (key, value) in mapping {
                guard let k = convert(key, firstLine: firstLine, budget: &budget),
                    let v = convert(value, firstLine: firstLine, budget: &budget)
                else { return nil }
                pairs.append((k, v))
            }
            return YAMLNode(value: .mapping(pairs), position: position)
        case .alias(let alias):
            return YAMLNode(value: .scalar(alias.anchor.rawValue, plain: false), position: position)
        }
    }

    /// A message (without Yams' snippet) and the position Yams reports.
    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let around = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return ("YAML syntax error: \(problem)\(around); check the indentation and quoting here", mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ("key \(keys) appears more than once in the same mapping; keep one", context.mark)
        case .reader(let problem, _, _, _):
            return ("the YAML cannot be read: \(problem)", nil)
        default:
            return ("the YAML cannot be read: \(error)", nil)
        }
    }
}
