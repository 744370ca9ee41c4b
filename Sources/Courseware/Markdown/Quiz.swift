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
    /// Builds a quiz from its parsed body, reporting every problem found into `sink`.
    static func parse(body: [MarkdownNode], blockPosition: SourcePosition, sink: inout DiagnosticSink) -> Quiz? {
        guard let listIndex = body.firstIndex(where: { if case .list = $0.kind { return true } else { return false } }) else {
            sink.report(
                .specialBlock, at: blockPosition,
                "quiz has no choices; add a list of '- [x] right' and '- [ ] wrong' items after the question")
            return nil
        }
        let question = Array(body[..<listIndex])
        if question.isEmpty {
            sink.report(.specialBlock, at: body[listIndex].position, "quiz has no question; write it as a paragraph before the choices")
        }
        for extra in body[(listIndex + 1)...] {
            sink.report(
                .specialBlock, at: extra.position,
                "text after the choices of a quiz; put it in the question or indent it under a choice as its explanation")
        }
        var choices: [Choice] = []
        var valid = !question.isEmpty
        for (number, item) in body[listIndex].children.enumerated() {
            guard let choice = parseChoice(item) else {
                sink.report(.specialBlock, at: item.position, "choice \(number + 1) does not start with '[x]' (correct) or '[ ]' (wrong)")
                valid = false
                continue
            }
            if choice.explanation.isEmpty {
                sink.report(
                    .specialBlock, at: item.position, "choice \(number + 1) has no explanation; add a '> why' line indented under it")
                valid = false
            }
            choices.append(choice)
        }
        if choices.count < 2, valid {
            sink.report(.specialBlock, at: body[listIndex].position, "a quiz needs at least two choices")
            valid = false
        }
        if !choices.isEmpty, !choices.contains(where: \.isCorrect) {
            sink.report(.specialBlock, at: body[listIndex].position, "quiz has no correct choice; mark at least one with '[x]'")
            valid = false
        }
        return valid ? Quiz(question: question, choices: choices) : nil
    }

    private static func parseChoice(_ item: MarkdownNode) -> Choice? {
        guard let first = item.children.first, case .paragraph = first.kind,
            case .text(let leading)? = first.children.first?.kind
        else { return nil }
        let isCorrect: Bool
        switch leading.prefix(3) {
        case "[x]", "[X]": isCorrect = true
        case "[ ]": isCorrect = false
        default: return nil
        }
        var text = first.children
        let rest = leading.dropFirst(3).drop(while: { $0 == " " || $0 == "\t" })
        if rest.isEmpty {
            text.removeFirst()
        } else {
            text[0].kind = .text(String(rest))
            text[0].position.column += leading.unicodeScalars.count - rest.unicodeScalars.count
        }
        guard !text.isEmpty else { return nil }
        let explanation = item.children.dropFirst().flatMap { block -> [MarkdownNode] in
            if case .blockQuote = block.kind { return block.children }
            return [block]
        }
        return Choice(text: text, isCorrect: isCorrect, explanation: explanation, position: item.position)
    }
}
