import Courseware

/// Renders an ``AttemptResult`` as plain text for a terminal: the verdict first, then what
/// to work on (sections, concepts, patterns), then every item numbered as the learner saw it
/// ("Item 8 of 16", the id in small print after it) with the time spent on it and, for an
/// item that lost points, its question again, the learner's answer, the gold, feedback,
/// reason and lesson — whatever of these the release left in the result.
///
/// Reasons are Markdown and go through Courseware's ``Courseware/TerminalRenderer``; all
/// other text is the learner-facing wording the scorers produced, and each item's details
/// are said in sentences (``ItemDetails/lines(kind:)``). Feedback and reasons of correct
/// items are left out unless `includeCorrectItems` is set.
///
/// It prints what the result holds: pass a learner's result through
/// ``AttemptResult/released(for:stage:)`` first, which removes what the policy withholds.
public struct ReportRenderer: Sendable {
    public var width: Int
    public var includeCorrectItems: Bool
    /// How a lesson link is shown (a command-line tool turns a path into the command that
    /// opens the lesson); the link as written by default.
    public var lessonText: @Sendable (String) -> String

    public init(
        width: Int = 80, includeCorrectItems: Bool = false, lessonText: @escaping @Sendable (String) -> String = { $0 }
    ) {
        self.width = max(width, 40)
        self.includeCorrectItems = includeCorrectItems
        self.lessonText = lessonText
    }

