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
    /// Rewrites link and image destinations (a lesson's `other.md#part` becomes a web route);
    /// nil keeps them as written. Dangerous schemes are dropped before it is asked.
    public var destination: (@Sendable (String) -> String)?
    /// Renders a quiz in place of the built-in markup, from its question and choices only: a
    /// page whose server checks the answer must never carry it, so the hook is not given it.
    public var quiz: (@Sendable (QuizMarkup) -> String)?

    public init(allowsRawHTML: Bool = false, headingIDs: Bool = true) {
        self.allowsRawHTML = allowsRawHTML
        self.headingIDs = headingIDs
    }

    public func render(_ document: MarkdownDocument) -> String {
        var output = HTMLOutput(tree: document.root.storage.tree)
        render(document.root.index, tight: false, into: &output)
        return output.finish()
    }

    /// Renders a sequence of sibling nodes (blocks or inlines).
    public func render(_ nodes: [MarkdownNode]) -> String {
        guard let storage = nodes.first?.storage else { return "" }
        var output = HTMLOutput(tree: storage.tree)
        for node in nodes { render(node.index, tight: false, into: &output) }
        return output.finish()
    }

    /// Renders one node, reading its text straight from the document's storage.
    private func render(_ node: Int32, tight: Bool, into out: inout HTMLOutput) {
        let index = Int(node)
        let payload = out.tree.nodes[index].payload
        switch out.tree.nodes[index].tag {
        case .document:
            renderChildren(node, tight: false, into: &out)
        case .blockQuote:
            out.cr()
            out.append("<blockquote>\n")
            renderChildren(node, tight: false, into: &out)
            out.cr()
            out.append("</blockquote>\n")
        case .list:
            let style = out.tree.listStyles[Int(payload)]
            out.cr()
            switch style.marker {
            case .bullet: out.append("<ul>\n")
            case .ordered(1, _): out.append("<ol>\n")
            case .ordered(let start, _): out.append(string: "<ol start=\"\(start)\">\n")
            }
            renderChildren(node, tight: style.isTight, into: &out)
            if case .bullet = style.marker { out.append("</ul>\n") } else { out.append("</ol>\n") }
        case .item:
            out.cr()
            out.append("<li>")
            renderChildren(node, tight: tight, into: &out)
            out.append("</li>\n")
        case .heading:
            let level = Self.digits[Int(out.tree.nodes[index].extra)]
            out.cr()
            out.append("<h")
            out.append(byte: level)
            if headingIDs {
                out.append(" id=\"")
                out.appendEscaped(span: payload)
                out.append("\"")
            }
            out.append(">")
            renderChildren(node, tight: false, into: &out)
            out.append("</h")
            out.append(byte: level)
            out.append(">\n")
        case .codeBlock:
            out.cr()
            let info = out.tree.spans[Int(payload)]
            var languageEnd = Int(info.start)
            while languageEnd < Int(info.start + info.count), !Self.isSpace(out.tree.bytes[languageEnd]) { languageEnd += 1 }
            if languageEnd == Int(info.start) {
                out.append("<pre><code>")
            } else {
                out.append("<pre><code class=\"language-")
                out.appendEscaped(from: Int(info.start), to: languageEnd)
                out.append("\">")
            }
            out.appendEscaped(span: payload + 1)
            out.append("</code></pre>\n")
        case .htmlBlock:
            out.cr()
            if allowsRawHTML { out.appendRaw(span: payload) } else { out.append("<!-- raw HTML omitted -->") }
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
        case .text:
            out.appendEscaped(span: payload)
        case .softBreak:
            out.append("\n")
        case .lineBreak:
            out.append("<br />\n")
        case .code:
            out.append("<code>")
            out.appendEscaped(span: payload)
            out.append("</code>")
        case .htmlInline:
            if allowsRawHTML { out.appendRaw(span: payload) } else { out.append("<!-- raw HTML omitted -->") }
        case .emphasis:
            out.append("<em>")
            renderChildren(node, tight: false, into: &out)
            out.append("</em>")
        case .strong:
            out.append("<strong>")
            renderChildren(node, tight: false, into: &out)
            out.append("</strong>")
        case .link:
            out.append("<a href=\"")
            appendDestination(span: payload, into: &out)
            if out.tree.spans[Int(payload + 1)].count > 0 {
                out.append("\" title=\"")
                out.appendEscaped(span: payload + 1)
            }
            out.append("\">")
            renderChildren(node, tight: false, into: &out)
            out.append("</a>")
        case .image:
            out.append("<img src=\"")
            appendDestination(span: payload, into: &out)
            out.append("\" alt=\"")
            renderAltText(children: node, into: &out)
            if out.tree.spans[Int(payload + 1)].count > 0 {
                out.append("\" title=\"")
                out.appendEscaped(span: payload + 1)
            }
            out.append("\" />")
        case .callout:
            renderCallout(out.tree.callouts[Int(payload)], body: node, into: &out)
        case .quiz:
            renderQuiz(out.tree.quizzes[Int(payload)], into: &out)
        }
    }

    private func renderChildren(_ node: Int32, tight: Bool, into out: inout HTMLOutput) {
        var child = out.tree.nodes[Int(node)].firstChild
        while child != MarkdownTree.none {
            render(child, tight: tight, into: &out)
            child = out.tree.nodes[Int(child)].nextSibling
        }
    }

    /// Image descriptions are plain text, as cmark writes them into `alt`.
    private func renderAltText(children node: Int32, into out: inout HTMLOutput) {
        var child = out.tree.nodes[Int(node)].firstChild
        while child != MarkdownTree.none {
            switch out.tree.nodes[Int(child)].tag {
            case .text, .code, .htmlInline: out.appendEscaped(span: out.tree.nodes[Int(child)].payload)
            case .softBreak, .lineBreak: out.append(" ")
            default: renderAltText(children: child, into: &out)
            }
            child = out.tree.nodes[Int(child)].nextSibling
        }
    }

    private func appendDestination(span: Int32, into out: inout HTMLOutput) {
        // The string is made only for the few destinations whose first letter fits.
        if !allowsRawHTML, Self.mayStartDangerousScheme(out.tree.firstByte(span: span)), Self.isDangerous(out.tree.string(span: span)) {
            return
        }
        guard let destination else { return out.appendHrefEscaped(span: span) }
        out.appendEscaped(destination(out.tree.string(span: span)))
    }

    private func renderCallout(_ callout: Callout, body node: Int32, into out: inout HTMLOutput) {
        out.cr()
        out.append(string: "<aside class=\"callout callout-\(callout.kind.rawValue)\">\n")
        out.append("<p class=\"callout-title\">")
        out.append(string: callout.kind.label)
        if let title = callout.title, !title.isEmpty {
            out.append(": ")
            out.appendEscaped(title)
        }
        out.append("</p>\n")
        renderChildren(node, tight: false, into: &out)
        out.cr()
        out.append("</aside>\n")
    }

    /// A quiz shows its question and choices; the answer and explanations wait in a
    /// `<details>` element the reader opens after choosing.
    private func renderQuiz(_ quiz: MarkdownTree.QuizRecord, into out: inout HTMLOutput) {
        out.cr()
        let multiple = quiz.choices.filter(\.isCorrect).count > 1
        if let hook = self.quiz {
            let number = out.quizzesRendered
            out.quizzesRendered += 1
            let question = quiz.question.map { renderFragment($0, tree: out.tree) }.joined()
            let choices = quiz.choices.map { choice in choice.text.map { renderFragment($0, tree: out.tree) }.joined() }
            out.append(
                string: hook(QuizMarkup(number: number, questionHTML: question, choicesHTML: choices, allowsMultipleAnswers: multiple)))
            return
        }
        let kind = multiple ? "multiple" : "single"
        out.append(string: "<section class=\"quiz\" data-answers=\"\(kind)\">\n<div class=\"quiz-question\">\n")
        for block in quiz.question { render(block, tight: false, into: &out) }
        out.cr()
        out.append("</div>\n")
        if multiple { out.append("<p class=\"quiz-hint\">Select all that apply.</p>\n") }
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

    /// One node of `tree` as HTML on its own, for the quiz hook.
    private func renderFragment(_ node: Int32, tree: MarkdownTree) -> String {
        var output = HTMLOutput(tree: tree)
        render(node, tight: false, into: &output)
        return output.finish()
    }

    private static let digits: [UInt8] = Array("0123456789".utf8)

    /// Every dangerous scheme starts with j, v, f or d; most links start otherwise.
    static func mayStartDangerousScheme(_ first: UInt8?) -> Bool {
        guard let letter = first.map({ $0 | 0x20 }) else { return false }
        return letter == UInt8(ascii: "j") || letter == UInt8(ascii: "v") || letter == UInt8(ascii: "f") || letter == UInt8(ascii: "d")
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// cmark's `scan_dangerous_url`: a case-insensitive prefix test.
    static func isDangerous(_ url: String) -> Bool {
        guard mayStartDangerousScheme(url.utf8.first) else { return false }
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

/// A growing UTF-8 buffer with cmark's escaping rules, reading text from a document's storage.
///
/// It writes through a pointer of its own: appending to an array checks its uniqueness and
/// capacity through generic code on every one of the thousands of small writes in a lesson,
/// which cost more than the copying. ``finish()`` frees it.
private struct HTMLOutput {
    let tree: MarkdownTree
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// Quizzes rendered so far, so the quiz hook can number them in document order.
    var quizzesRendered = 0

    init(tree: MarkdownTree) {
        self.tree = tree
        capacity = tree.bytes.count * 2 + 256
        start = .allocate(capacity: capacity)
    }

    /// The HTML as a string; the buffer is freed, so nothing may be written after.
    mutating func finish() -> String {
        defer { start.deallocate() }
        return String(unsafeUninitializedCapacity: count) {
            $0.initialize(fromContentsOf: UnsafeBufferPointer(start: start, count: count))
        }
    }

    private mutating func write(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress, !source.isEmpty else { return }
        reserve(source.count)
        (start + count).initialize(from: base, count: source.count)
        count += source.count
    }

    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        capacity = max(capacity * 2, count + extra)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.moveInitialize(from: start, count: count)
        start.deallocate()
        start = grown
    }

    mutating func append(byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    mutating func append(_ text: StaticString) {
        write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(string text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    /// cmark's `cr`: starts a new line unless the output is empty or already at one.
    mutating func cr() {
        if count > 0, start[count - 1] != UInt8(ascii: "\n") { append(byte: UInt8(ascii: "\n")) }
    }

    mutating func appendRaw(span index: Int32) {
        let span = tree.spans[Int(index)]
        tree.bytes.withUnsafeBufferPointer { write(UnsafeBufferPointer(rebasing: $0[Int(span.start)..<Int(span.start + span.count)])) }
    }

    mutating func appendEscaped(span index: Int32) {
        let span = tree.spans[Int(index)]
        appendEscaped(from: Int(span.start), to: Int(span.start + span.count))
    }

    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    mutating func appendEscaped(from start: Int, to end: Int) {
        tree.bytes.withUnsafeBufferPointer { appendEscaped(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// `houdini_escape_html0` without secure mode: `"`, `&`, `<` and `>` only. Runs of
    /// ordinary bytes are copied in one go; most text has nothing to escape.
    mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
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
            write(UnsafeBufferPointer(rebasing: source[runStart..<index]))
            append(entity)
            runStart = index + 1
        }
        write(UnsafeBufferPointer(rebasing: source[runStart...]))
    }

    /// `houdini_escape_href`: keeps URL-safe and reserved characters, writes `&` and `'` as
    /// entities and percent-encodes every other byte.
    mutating func appendHrefEscaped(span index: Int32) {
        let span = tree.spans[Int(index)]
        let hex = Self.hex
        for position in Int(span.start)..<Int(span.start + span.count) {
            let byte = tree.bytes[position]
            if Self.hrefSafe[Int(byte)] {
                append(byte: byte)
            } else if byte == UInt8(ascii: "&") {
                append("&amp;")
            } else if byte == UInt8(ascii: "'") {
                append("&#x27;")
            } else {
                append(byte: UInt8(ascii: "%"))
                append(byte: hex[Int(byte >> 4)])
                append(byte: hex[Int(byte & 0xF)])
            }
        }
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// cmark's `HREF_SAFE` table: letters, digits and `-_.+!*(),%#@?=;:/$~`.
    static let hrefSafe: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { return true }
        return "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
    }
}
