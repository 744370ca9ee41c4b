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

    /// The document node; its children are the top-level blocks.
    public let root: MarkdownNode
    /// Every heading anchor, in document order.
    public let anchors: [String]
    public let diagnostics: [Diagnostic]

    /// Words of readable text (quizzes, callouts and code included, markup not).
    public var wordCount: Int { root.storage.tree.wordCount }

    /// Parses a whole file.
    public init(source: SourceFile) {
        self.init(source: source, markdown: source.text)
    }

    /// Parses `markdown`, whose lines are the lines of `source` (a lesson passes its text with
    /// the front matter blanked out, so positions still point into the original file).
    public init(source: SourceFile, markdown: String) {
        var markdown = markdown
        self = markdown.withUTF8 { MarkdownDocument(source: source, utf8: $0, positions: PositionMap(source: source)) }
    }

    /// Parses the file after its front matter in place, with no blanked copy of the file:
    /// cmark reads from the line break that ends the closing fence, so its line 1 is that
    /// (now empty) line and the body keeps its line numbers plus an offset.
    init(source: SourceFile, frontMatter: FrontMatter) {
        guard let closingLine = frontMatter.closingLine else {
            self.init(source: source)
            return
        }
        var text = source.text
        let start = closingLine < source.lineCount ? source.lineStarts[closingLine] - 1 : text.utf8.count
        let positions = PositionMap(source: source, lineOffset: closingLine - 1, documentStart: SourcePosition(line: 1, column: 1))
        self = text.withUTF8 { MarkdownDocument(source: source, utf8: UnsafeBufferPointer(rebasing: $0[start...]), positions: positions) }
    }

    private init(source: SourceFile, utf8: UnsafeBufferPointer<UInt8>, positions: PositionMap) {
        let builder = MarkdownBuilder(source: source)
        var tree = MarkdownTree(expectedBytes: utf8.count)
        let rootIndex = builder.parse(utf8, into: &tree, positions: positions, specialDepth: 0)
        root = MarkdownNode(storage: MarkdownStorage(tree: tree), index: rootIndex)
        anchors = builder.anchors.anchors
        diagnostics = builder.sink.diagnostics
    }

    /// The text of the first level-1 heading, if any.
    public var firstHeadingText: String? {
        root.children.first { $0.tag == .heading && $0.storage.tree.nodes[Int($0.index)].extra == 1 }?.plainText
    }
}

/// Turns cmark's output into Groundwork's document: anchors on headings, special blocks parsed.
private final class MarkdownBuilder {
    let source: SourceFile
    let anchors = AnchorRegistry()
    var sink: DiagnosticSink
    private var reportedDepth = false

    init(source: SourceFile) {
        self.source = source
        self.sink = DiagnosticSink(path: source.path)
    }

    /// Parses into `tree` and returns the index of the new document node.
    func parse(_ markdown: UnsafeBufferPointer<UInt8>, into tree: inout MarkdownTree, positions: PositionMap, specialDepth: Int) -> Int32 {
        let output = CMarkParser.parse(markdown, into: &tree, positions: positions, maxDepth: MarkdownDocument.maximumNesting) {
            self.finish($1, in: &$0, specialDepth: specialDepth)
        }
        if output.depthLimitReached, !reportedDepth {
            reportedDepth = true
            sink.report(
                .nestingTooDeep, at: nil,
                "Markdown is nested more than \(MarkdownDocument.maximumNesting) levels deep; the deeper part was left out")
        }
        return output.root
    }

    private func finish(_ node: Int32, in tree: inout MarkdownTree, specialDepth: Int) {
        switch tree.nodes[Int(node)].tag {
        case .heading:
            var text: [UInt8] = []
            tree.appendPlainText(of: node, to: &text)
            while text.last == UInt8(ascii: "\n") { text.removeLast() }
            tree.nodes[Int(node)].payload = tree.appendSpan(anchors.register(headingText: text))
        case .codeBlock:
            if !makeSpecialBlock(node, in: &tree, depth: specialDepth) {
                tree.wordCount += tree.words(inSpan: tree.nodes[Int(node)].payload + 1)
            }
        default:
            break
        }
    }

    private static let specialBlockNames = ["quiz"] + Callout.Kind.allCases.map(\.rawValue)

    /// Whether the first word of an info string could name a special block, tested on its
    /// bytes so that ordinary code (`json`, `swift`) makes no strings.
    private static func mayNameSpecialBlock(span: Int32, in tree: MarkdownTree) -> Bool {
        let span = tree.spans[Int(span)]
        let info = tree.bytes[Int(span.start)..<Int(span.start + span.count)]
        let word = info.drop { $0 == UInt8(ascii: " ") }.prefix { $0 != UInt8(ascii: " ") }
        return specialBlockNames.contains { $0.utf8.elementsEqual(word) }
    }

    /// Turns a fenced block whose info string names a special block into a callout or quiz;
    /// false for other code.
    private func makeSpecialBlock(_ node: Int32, in tree: inout MarkdownTree, depth: Int) -> Bool {
        guard Self.mayNameSpecialBlock(span: tree.nodes[Int(node)].payload, in: tree) else { return false }
        let info = tree.string(span: tree.nodes[Int(node)].payload)
        let words = info.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let word = words.first else { return false }
        let isQuiz = word == "quiz"
        let calloutKind = Callout.Kind(rawValue: String(word))
        guard isQuiz || calloutKind != nil else { return false }
        let position = tree.position(node)
        guard depth < MarkdownDocument.maximumSpecialBlockNesting else {
            sink.report(.specialBlock, at: position, "special blocks are nested too deeply; this '\(word)' block is shown as code")
            return false
        }
        // The body starts on the line after the opening fence; cmark removed up to the
        // fence's own indentation from each line.
        let bodyPositions = PositionMap(source: source, lineOffset: position.line, byteColumnOffset: position.column - 1)
        var literal = tree.string(span: tree.nodes[Int(node)].payload + 1)
        let body = literal.withUTF8 { parse($0, into: &tree, positions: bodyPositions, specialDepth: depth + 1) }
        let bodyBlocks = tree.children(of: body)
        if isQuiz {
            if words.count > 1 {
                sink.report(.specialBlock, at: position, "a quiz takes no title; put '\(words[1])' in the question")
            }
            guard let quiz = Quiz.parse(body: bodyBlocks, in: &tree, blockPosition: position, sink: &sink) else { return false }
            tree.quizzes.append(quiz)
            tree.nodes[Int(node)].tag = .quiz
            tree.nodes[Int(node)].payload = Int32(tree.quizzes.count - 1)
            return true
        }
        guard let calloutKind else { return false }
        if bodyBlocks.isEmpty {
            sink.report(.specialBlock, at: position, "'\(word)' block is empty; write its text between the fences")
        }
        let title = words.count > 1 ? String(words[1]).trimmingSpaces() : nil
        tree.callouts.append(Callout(kind: calloutKind, title: title))
        tree.nodes[Int(node)].tag = .callout
        tree.nodes[Int(node)].payload = Int32(tree.callouts.count - 1)
        tree.nodes[Int(node)].firstChild = tree.nodes[Int(body)].firstChild
        return true
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
