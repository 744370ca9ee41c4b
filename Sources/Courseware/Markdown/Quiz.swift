/// An inline check in a lesson, written as a fenced ```` ```quiz ```` block:
///
/// ```text
/// Which of these is object detection?
///
/// - [ ] Tagging a photo "indoor"
///   > That labels the whole image: classification.
/// - [x] Drawing a box around every car
///   > Right: boxes locate each object.
/// ```
///
/// Paragraphs before the list are the question; each item starts with `[x]` (correct) or
/// `[ ]`, and whatever follows its first paragraph (usually a block quote) explains it.
/// Two or more correct choices make it a "select all that apply" question.
public struct Quiz: Sendable, Hashable {
    public struct Choice: Sendable, Hashable {
        /// The choice's text as inline nodes, without its `[x]` marker.
        public var text: [MarkdownNode]
        public var isCorrect: Bool
        /// Blocks that explain why the choice is right or wrong.
        public var explanation: [MarkdownNode]
        public var position: SourcePosition
    }

    public var question: [MarkdownNode]
    public var choices: [Choice]

    /// Whether more than one choice is correct.
    public var allowsMultipleAnswers: Bool { choices.filter(\.isCorrect).count > 1 }

    /// 1-based numbers of the correct choices, in order.
    public var correctChoiceNumbers: [Int] {
        choices.indices.filter { choices[$0].isCorrect }.map { $0 + 1 }
    }
}

extension Quiz {
    /// Reads a quiz from its parsed body, reporting every problem found into `sink`.
    ///
    /// - Returns: The quiz as node indices in `tree`, or nil when it cannot be used.
    static func parse(
        body: [Int32], in tree: inout MarkdownTree, blockPosition: SourcePosition, sink: inout DiagnosticSink
    ) -> MarkdownTree.QuizRecord? {
        guard let listIndex = body.firstIndex(where: { tree.nodes[Int($0)].tag == .list }) else {
            sink.report(
                .specialBlock, at: blockPosition,
                "quiz has no choices; add a list of '- [x] right' and '- [ ] wrong' items after the question")
            return nil
        }
        let list = body[listIndex]
        let question = Array(body[..<listIndex])
        if question.isEmpty {
            sink.report(.specialBlock, at: tree.position(list), "quiz has no question; write it as a paragraph before the choices")
        }
        for extra in body[(listIndex + 1)...] {
            sink.report(
                .specialBlock, at: tree.position(extra),
                "text after the choices of a quiz; put it in the question or indent it under a choice as its explanation")
        }
        var choices: [MarkdownTree.QuizRecord.Choice] = []
        var valid = !question.isEmpty
        for (number, item) in tree.children(of: list).enumerated() {
            guard let choice = parseChoice(item, in: &tree) else {
                sink.report(
                    .specialBlock, at: tree.position(item), "choice \(number + 1) does not start with '[x]' (correct) or '[ ]' (wrong)")
                valid = false
                continue
            }
            if choice.explanation.isEmpty {
                sink.report(
                    .specialBlock, at: tree.position(item), "choice \(number + 1) has no explanation; add a '> why' line indented under it")
                valid = false
            }
            choices.append(choice)
        }
        if choices.count < 2, valid {
            sink.report(.specialBlock, at: tree.position(list), "a quiz needs at least two choices")
            valid = false
        }
        if !choices.isEmpty, !choices.contains(where: \.isCorrect) {
            sink.report(.specialBlock, at: tree.position(list), "quiz has no correct choice; mark at least one with '[x]'")
            valid = false
        }
        return valid ? MarkdownTree.QuizRecord(question: question, choices: choices) : nil
    }

    private static func parseChoice(_ item: Int32, in tree: inout MarkdownTree) -> MarkdownTree.QuizRecord.Choice? {
        let blocks = tree.children(of: item)
        guard let first = blocks.first, tree.nodes[Int(first)].tag == .paragraph else { return nil }
        var text = tree.children(of: first)
        guard let leadingNode = text.first, tree.nodes[Int(leadingNode)].tag == .text else { return nil }
        let leading = tree.string(span: tree.nodes[Int(leadingNode)].payload)
        let isCorrect: Bool
        switch leading.prefix(3) {
        case "[x]", "[X]": isCorrect = true
        case "[ ]": isCorrect = false
        default: return nil
        }
        let rest = leading.dropFirst(3).drop(while: { $0 == " " || $0 == "\t" })
        if rest.isEmpty {
            text.removeFirst()
        } else {
            // The marker is ASCII, so bytes dropped equal characters dropped.
            tree.dropLeadingBytes(leading.utf8.count - rest.utf8.count, fromTextNode: leadingNode)
        }
        guard !text.isEmpty else { return nil }
        let explanation = blocks.dropFirst().flatMap { block -> [Int32] in
            tree.nodes[Int(block)].tag == .blockQuote ? tree.children(of: block) : [block]
        }
        return MarkdownTree.QuizRecord.Choice(text: text, isCorrect: isCorrect, explanation: explanation, position: tree.position(item))
    }
}
