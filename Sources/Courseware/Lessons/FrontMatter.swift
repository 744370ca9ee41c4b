/// Splits a YAML front-matter block (`---` … `---`) off the start of a Markdown file.
///
/// cmark knows nothing of front matter, so the block's lines are replaced by empty lines
/// before cmark sees the text: every later line keeps its number, every column its place.
/// Only the very first line can open the block, and the first line that is exactly `---`
/// or `...` (trailing spaces allowed) closes it, so a `---` further down, in a code block or
/// as a thematic break, is never mistaken for it.
struct FrontMatter {
    /// The lines between the fences, or nil when the file has none.
    var yaml: [Substring]?
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
                yaml = (2..<lineNumber).map { source.line($0) }
                markdown = Self.blankingLines(through: lineNumber, of: source)
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

    /// The text with lines 1 through `number` replaced by empty lines, built from bytes
    /// (concatenating `Character`s would cost more than parsing the lesson).
    private static func blankingLines(through number: Int, of source: SourceFile) -> String {
        var bytes = [UInt8](repeating: UInt8(ascii: "\n"), count: number)
        if number < source.lineCount {
            bytes += source.text.utf8.dropFirst(source.lineStarts[number])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
