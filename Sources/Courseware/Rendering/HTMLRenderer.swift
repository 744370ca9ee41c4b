/// Renders a document to HTML exactly as libcmark's own HTML renderer does, plus `id`
/// attributes on headings and semantic HTML for Groundwork's special blocks.
///
/// It is safe by default, like cmark 0.30: raw HTML becomes `<!-- raw HTML omitted -->` and
/// links or images whose destination starts with `javascript:`, `vbscript:`, `file:` or
/// `data:` (other than `data:image/png|gif|jpeg|webp`) get an empty destination. A course
/// may opt in to raw HTML with `allowsRawHTML`.
public struct HTMLRenderer: Sendable {
    public var allowsRawHTML: Bool
    /// Whether headings get `id` attributes holding their anchors.
    public var headingIDs: Bool

    public init(allowsRawHTML: Bool = false, headingIDs: Bool = true) {
        self.allowsRawHTML = allowsRawHTML
        self.headingIDs = headingIDs
    }

    public func render(_ document: MarkdownDocument) -> String {
        render(document.root.children)
    }

    /// Renders a sequence of sibling nodes (blocks or inlines).
    public func render(_ nodes: [MarkdownNode]) -> String {
        var output = HTMLOutput()
        output.bytes.reserveCapacity(8192)
        for node in nodes { render(node, tight: false, into: &output) }
        return String(decoding: output.bytes, as: UTF8.self)
    }

    private func render(_ node: MarkdownNode, tight: Bool, into out: inout HTMLOutput) {
        switch node.kind {
        case .document:
            renderChildren(node, tight: false, into: &out)
        case .blockQuote:
            out.cr()
            out.append("<blockquote>\n")
            renderChildren(node, tight: false, into: &out)
            out.cr()
            out.append("</blockquote>\n")
        case .list(let style):
            out.cr()
            switch style.marker {
            case .bullet: out.append("<ul>\n")
            case .ordered(1, _): out.append("<ol>\n")
            case .ordered(let start, _): out.append("<ol start=\"\(start)\">\n")
            }
            for item in node.children { render(item, tight: style.isTight, into: &out) }
            if case .bullet = style.marker { out.append("</ul>\n") } else { out.append("</ol>\n") }
        case .item:
            out.cr()
            out.append("<li>")
            renderChildren(node, tight: tight, into: &out)
            out.append("</li>\n")
        case .heading(let level, let anchor):
            out.cr()
            out.append("<h\(level)")
            if headingIDs {
                out.append(" id=\"")
                out.appendEscaped(anchor)
                out.append("\"")
            }
            out.append(">")
            renderChildren(node, tight: false, into: &out)
            out.append("</h\(level)>\n")
        case .codeBlock(let info, let literal):
            out.cr()
            let language = info.utf8.prefix { !Self.isSpace($0) }
            if language.isEmpty {
                out.append("<pre><code>")
            } else {
                out.append("<pre><code class=\"language-")
                out.appendEscaped(String(decoding: language, as: UTF8.self))
                out.append("\">")
            }
            out.appendEscaped(literal)
            out.append("</code></pre>\n")
        case .htmlBlock(let literal):
            out.cr()
            out.append(allowsRawHTML ? literal : "<!-- raw HTML omitted -->")
            out.cr()
        case .paragraph:
            if tight {
                renderChildren(node, tight: false, into: &out)
            } else {
                out.cr()
                out.append("<p>")
                renderChildren(node, tight: false, into: &out)
                out.append("</p>\n")
            }
        case .thematicBreak:
            out.cr()
            out.append("<hr />\n")
        case .text(let text):
            out.appendEscaped(text)
        case .softBreak:
            out.append("\n")
        case .lineBreak:
            out.append("<br />\n")
        case .code(let code):
            out.append("<code>")
            out.appendEscaped(code)
            out.append("</code>")
        case .htmlInline(let literal):
            out.append(allowsRawHTML ? literal : "<!-- raw HTML omitted -->")
        case .emphasis:
            out.append("<em>")
            renderChildren(node, tight: false, into: &out)
            out.append("</em>")
        case .strong:
            out.append("<strong>")
            renderChildren(node, tight: false, into: &out)
            out.append("</strong>")
        case .link(let destination, let title):
            out.append("<a href=\"")
            appendDestination(destination, into: &out)
            if !title.isEmpty {
                out.append("\" title=\"")
                out.appendEscaped(title)
            }
            out.append("\">")
            renderChildren(node, tight: false, into: &out)
            out.append("</a>")
        case .image(let source, let title):
            out.append("<img src=\"")
            appendDestination(source, into: &out)
            out.append("\" alt=\"")
            for child in node.children { renderAltText(child, into: &out) }
            if !title.isEmpty {
                out.append("\" title=\"")
                out.appendEscaped(title)
            }
            out.append("\" />")
        case .callout(let callout):
            renderCallout(callout, body: node.children, into: &out)
        case .quiz(let quiz):
            renderQuiz(quiz, into: &out)
        }
    }

