/// One node of a parsed Markdown document: a view into the document's flat storage.
///
/// The kinds mirror CommonMark's node types one to one, plus Groundwork's special blocks
/// (callouts and quizzes), which cmark sees as fenced code blocks and which
/// ``MarkdownDocument`` turns into their own kinds. Two nodes are equal when they are the
/// same node of the same document.
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

    let storage: MarkdownStorage
    let index: Int32

    init(storage: MarkdownStorage, index: Int32) {
        self.storage = storage
        self.index = index
    }

    public var kind: Kind { storage.kind(of: index) }

    public var children: [MarkdownNode] {
        storage.tree.children(of: index).map { MarkdownNode(storage: storage, index: $0) }
    }

    /// Where the node starts in the original file.
    public var position: SourcePosition { storage.tree.position(index) }

    var tag: MarkdownTree.Tag { storage.tree.nodes[Int(index)].tag }

    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool {
        lhs.storage === rhs.storage && lhs.index == rhs.index
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(storage))
        hasher.combine(index)
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
    public var isInline: Bool { tag.isInline }

    /// The text a reader sees, without markup: line breaks become spaces and blocks are
    /// separated by newlines.
    public var plainText: String {
        var bytes: [UInt8] = []
        storage.tree.appendPlainText(of: index, to: &bytes)
        while bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `visit` for this node and every descendant, parents before children.
    ///
    /// Quiz questions, choices and explanations are visited too, so links inside them are
    /// checked like any other.
    public func forEach(_ visit: (MarkdownNode) -> Void) {
        visit(self)
        var child = storage.tree.nodes[Int(index)].firstChild
        while child != MarkdownTree.none {
            MarkdownNode(storage: storage, index: child).forEach(visit)
            child = storage.tree.nodes[Int(child)].nextSibling
        }
        if tag == .quiz, case .quiz(let quiz) = kind {
            for node in quiz.question { node.forEach(visit) }
            for choice in quiz.choices {
                for node in choice.text + choice.explanation { node.forEach(visit) }
            }
        }
    }
}
