/// One node of a parsed Markdown document: a plain Swift value copied out of cmark's tree.
///
/// The tree mirrors CommonMark's node types one to one, plus Groundwork's special blocks
/// (callouts and quizzes), which cmark sees as fenced code blocks and which
/// ``MarkdownDocument`` turns into their own kinds.
public struct MarkdownNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case list(ListStyle)
        case item
        /// A fenced or indented code block; `info` is the whole info string ("" when indented).
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        /// A heading with its anchor slug, unique within the document.
        case heading(level: Int, anchor: String)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
        /// A `tip`, `note`, `warning` or `example` block; its children are the body.
        case callout(Callout)
        /// An inline check with choices; the node has no children.
        case quiz(Quiz)
    }

    public var kind: Kind
    public var children: [MarkdownNode]
    /// Where the node starts in the original file.
    public var position: SourcePosition

    public init(_ kind: Kind, children: [MarkdownNode] = [], position: SourcePosition) {
        self.kind = kind
        self.children = children
        self.position = position
    }
}

/// How a list is numbered and spaced.
public struct ListStyle: Sendable, Hashable {
    public enum Marker: Sendable, Hashable {
        case bullet
        /// An ordered list; `delimiter` is "." or ")".
        case ordered(start: Int, delimiter: Character)
    }

    public var marker: Marker
    /// Tight lists render their paragraphs without `<p>` tags.
    public var isTight: Bool

    public init(marker: Marker, isTight: Bool) {
        self.marker = marker
        self.isTight = isTight
    }
}

extension MarkdownNode {
    /// Whether this node is an inline (text-level) node.
    public var isInline: Bool {
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .link, .image:
            return true
        default:
            return false
        }
    }

    /// The text a reader sees, without markup: line breaks become spaces and blocks are
    /// separated by newlines.
    public var plainText: String {
        var result = ""
        appendPlainText(to: &result)
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }

    private func appendPlainText(to result: inout String) {
        switch kind {
        case .text(let text), .code(let text):
            result += text
        case .softBreak, .lineBreak:
            result += " "
        case .codeBlock(_, let literal):
            result += literal
        default:
            for child in children { child.appendPlainText(to: &result) }
            if !isInline, !result.isEmpty, !result.hasSuffix("\n") { result += "\n" }
        }
    }

    /// Calls `visit` for this node and every descendant, parents before children.
    ///
    /// Quiz questions, choices and explanations are visited too, so links inside them are
    /// checked like any other.
    public func forEach(_ visit: (MarkdownNode) -> Void) {
        visit(self)
        for child in children { child.forEach(visit) }
        if case .quiz(let quiz) = kind {
            for node in quiz.question { node.forEach(visit) }
            for choice in quiz.choices {
                for node in choice.text + choice.explanation { node.forEach(visit) }
            }
        }
    }
}
