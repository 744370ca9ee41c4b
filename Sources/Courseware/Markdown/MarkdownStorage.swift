/// Every node of one parsed document in flat arrays, and every piece of text in one buffer.
///
/// A tree of separately allocated Swift values cost several times what cmark itself takes to
/// parse; here a document is a handful of arrays, so building one is mostly appending numbers
/// and copying bytes, and the HTML renderer escapes straight out of ``bytes``.
///
/// It is a value while ``MarkdownDocument`` builds it, then frozen in a ``MarkdownStorage``
/// whose nodes are read through ``MarkdownNode`` views.
struct MarkdownTree: Sendable {
    enum Tag: UInt8 {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
        case callout, quiz

        /// Nodes that carry one piece of text in `first`.
        var hasLiteral: Bool {
            switch self {
            case .text, .code, .htmlInline, .htmlBlock: return true
            default: return false
            }
        }

        var isInline: Bool {
            switch self {
            case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .link, .image: return true
            default: return false
            }
        }
    }

    /// A piece of ``bytes``.
    struct Span {
        var start: Int32
        var count: Int32
    }

    static let none: Int32 = -1

    /// One node: its kind, where it starts, its place in the tree and what it carries.
    struct Node: Sendable {
        var tag: Tag
        var line: Int32
        var column: Int32
        var firstChild: Int32 = MarkdownTree.none
        var nextSibling: Int32 = MarkdownTree.none
        /// Kind-specific: a span index for text, code blocks (info, then literal), links and
        /// images (destination, then title) and headings (the anchor); a side-table index for
        /// lists, callouts and quizzes.
        var payload: Int32
        /// Kind-specific: the level of a heading.
        var extra: Int32
    }

    var nodes: [Node] = []
    var spans: [Span] = []
    var bytes: [UInt8] = []
    /// Words of readable text, counted as text is copied in (for reading-time estimates).
    var wordCount = 0
    var listStyles: [ListStyle] = []
    var callouts: [Callout] = []
    var quizzes: [QuizRecord] = []

    /// A quiz as node indices; ``MarkdownStorage`` turns it into a ``Quiz`` of views.
    struct QuizRecord: Sendable {
        struct Choice: Sendable {
            var text: [Int32]
            var isCorrect: Bool
            var explanation: [Int32]
            var position: SourcePosition
        }

        var question: [Int32]
        var choices: [Choice]
    }

    init(expectedBytes: Int) {
        bytes.reserveCapacity(expectedBytes)
        nodes.reserveCapacity(expectedBytes / 12 + 16)
        spans.reserveCapacity(expectedBytes / 16 + 16)
    }

    // MARK: Building

    /// Appends a node with no children yet and returns its index.
    mutating func appendNode(_ tag: Tag, position: SourcePosition, payload: Int32 = 0, extra: Int32 = 0) -> Int32 {
        nodes.append(
            Node(
                tag: tag, line: Int32(truncatingIfNeeded: position.line), column: Int32(truncatingIfNeeded: position.column),
                payload: payload, extra: extra))
        return Int32(nodes.count - 1)
    }

