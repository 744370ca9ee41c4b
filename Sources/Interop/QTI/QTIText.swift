internal import Foundation

/// QTI's XHTML content (an item body, a prompt, a choice) as the Markdown a Groundwork
/// prompt holds: paragraphs and divisions become paragraphs, `strong`/`em` become `**`/`*`,
/// list items `- `, block quotes `> `, line breaks new lines. Whitespace is collapsed as a
/// browser collapses it. An image keeps only its alternative text, with a note.
struct QTIText {
    /// What to write for an element instead of its content: a blank for a text entry, a
    /// choice interaction's prompt; nil renders the element as XHTML.
    var replace: (XMLElementNode) -> String?
    var notes: [ConversionNote] = []

    private static let blocks: Set<String> = [
        "p", "div", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "tr", "section", "article",
        "qti-prompt", "qti-content-body", "qti-item-body", "figure", "figcaption",
    ]

    /// The element's content as Markdown paragraphs, trimmed.
    mutating func markdown(_ node: XMLElementNode) -> String {
        paragraphs(node).joined(separator: "\n\n")
    }

    private mutating func paragraphs(_ node: XMLElementNode) -> [String] {
        var result: [String] = []
        var line = ""
        func flush() {
            let text = line.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { result.append(text) }
            line = ""
        }
        for part in node.content {
            switch part {
            case .text(let text): line += Self.collapse(text)
            case .element(let child):
                if let replacement = replace(child) {
                    line += replacement
                    continue
                }
                switch child.localName {
                case "strong", "b": line += wrap(inline(child), "**")
                case "em", "i": line += wrap(inline(child), "*")
                case "br": line += "\n"
                case "img":
                    let alt = child.attributes["alt"].map(Self.collapse) ?? ""
                    line += alt.isEmpty ? "" : "[image: \(alt)]"
                    notes.append(
                        ConversionNote(
                            child.location,
                            "the image '\(child.attributes["src"] ?? "")' is not kept; its alternative text stays in the prompt"))
                case "video", "audio", "object", "math", "svg":
                    notes.append(ConversionNote(child.location, "<\(child.name)> media is not kept"))
                case _ where Self.blocks.contains(child.localName):
                    flush()
                    let inner = paragraphs(child)
                    switch child.localName {
                    case "li": result += inner.isEmpty ? [] : ["- " + inner.joined(separator: "\n  ")]
                    case "blockquote":
                        result.append(
                            inner.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
                                .joined(separator: "\n"))
                    case "h1", "h2", "h3", "h4", "h5", "h6": result += inner.map { "**\($0)**" }
                    default: result += inner
                    }
                default: line += inline(child)
                }
            }
        }
        flush()
        return result
    }

    private mutating func inline(_ node: XMLElementNode) -> String {
        paragraphs(node).joined(separator: " ")
    }

    private func wrap(_ text: String, _ marker: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? text : marker + trimmed + marker
    }

    /// Runs of whitespace as one space, as HTML renders them.
    static func collapse(_ text: String) -> String {
        var result = ""
        var space = false
        for character in text {
            if character.isWhitespace {
                if !space { result.append(" ") }
                space = true
            } else {
                result.append(character)
                space = false
            }
        }
        return result
    }
}
