import Foundation

/// Renders a document for reading in a terminal: wrapped to a width, styled when colour is
/// on, with links as their text followed by the URL.
///
/// Quizzes are printed with their answers hidden; the command line asks them
/// interactively instead, using ``renderQuizQuestion(_:)`` and ``renderQuizFeedback(_:chosen:)``.
public struct TerminalRenderer: Sendable {
    public var width: Int
    public var style: TerminalStyle
    /// How a link's destination is shown after its text; the destination itself by default.
    /// A reader can turn a lesson-relative path into the command that opens it.
    public var linkText: @Sendable (String) -> String = { $0 }

    public init(width: Int = 80, color: Bool = false) {
        self.width = max(width, 20)
        self.style = TerminalStyle(enabled: color)
    }

    public func render(_ document: MarkdownDocument) -> String {
        render(blocks: document.root.children)
    }

    /// Renders blocks, separated by blank lines, as one string ending in a newline.
    public func render(blocks: [MarkdownNode]) -> String {
        let lines = renderBlocks(blocks, width: width, loose: true)
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// Plain text (a message, a status line) wrapped at word boundaries to the width, with
    /// `indent` before every line; lines already in `text` are kept, and a word longer than
    /// the width gets a line of its own, never a break inside it.
    public func wrap(_ text: String, indent: String = "") -> String {
        wrapWords([(text, [], false)], width: width - TerminalStyle.visibleWidth(indent)).map { indent + $0 }.joined(separator: "\n")
    }

    // MARK: Blocks

    private func renderBlocks(_ blocks: [MarkdownNode], width: Int, loose: Bool) -> [String] {
        var lines: [String] = []
        for block in blocks {
            let rendered = renderBlock(block, width: width)
            if rendered.isEmpty { continue }
            if loose, !lines.isEmpty { lines.append("") }
            lines += rendered
        }
        return lines
    }

    /// Columns a nested block always keeps: each level of quote or list takes some, and deep
    /// nesting (up to ``MarkdownDocument/maximumNesting`` levels) overflows the line instead
    /// of leaving a negative width for the rules and padding below.
    private static let narrowestBlock = 10

    private func renderBlock(_ node: MarkdownNode, width: Int) -> [String] {
        let width = max(width, Self.narrowestBlock)
        switch node.kind {
        case .document:
            return renderBlocks(node.children, width: width, loose: true)
        case .heading(let level, _):
            let text = wrap(node.children, width: width, effects: level <= 2 ? [.bold, .cyan] : [.bold])
            guard level <= 2, let longest = text.map(TerminalStyle.visibleWidth).max() else { return text }
            let rule = String(repeating: level == 1 ? "═" : "─", count: min(longest, width))
            return text + [style.apply([.cyan], to: rule)]
        case .paragraph:
            return wrap(node.children, width: width)
        case .blockQuote:
            let bar = style.apply([.dim], to: "│ ")
            return renderBlocks(node.children, width: width - 2, loose: true).map { bar + $0 }
        case .list(let style):
            return renderList(node, style: style, width: width)
        case .item:
            return renderBlocks(node.children, width: width, loose: true)
        case .codeBlock(_, let literal):
            var code = TerminalStyle.sanitize(literal.hasSuffix("\n") ? String(literal.dropLast()) : literal)
            if code.isEmpty { code = " " }
            return code.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + style.apply([.yellow], to: String($0)) }
        case .htmlBlock(let literal):
            return TerminalStyle.sanitize(literal).split(separator: "\n").map { style.apply([.dim], to: String($0)) }
        case .thematicBreak:
            return [style.apply([.dim], to: String(repeating: "─", count: min(width, 40)))]
        case .callout(let callout):
            return renderCallout(callout, body: node.children, width: width)
        case .quiz(let quiz):
            return renderQuizQuestionLines(quiz, width: width) + [
                style.apply([.dim], to: "(Answer hidden: run 'groundwork read' in a terminal to try this quiz.)")
            ]
        default:
            return wrap([node], width: width)
        }
    }

    private func renderList(_ list: MarkdownNode, style listStyle: ListStyle, width: Int) -> [String] {
        var lines: [String] = []
        let count = list.children.count
        for (index, item) in list.children.enumerated() {
            let marker: String
            switch listStyle.marker {
            case .bullet: marker = "• "
            case .ordered(let start, let delimiter):
                let last = String(start + count - 1)
                let number = "\(start + index)\(delimiter)"
                marker = number.padding(toLength: last.count + 2, withPad: " ", startingAt: 0)
            }
            let indent = String(repeating: " ", count: marker.count)
            let body = renderBlocks(item.children, width: width - marker.count, loose: !listStyle.isTight)
            if !listStyle.isTight, !lines.isEmpty { lines.append("") }
            if body.isEmpty { lines.append(marker); continue }
            for (lineIndex, line) in body.enumerated() {
                lines.append((lineIndex == 0 ? style.apply([.dim], to: marker) : indent) + line)
            }
        }
        return lines
    }

    private func renderCallout(_ callout: Callout, body: [MarkdownNode], width: Int) -> [String] {
        let color: TerminalStyle.Effect
        switch callout.kind {
        case .tip: color = .green
        case .note: color = .blue
        case .warning: color = .yellow
        case .example: color = .magenta
        }
        let bar = style.apply([color], to: "▌ ")
        var heading = callout.kind.label.uppercased()
        if let title = callout.title, !title.isEmpty { heading += ": " + TerminalStyle.sanitize(title) }
        let headingLines = wrapWords([(heading, [.bold, color], false)], width: width - 2)
        return (headingLines + renderBlocks(body, width: width - 2, loose: true)).map { bar + $0 }
    }

