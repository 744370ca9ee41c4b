internal import Foundation
public import Grading

/// An item read from another tool's file, before it is written to `items.yaml`: the common
/// keys and its kind's keys, in the order an author would write them.
public struct DraftItem: Sendable, Hashable {
    public var id: String
    public var kind: ItemKind
    public var prompt: String
    /// The kind's keys (`image`, `size`, `labels`, `options`, … and `answer`).
    public var fields: [YAMLOut.Entry]
    public var reason: String

    public init(id: String, kind: ItemKind, prompt: String, fields: [YAMLOut.Entry], reason: String) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.fields = fields
        self.reason = reason
    }

    /// The item as one entry of the `items.yaml` list.
    var yaml: YAMLOut {
        .map(
            [.init("id", .string(id)), .init("kind", .string(kind.rawValue)), .init("prompt", .string(prompt))] + fields + [
                .init("reason", .string(reason))
            ], flow: false)
    }

    /// An item id made from a source's own id: the characters `items.yaml` allows (letters,
    /// digits, `-`, `_`, `.`), others replaced by `-`.
    static func identifier(_ raw: String) -> String {
        let allowed = raw.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "-"
        }
        let text = String(allowed)
        return text.isEmpty ? "item" : text
    }
}

/// Everything an import writes: the settings of `assessment.md`, its instructions, and the
/// items.
public struct DraftAssessment: Sendable, Hashable {
    public var title: String
    public var instructions: String
    public var items: [DraftItem]

    public init(title: String, instructions: String, items: [DraftItem]) {
        self.title = title
        self.instructions = instructions
        self.items = items
    }

    /// `items.yaml`: a header comment saying where the items came from, then the list.
    func itemsText(source: String) -> String {
        let header = "# Imported by 'groundwork import' from \(source.replacingOccurrences(of: "\n", with: " ")).\n"
        return header + YAMLOut.list(items.map(\.yaml), flow: false).emitted()
    }

    /// `assessment.md`: front matter with the title and a pass mark to review, then the
    /// instructions.
    func assessmentText() -> String {
        let front = YAMLOut.map(
            [.init("title", .string(title)), .init("platform", .string("generic")), .init("pass-mark", .string("80%"))],
            flow: false
        ).emitted()
        return "---\n" + front + "---\n" + instructions + (instructions.hasSuffix("\n") ? "" : "\n")
    }
}