    private func renderChildren(_ node: MarkdownNode, tight: Bool, into out: inout HTMLOutput) {
        for child in node.children { render(child, tight: tight, into: &out) }
    }

    /// Image descriptions are plain text, as cmark writes them into `alt`.
    private func renderAltText(_ node: MarkdownNode, into out: inout HTMLOutput) {
        switch node.kind {
        case .text(let literal), .code(let literal), .htmlInline(let literal):
            out.appendEscaped(literal)
        case .softBreak, .lineBreak:
            out.append(" ")
        default:
            for child in node.children { renderAltText(child, into: &out) }
        }
    }

    private func appendDestination(_ destination: String, into out: inout HTMLOutput) {
        if !allowsRawHTML, Self.isDangerous(destination) { return }
        out.appendHrefEscaped(destination)
    }

    private func renderCallout(_ callout: Callout, body: [MarkdownNode], into out: inout HTMLOutput) {
        out.cr()
        out.append("<aside class=\"callout callout-\(callout.kind.rawValue)\">\n")
        out.append("<p class=\"callout-title\">")
        out.append(callout.kind.label)
        if let title = callout.title, !title.isEmpty {
            out.append(": ")
            out.appendEscaped(title)
        }
        out.append("</p>\n")
        for child in body { render(child, tight: false, into: &out) }
        out.cr()
        out.append("</aside>\n")
    }

    /// A quiz shows its question and choices; the answer and explanations wait in a
    /// `<details>` element the reader opens after choosing.
    private func renderQuiz(_ quiz: Quiz, into out: inout HTMLOutput) {
        out.cr()
        let kind = quiz.allowsMultipleAnswers ? "multiple" : "single"
        out.append("<section class=\"quiz\" data-answers=\"\(kind)\">\n<div class=\"quiz-question\">\n")
        for block in quiz.question { render(block, tight: false, into: &out) }
        out.cr()
        out.append("</div>\n")
        if quiz.allowsMultipleAnswers { out.append("<p class=\"quiz-hint\">Select all that apply.</p>\n") }
        out.append("<ol class=\"quiz-choices\" type=\"A\">\n")
        for choice in quiz.choices {
            out.append("<li>")
            for inline in choice.text { render(inline, tight: false, into: &out) }
            out.append("</li>\n")
        }
        out.append(
            "</ol>\n<details class=\"quiz-answer\">\n<summary>Show the answer</summary>\n<ol class=\"quiz-explanations\" type=\"A\">\n")
        for choice in quiz.choices {
            out.append(
                choice.isCorrect
                    ? "<li class=\"correct\"><p><strong>Correct.</strong></p>\n"
                    : "<li class=\"wrong\"><p><strong>Not this one.</strong></p>\n")
            for block in choice.explanation { render(block, tight: false, into: &out) }
            out.cr()
            out.append("</li>\n")
        }
        out.append("</ol>\n</details>\n</section>\n")
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// cmark's `scan_dangerous_url`: a case-insensitive prefix test.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.prefix(16).lowercased()
        if lower.hasPrefix("data:image/") {
            let rest = lower.dropFirst("data:image/".count)
            if ["png", "gif", "jpeg", "webp"].contains(where: { rest.hasPrefix($0) }) { return false }
        }
        return ["javascript:", "vbscript:", "file:", "data:"].contains { lower.hasPrefix($0) }
    }
}

extension Callout.Kind {
    /// The label shown before a callout's title.
    public var label: String {
        switch self {
        case .tip: return "Tip"
        case .note: return "Note"
        case .warning: return "Warning"
        case .example: return "Example"
        }
    }
}

/// A growing UTF-8 buffer with cmark's escaping rules.
private struct HTMLOutput {
    var bytes: [UInt8] = []

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// cmark's `cr`: starts a new line unless the output is empty or already at one.
    mutating func cr() {
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    }

    /// `houdini_escape_html0` without secure mode: `"`, `&`, `<` and `>` only. Runs of
    /// ordinary bytes are copied in one go; most text has nothing to escape.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            for index in 0..<source.count {
                let entity: StaticString
                switch source[index] {
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                bytes.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
    }

    /// `houdini_escape_href`: keeps URL-safe and reserved characters, writes `&` and `'` as
    /// entities and percent-encodes every other byte.
    mutating func appendHrefEscaped(_ text: String) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            if HTMLOutput.hrefSafe[Int(byte)] {
                bytes.append(byte)
            } else if byte == UInt8(ascii: "&") {
                bytes.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                bytes.append(contentsOf: "&#x27;".utf8)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            }
        }
    }

    /// cmark's `HREF_SAFE` table: letters, digits and `-_.+!*(),%#@?=;:/$~`.
    static let hrefSafe: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { return true }
        return "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
    }
}