    // MARK: Quizzes

    /// The question and lettered choices of a quiz, without the answer.
    public func renderQuizQuestion(_ quiz: Quiz) -> String {
        renderQuizQuestionLines(quiz, width: width).joined(separator: "\n") + "\n"
    }

    /// What the learner chose, whether it was right, and every choice's explanation.
    ///
    /// - Parameter chosen: 0-based indices of the choices the learner picked.
    public func renderQuizFeedback(_ quiz: Quiz, chosen: Set<Int>) -> String {
        let correct = Set(quiz.choices.indices.filter { quiz.choices[$0].isCorrect })
        var lines: [String] = []
        if chosen == correct {
            lines.append(style.apply([.bold, .green], to: "✓ Correct."))
        } else {
            let letters = correct.sorted().map { Self.letter($0) }.joined(separator: ", ")
            lines.append(style.apply([.bold, .red], to: "✗ Not quite.") + " The answer is \(letters).")
        }
        for (index, choice) in quiz.choices.enumerated() {
            let mark = choice.isCorrect ? style.apply([.green], to: "✓") : style.apply([.red], to: "✗")
            let prefix = "\(Self.letter(index))) \(mark) "
            let body = renderBlocks(choice.explanation, width: width - 5, loose: true)
            lines.append("")
            for (number, line) in body.enumerated() { lines.append((number == 0 ? prefix : "     ") + line) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func renderQuizQuestionLines(_ quiz: Quiz, width: Int) -> [String] {
        var lines = [style.apply([.bold, .magenta], to: quiz.allowsMultipleAnswers ? "QUIZ — select all that apply" : "QUIZ")]
        lines += renderBlocks(quiz.question, width: width, loose: true)
        lines.append("")
        for (index, choice) in quiz.choices.enumerated() {
            let prefix = "  \(Self.letter(index))) "
            for (number, line) in wrap(choice.text, width: width - prefix.count).enumerated() {
                lines.append((number == 0 ? prefix : String(repeating: " ", count: prefix.count)) + line)
            }
        }
        return lines
    }

    /// "A" for 0, "B" for 1, … (quizzes have few choices; past Z it uses numbers).
    public static func letter(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : String(index + 1)
    }

    // MARK: Inlines

    /// A run of text with the effects it is shown with; code spans and link targets are kept
    /// on one line, so a command copied from the terminal comes out whole.
    private typealias Run = (text: String, effects: [TerminalStyle.Effect], unbroken: Bool)

    private func wrap(_ inlines: [MarkdownNode], width: Int, effects: [TerminalStyle.Effect] = []) -> [String] {
        var runs: [Run] = []
        for inline in inlines { collectRuns(inline, effects: effects, into: &runs) }
        return wrapWords(runs, width: width)
    }

    private func collectRuns(_ node: MarkdownNode, effects: [TerminalStyle.Effect], into runs: inout [Run]) {
        switch node.kind {
        case .text(let text):
            runs.append((TerminalStyle.sanitize(text), effects, false))
        case .softBreak:
            runs.append((" ", effects, false))
        case .lineBreak:
            runs.append(("\n", effects, false))
        case .code(let code):
            let shown = style.enabled ? TerminalStyle.sanitize(code) : "`" + TerminalStyle.sanitize(code) + "`"
            runs.append((shown, effects + [.yellow], true))
        case .htmlInline(let html):
            runs.append((TerminalStyle.sanitize(html), effects + [.dim], false))
        case .emphasis:
            for child in node.children { collectRuns(child, effects: effects + [.italic], into: &runs) }
        case .strong:
            for child in node.children { collectRuns(child, effects: effects + [.bold], into: &runs) }
        case .link(let destination, _):
            for child in node.children { collectRuns(child, effects: effects + [.underline], into: &runs) }
            let shown = linkText(destination)
            if !shown.isEmpty, node.plainText != shown {
                runs.append((" <" + TerminalStyle.sanitize(shown) + ">", effects + [.dim], true))
            }
        case .image(let source, _):
            runs.append(
                (
                    "[image: " + TerminalStyle.sanitize(node.plainText) + "] <" + TerminalStyle.sanitize(source) + ">", effects + [.dim],
                    false
                ))
        default:
            for child in node.children { collectRuns(child, effects: effects, into: &runs) }
        }
    }

    /// Greedy word wrap of styled runs; words (and unbroken runs) longer than the width get a
    /// line of their own.
    private func wrapWords(_ runs: [Run], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var word = ""
        var wordWidth = 0
        var pendingSpace = false

        func flushWord() {
            guard wordWidth > 0 || !word.isEmpty else { return }
            let needed = (pendingSpace && lineWidth > 0 ? 1 : 0) + wordWidth
            if lineWidth > 0, lineWidth + needed > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            } else if pendingSpace, lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
            word = ""
            wordWidth = 0
            pendingSpace = false
        }

        for run in runs {
            var piece = ""
            func flushPiece() {
                if !piece.isEmpty {
                    word += style.apply(run.effects, to: piece)
                    wordWidth += TerminalStyle.visibleWidth(piece)
                    piece = ""
                }
            }
            for character in run.text {
                if (character == " " && !run.unbroken) || character == "\n" {
                    flushPiece()
                    flushWord()
                    if character == "\n" {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                        pendingSpace = false
                    } else {
                        pendingSpace = true
                    }
                } else {
                    piece.append(character)
                }
            }
            flushPiece()
        }
        flushWord()
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