    public func render(_ result: AttemptResult) -> String {
        var lines: [String] = []
        lines.append(result.title + (result.purpose == .practice ? " (practice)" : ""))
        if let learner = result.learner { lines.append("Learner: \(learner)") }
        if let active = result.activeSeconds {
            let answered = result.items.filter { $0.secondsSpent != nil }.count
            lines.append(
                "Active time: \(Format.duration(seconds: active))"
                    + (answered > 0 ? ", about \(Format.duration(seconds: active / Double(answered))) per item answered" : ""))
        }
        lines.append(
            "Score: \(Format.precisePercent(result.score)) — \(result.passed ? "PASSED" : "NOT PASSED") (pass mark \(Format.precisePercent(result.passMark)))"
        )
        for reason in result.failedBecause { lines.append("  - \(reason)") }
        for note in result.notes { lines.append("  · \(note)") }
        if let skill = result.skill { lines.append("Skill value granted: \(skill) (of 100)") }
        let c = result.counts
        lines.append(
            "Items: \(c.correct) correct, \(c.partial) partly correct, \(c.incorrect) wrong, \(c.unanswered) unanswered (of \(c.items))"
                + (c.unscored > 0 ? "; \(Format.count(c.unscored, "ordinary work row")) not scored" : ""))
        if !result.sections.isEmpty {
            lines += ["", "Sections"]
            let nameWidth = result.sections.map { $0.title.count }.max() ?? 0
            for section in result.sections {
                var line = "  \(pad(section.title, nameWidth))  \(padLeft(Format.precisePercent(section.score), 6))"
                if let mark = section.passMark {
                    line += "  pass mark \(Format.precisePercent(mark)), \(section.passed == true ? "passed" : "not passed")"
                }
                lines.append(line)
            }
        }
        let weak = result.concepts.filter { $0.score < 1 - 1e-9 }
        if !weak.isEmpty {
            lines += ["", "Concepts to review"]
            let nameWidth = weak.map { $0.concept.count }.max() ?? 0
            for concept in weak.sorted(by: { $0.score < $1.score }) {
                lines.append(
                    "  \(pad(concept.concept, nameWidth))  \(padLeft(Format.precisePercent(concept.score), 6))  over \(Format.count(concept.items, "item"))"
                )
                for lesson in concept.review { lines += wrap(lessonText(lesson), indent: "    → ", continuation: "      ") }
            }
        }
        if !result.hints.isEmpty {
            lines += ["", "Patterns"]
            for hint in result.hints { lines += wrap(hint, indent: "  - ", continuation: "    ") }
        }
        if result.disclosure == .aggregate {
            lines += ["", "This test shows your score, patterns and each item's verdict only, as the platform it imitates does."]
        }
        lines += ["", "Items"]
        let total = result.items.count
        let numberWidth = "Item \(total) of \(total)".count
        for (index, item) in result.items.enumerated() {
            let place = pad("Item \(item.number ?? index + 1) of \(total)", numberWidth)
            var marks = item.critical ? "  (critical)" : ""
            if !item.scored { marks += "  (ordinary row, not scored)" }
            if item.penalty > 0 { marks += "  (wrong answer: −\(Format.precisePercent(item.penalty)) of its weight)" }
            let time = item.secondsSpent.map { " · \(Format.duration(seconds: $0))" } ?? ""
            lines.append(
                "  \(place)  \(padLeft(Format.precisePercent(item.score), 6))  \(item.verdict.rawValue)\(marks)\(time)"
                    + "  [\(item.id), \(item.kind.rawValue)]")
            guard item.verdict != .correct || includeCorrectItems else { continue }
            lines += question(item, indent: "      ")
            lines += explanation(item, indent: "      ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The question as shown, then the learner's answer and the gold, when the result holds
    /// them. Choices are left to the feedback, which names them by their text ("You chose
    /// 'Skip the item'; the answer is 'NEUTRAL'") where the result holds only option ids.
    func question(_ item: ItemResult, indent: String) -> [String] {
        var lines: [String] = []
        if let question = item.question {
            let prompt = TerminalRenderer(width: width - indent.count, color: false)
                .render(MarkdownDocument(source: SourceFile(path: "prompt", text: question.prompt)))
                .split(separator: "\n").map { indent + $0 }
            lines += prompt
            if let text = question.text { lines += wrap("“\(text)”", indent: indent, continuation: indent + " ") }
            if let media = question.media { lines += wrap("File: \(media)", indent: indent, continuation: indent + "  ") }
        }
        if item.kind == .singleChoice || item.kind == .multipleChoice { return lines }
        if let response = item.response {
            let answer = AnswerText.text(response, kind: item.kind, question: item.question)
            lines += wrap("Your answer: \(answer)", indent: indent, continuation: indent + "  ")
        } else if item.verdict == .unanswered, item.question != nil {
            lines.append(indent + "Your answer: none")
        }
        if let gold = item.gold {
            let more = item.goldVariants.map { " (one of \($0) accepted answers)" } ?? ""
            lines += wrap(
                "Gold: \(AnswerText.text(gold, kind: item.kind, question: item.question))\(more)", indent: indent,
                continuation: indent + "  ")
        }
        return lines
    }

    /// What an item lost and why: its feedback lines, what the matching measured, its reason
    /// and its lesson, wrapped to the width after `indent`. Quiz mode shows the same lines
    /// right after each answer.
    public func explanation(_ item: ItemResult, indent: String = "") -> [String] {
        var lines: [String] = []
        for line in item.feedback { lines += wrap(line, indent: indent + "- ", continuation: indent + "  ") }
        for line in item.details?.lines(kind: item.kind) ?? [] {
            lines += wrap(line, indent: indent + "· ", continuation: indent + "  ")
        }
        let label = indent + "Why: "
        let reason = TerminalRenderer(width: width - label.count, color: false)
            .render(MarkdownDocument(source: SourceFile(path: "reason", text: item.reason)))
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        if let first = reason.first, !first.isEmpty {
            lines.append(label + first)
            let continuation = String(repeating: " ", count: label.count)
            for line in reason.dropFirst() where !line.isEmpty { lines.append(continuation + line) }
        }
        if let lesson = item.lesson {
            lines += wrap("Lesson: \(lessonText(lesson))", indent: indent, continuation: indent + "        ")
        }
        return lines
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// Word-wraps `text` to the renderer's width with a first-line and a continuation indent.
    private func wrap(_ text: String, indent: String, continuation: String) -> [String] {
        var lines: [String] = []
        var current = indent
        var empty = true
        for word in text.split(separator: " ") {
            if !empty && current.count + 1 + word.count > width {
                lines.append(current)
                current = continuation + word
            } else {
                current += (empty ? "" : " ") + word
            }
            empty = false
        }
        lines.append(current)
        return lines
    }
}
