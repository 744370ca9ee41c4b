extension MarkdownDocument {
    /// Every quiz in document order — the order ``HTMLRenderer`` numbers them in — so a
    /// quiz answered on a page is found again by its number.
    public var quizzes: [Quiz] {
        var found: [Quiz] = []
        var pending = [root]
        while let node = pending.popLast() {
            if case .quiz(let quiz) = node.kind { found.append(quiz) }
            pending.append(contentsOf: node.children.reversed())
        }
        return found
    }
}

extension Quiz {
    /// Whether `chosen` (0-based choice indices) is exactly the set of right choices.
    public func isAnswered(correctlyBy chosen: Set<Int>) -> Bool {
        chosen == Set(choices.indices.filter { choices[$0].isCorrect })
    }
}
