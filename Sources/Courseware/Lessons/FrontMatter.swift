/// Splits a YAML front-matter block (`---` … `---`) off the start of a Markdown file.
///
/// cmark knows nothing of front matter, so the block's lines are replaced by empty lines
/// before cmark sees the text: every later line keeps its number, every column its place.
/// Only the very first line can open the block, and the first line that is exactly `---`
/// or `...` (trailing spaces allowed) closes it, so a `---` further down, in a code block or
/// as a thematic break, is never mistaken for it.
struct FrontMatter {
    /// The YAML between the fences, or nil when the file has none.
    var yaml: String?
    /// The file's text with the front-matter lines emptied.
    var markdown: String
    /// File line of the first YAML line (the line after the opening fence).
    var yamlFirstLine = 2

    init(splitting source: SourceFile, sink: inout DiagnosticSink) {
        let text = source.text
        guard Self.isFence(source.line(1), closing: false) else {
            markdown = text
            return
        }
        var lineNumber = 2
        while lineNumber <= source.lineCount {
            if Self.isFence(source.line(lineNumber), closing: true) {
                let yamlLines = (2..<lineNumber).map { source.line($0) }
                yaml = yamlLines.joined(separator: "\n")
                markdown = String(repeating: "\n", count: lineNumber) + Self.text(of: source, after: lineNumber)
                return
            }
            lineNumber += 1
        }
        sink.report(.frontMatterSyntax, at: SourcePosition(line: 1, column: 1), "front matter opened here is never closed; add a line with '---' after its last key")
        markdown = text
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        let trimmed = line.reversed().drop(while: { $0 == " " || $0 == "\t" })
        let content = String(trimmed.reversed())
        return content == "---" || (closing && content == "...")
    }

    /// The text that follows line `number` (after its line break).
    private static func text(of source: SourceFile, after number: Int) -> Substring {
        guard number < source.lineCount else { return "" }
        let utf8 = source.text.utf8
        return source.text[utf8.index(utf8.startIndex, offsetBy: source.lineStarts[number])...]
    }
}