    /// Copies text into ``bytes`` and returns the index of its span.
    mutating func appendSpan(_ pointer: UnsafePointer<UInt8>?, count: Int) -> Int32 {
        let start = Int32(truncatingIfNeeded: bytes.count)
        if let pointer, count > 0 { bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count)) }
        spans.append(Span(start: start, count: Int32(truncatingIfNeeded: count)))
        return Int32(spans.count - 1)
    }

    mutating func appendSpan(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { appendSpan($0.baseAddress, count: $0.count) }
    }

    func position(_ node: Int32) -> SourcePosition {
        SourcePosition(line: Int(nodes[Int(node)].line), column: Int(nodes[Int(node)].column))
    }

    mutating func setPosition(_ node: Int32, _ position: SourcePosition) {
        nodes[Int(node)].line = Int32(truncatingIfNeeded: position.line)
        nodes[Int(node)].column = Int32(truncatingIfNeeded: position.column)
    }

    /// Removes the first `count` bytes of a text node (a quiz choice's `[x]` marker), moving
    /// its position along with them.
    mutating func dropLeadingBytes(_ count: Int, fromTextNode node: Int32) {
        let span = Int(nodes[Int(node)].payload)
        spans[span].start += Int32(count)
        spans[span].count -= Int32(count)
        nodes[Int(node)].column += Int32(count)
    }

    // MARK: Reading

    func string(span index: Int32) -> String {
        let span = spans[Int(index)]
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(span.start)..<Int(span.start + span.count)]), as: UTF8.self)
        }
    }

    func firstByte(span index: Int32) -> UInt8? {
        let span = spans[Int(index)]
        return span.count > 0 ? bytes[Int(span.start)] : nil
    }

    /// Indices of a node's children, in order.
    func children(of node: Int32) -> [Int32] {
        var result: [Int32] = []
        var child = nodes[Int(node)].firstChild
        while child != Self.none {
            result.append(child)
            child = nodes[Int(child)].nextSibling
        }
        return result
    }

    /// Appends the text a reader sees under `node`: breaks become spaces, blocks end in newlines.
    func appendPlainText(of node: Int32, to result: inout [UInt8]) {
        let index = Int(node)
        switch nodes[index].tag {
        case .text, .code:
            appendBytes(span: nodes[index].payload, to: &result)
        case .codeBlock:
            appendBytes(span: nodes[index].payload + 1, to: &result)
        case .softBreak, .lineBreak:
            result.append(UInt8(ascii: " "))
        default:
            var child = nodes[index].firstChild
            while child != Self.none {
                appendPlainText(of: child, to: &result)
                child = nodes[Int(child)].nextSibling
            }
            if !nodes[index].tag.isInline, let last = result.last, last != UInt8(ascii: "\n") { result.append(UInt8(ascii: "\n")) }
        }
    }

    /// Runs of bytes other than spaces, tabs and line breaks in a span.
    ///
    /// Counts the bytes that start a word, with no branch per byte: the count showed in the
    /// benchmark's profile, and branching on every byte mispredicts at each word's end.
    func words(inSpan index: Int32) -> Int {
        let span = spans[Int(index)]
        return bytes.withUnsafeBufferPointer { buffer in
            var count: UInt64 = 0
            var previousIsSpace: UInt64 = 1
            for byte in UnsafeBufferPointer(rebasing: buffer[Int(span.start)..<Int(span.start + span.count)]) {
                let isSpace = byte < 64 ? (Self.wordSeparators &>> UInt64(byte)) & 1 : 0
                count &+= previousIsSpace & (isSpace ^ 1)
                previousIsSpace = isSpace
            }
            return Int(count)
        }
    }

    /// Bit n is set for each byte n that separates words: space, tab, line feed, carriage return.
    private static let wordSeparators: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D

    func appendBytes(span index: Int32, to result: inout [UInt8]) {
        let span = spans[Int(index)]
        result.append(contentsOf: bytes[Int(span.start)..<Int(span.start + span.count)])
    }
}

/// A finished document's tree, shared by the ``MarkdownNode`` views into it.
final class MarkdownStorage: Sendable {
    let tree: MarkdownTree

    init(tree: MarkdownTree) {
        self.tree = tree
    }

    func kind(of node: Int32) -> MarkdownNode.Kind {
        let index = Int(node)
        let value = tree.nodes[index].payload
        switch tree.nodes[index].tag {
        case .document: return .document
        case .blockQuote: return .blockQuote
        case .list: return .list(tree.listStyles[Int(value)])
        case .item: return .item
        case .codeBlock: return .codeBlock(info: tree.string(span: value), literal: tree.string(span: value + 1))
        case .htmlBlock: return .htmlBlock(tree.string(span: value))
        case .paragraph: return .paragraph
        case .heading: return .heading(level: Int(tree.nodes[index].extra), anchor: tree.string(span: value))
        case .thematicBreak: return .thematicBreak
        case .text: return .text(tree.string(span: value))
        case .softBreak: return .softBreak
        case .lineBreak: return .lineBreak
        case .code: return .code(tree.string(span: value))
        case .htmlInline: return .htmlInline(tree.string(span: value))
        case .emphasis: return .emphasis
        case .strong: return .strong
        case .link: return .link(destination: tree.string(span: value), title: tree.string(span: value + 1))
        case .image: return .image(source: tree.string(span: value), title: tree.string(span: value + 1))
        case .callout: return .callout(tree.callouts[Int(value)])
        case .quiz: return .quiz(quiz(tree.quizzes[Int(value)]))
        }
    }

    private func quiz(_ record: MarkdownTree.QuizRecord) -> Quiz {
        let view = { MarkdownNode(storage: self, index: $0) }
        return Quiz(
            question: record.question.map(view),
            choices: record.choices.map {
                Quiz.Choice(text: $0.text.map(view), isCorrect: $0.isCorrect, explanation: $0.explanation.map(view), position: $0.position)
            })
    }
}
