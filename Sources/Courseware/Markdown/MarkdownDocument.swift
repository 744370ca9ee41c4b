/// A parsed Markdown file: the node tree, its heading anchors and the problems found in it.
///
/// Parsing never fails. What cmark accepts is kept; special blocks that cannot be understood
/// stay plain code blocks and are reported, so a lesson still renders while its author fixes it.
public struct MarkdownDocument: Sendable {
    /// Containers nested deeper than this are dropped (and reported): real lessons nest a few
    /// levels, and the limit keeps hostile input (10,000 nested quotes) from exhausting the stack.
    public static let maximumNesting = 100
    /// Special blocks inside special blocks deeper than this stay code blocks.
    static let maximumSpecialBlockNesting = 4

    public var root: MarkdownNode
    /// Every heading anchor, in document order.
    public var anchors: [String]
    public var diagnostics: [Diagnostic]
    /// Words of readable text (quizzes, callouts and code included, markup not), counted
    /// while the tree is built.
    public var wordCount: Int

    /// Parses a whole file.
    public init(source: SourceFile) {
        self.init(source: source, markdown: source.text)
    }

    /// Parses `markdown`, whose lines are the lines of `source` (a lesson passes its text with
    /// the front matter blanked out, so positions still point into the original file).
    public init(source: SourceFile, markdown: String) {
        let builder = MarkdownBuilder(source: source)
        root = builder.parse(markdown, positions: PositionMap(source: source), specialDepth: 0)
        anchors = builder.anchors.anchors
        diagnostics = builder.sink.diagnostics
        wordCount = builder.wordCount
    }

    /// The text of the first level-1 heading, if any.
    public var firstHeadingText: String? {
        root.children.first { if case .heading(1, _) = $0.kind { return true } else { return false } }?.plainText
    }
}

/// Turns cmark's output into Groundwork's tree: anchors on headings, special blocks parsed.
private final class MarkdownBuilder {
    let source: SourceFile
    let anchors = AnchorRegistry()
    var sink: DiagnosticSink
    private(set) var wordCount = 0
    private var reportedDepth = false

    init(source: SourceFile) {
        self.source = source
        self.sink = DiagnosticSink(path: source.path)
    }

    func parse(_ markdown: String, positions: PositionMap, specialDepth: Int) -> MarkdownNode {
        let output = CMarkParser.parse(markdown, positions: positions, maxDepth: MarkdownDocument.maximumNesting) {
            self.finish($0, positions: positions, specialDepth: specialDepth)
        }
        if output.depthLimitReached, !reportedDepth {
            reportedDepth = true
            sink.report(
                .nestingTooDeep, at: nil,
                "Markdown is nested more than \(MarkdownDocument.maximumNesting) levels deep; the deeper part was left out")
        }
        return output.root
    }

    private func finish(_ node: MarkdownNode, positions: PositionMap, specialDepth: Int) -> MarkdownNode {
        switch node.kind {
        case .text(let text), .code(let text):
            wordCount += Self.words(in: text)
            return node
        case .heading(let level, _):
            var node = node
            node.kind = .heading(level: level, anchor: anchors.register(headingText: node.plainText))
            return node
        case .codeBlock(let info, let literal):
            if let special = specialBlock(node, info: info, literal: literal, positions: positions, depth: specialDepth) { return special }
            wordCount += Self.words(in: literal)
            return node
        default:
            return node
        }
    }

    /// Counts runs of non-space bytes.
    private static func words(in text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    /// Parses a fenced block whose info string names a special block; nil for other code.
    private func specialBlock(_ node: MarkdownNode, info: String, literal: String, positions: PositionMap, depth: Int) -> MarkdownNode? {
        guard let first = info.utf8.first, first >= UInt8(ascii: "e"), first <= UInt8(ascii: "w") else { return nil }
        let words = info.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let word = words.first else { return nil }
        let isQuiz = word == "quiz"
        let calloutKind = Callout.Kind(rawValue: String(word))
        guard isQuiz || calloutKind != nil else { return nil }
        guard depth < MarkdownDocument.maximumSpecialBlockNesting else {
            sink.report(.specialBlock, at: node.position, "special blocks are nested too deeply; this '\(word)' block is shown as code")
            return nil
        }
        // The body starts on the line after the opening fence; cmark removed up to the
        // fence's own indentation from each line.
        let bodyPositions = PositionMap(
            source: source,
            lineOffset: node.position.line,
            byteColumnOffset: node.position.column - 1)
        let body = parse(literal, positions: bodyPositions, specialDepth: depth + 1)
        if isQuiz {
            if words.count > 1 {
                sink.report(.specialBlock, at: node.position, "a quiz takes no title; put '\(words[1])' in the question")
            }
            guard let quiz = Quiz.parse(body: body.children, blockPosition: node.position, sink: &sink) else { return nil }
            return MarkdownNode(.quiz(quiz), position: node.position)
        }
        guard let calloutKind else { return nil }
        if body.children.isEmpty {
            sink.report(.specialBlock, at: node.position, "'\(word)' block is empty; write its text between the fences")
        }
        let title = words.count > 1 ? String(words[1]).trimmingSpaces() : nil
        return MarkdownNode(.callout(Callout(kind: calloutKind, title: title)), children: body.children, position: node.position)
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
