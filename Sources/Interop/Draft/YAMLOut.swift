internal import Yams

/// A value to write into `items.yaml` or front matter, in the order it should appear.
/// Conversions build these rather than text, and ``YAMLOut/text(_:)`` leaves quoting,
/// escaping and block scalars to the YAML emitter, so any string a file holds is written so
/// it reads back the same.
public indirect enum YAMLOut: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    /// A list; `flow` writes it on one line (`[640, 480]`).
    case list([YAMLOut], flow: Bool)
    /// A mapping in the given key order; `flow` writes it on one line (`{label: car, x: 1}`).
    case map([Entry], flow: Bool)

    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: YAMLOut
        public init(_ key: String, _ value: YAMLOut) {
            self.key = key
            self.value = value
        }
    }

    /// A one-line list of numbers (`[x, y]`, `[w, h]`).
    static func numbers(_ values: [Double]) -> YAMLOut { .list(values.map(YAMLOut.number), flow: true) }

    /// A one-line list of strings (`[car, person]`).
    static func strings(_ values: [String]) -> YAMLOut { .list(values.map(YAMLOut.string), flow: true) }

    var node: Node {
        switch self {
        case .string(let text):
            // Multi-line text as a literal block (`|`), as authors write prompts and reasons;
            // the emitter falls back to quoting where a block cannot hold the text exactly.
            // Text a YAML 1.1 reader would take for something else — null (`~`, `null`,
            // nothing), a boolean (`true`, `yes`, `off`), a number, a date — is quoted, so every
            // tool reads it back as text, not only Groundwork's schema-aware reader.
            let style: Node.Scalar.Style =
                text.isEmpty || Resolver.default.resolveTag(of: Node(text)) != .str
                ? .doubleQuoted : text.contains("\n") ? .literal : .any
            return Node(text, .implicit, style)
        case .number(let value): return Node(NumberText.exact(value), .implicit, .plain)
        case .bool(let value): return Node(value ? "true" : "false", .implicit, .plain)
        case .list(let values, let flow):
            return Node(values.map(\.node), .implicit, flow ? Node.Sequence.Style.flow : .block)
        case .map(let entries, let flow):
            return Node(entries.map { (Node($0.key), $0.value.node) }, .implicit, flow ? Node.Mapping.Style.flow : .block)
        }
    }

    /// The value as YAML text.
    func emitted() -> String {
        (try? Yams.serialize(node: node, width: -1, allowUnicode: true)) ?? ""
    }
}
