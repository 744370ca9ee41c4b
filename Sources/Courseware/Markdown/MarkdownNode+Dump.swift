/// A stable, indented text form of a tree, one node per line with its position, used by
/// golden-file tests and by `groundwork render --format tree` when debugging a lesson.
extension MarkdownNode {
    public func dump() -> String {
        var lines: [String] = []
        dump(into: &lines, depth: 0)
        return lines.joined(separator: "\n") + "\n"
    }

    private func dump(into lines: inout [String], depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        lines.append("\(indent)\(position) \(summary)")
        if case .quiz(let quiz) = kind {
            lines.append("\(indent)  question:")
            for node in quiz.question { node.dump(into: &lines, depth: depth + 2) }
            for choice in quiz.choices {
                lines.append("\(indent)  \(choice.position) choice correct=\(choice.isCorrect):")
                for node in choice.text { node.dump(into: &lines, depth: depth + 2) }
                lines.append("\(indent)    explanation:")
                for node in choice.explanation { node.dump(into: &lines, depth: depth + 3) }
            }
        }
        for child in children { child.dump(into: &lines, depth: depth + 1) }
    }

    private var summary: String {
        switch kind {
        case .document: return "document"
        case .blockQuote: return "blockQuote"
        case .list(let style):
            let marker: String
            switch style.marker {
            case .bullet: marker = "bullet"
            case .ordered(let start, let delimiter): marker = "ordered start=\(start) delimiter=\(delimiter)"
            }
            return "list \(marker) tight=\(style.isTight)"
        case .item: return "item"
        case .codeBlock(let info, let literal): return "codeBlock info=\(quoted(info)) \(quoted(literal))"
        case .htmlBlock(let html): return "htmlBlock \(quoted(html))"
        case .paragraph: return "paragraph"
        case .heading(let level, let anchor): return "heading level=\(level) anchor=\(quoted(anchor))"
        case .thematicBreak: return "thematicBreak"
        case .text(let text): return "text \(quoted(text))"
        case .softBreak: return "softBreak"
        case .lineBreak: return "lineBreak"
        case .code(let code): return "code \(quoted(code))"
        case .htmlInline(let html): return "htmlInline \(quoted(html))"
        case .emphasis: return "emphasis"
        case .strong: return "strong"
        case .link(let destination, let title): return "link destination=\(quoted(destination)) title=\(quoted(title))"
        case .image(let source, let title): return "image source=\(quoted(source)) title=\(quoted(title))"
        case .callout(let callout): return "callout \(callout.kind.rawValue) title=\(quoted(callout.title ?? ""))"
        case .quiz(let quiz): return "quiz multiple=\(quiz.allowsMultipleAnswers)"
        }
    }

    private func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
