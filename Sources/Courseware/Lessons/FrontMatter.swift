/// Splits a YAML front-matter block (`---` … `---`) off the start of a Markdown file.
///
/// cmark knows nothing of front matter, so the block's lines are replaced by empty lines
/// before cmark sees the text: every later line keeps its number, every column its place.
/// Only the very first line can open the block, and the first line that is exactly `---`
/// or `...` (trailing spaces allowed) closes it, so a `---` further down, in a code block or
/// as a thematic break, is never mistaken for it.
///
/// Lessons read their front matter with Groundwork's own small YAML reader; other formats
/// (assessments) may hand ``yamlText`` to a full YAML parser, adding ``yamlFirstLine`` - 1
/// to its line numbers.
public struct FrontMatter: Sendable {
    /// The lines between the fences, or nil when the file has none.
    public var yaml: [Substring]?
    /// The file's text with the front-matter lines emptied, ready for ``MarkdownDocument``
    /// (lessons are parsed in place instead, from after ``closingLine``).
    public var markdown: String { closingLine.map { Self.blankingLines(through: $0, of: source) } ?? source.text }
    /// The line of the closing fence, or nil when the file has no front matter.
    private(set) var closingLine: Int?
    private let source: SourceFile
    /// File line of the first YAML line (the line after the opening fence).
    public var yamlFirstLine = 2
    /// An unclosed block, if any.
    public var diagnostics: [Diagnostic] = []

    /// The YAML between the fences as one string, or nil when the file has none.
    public var yamlText: String? { yaml?.joined(separator: "\n") }

    public init(splitting source: SourceFile) {
        var sink = DiagnosticSink(path: source.path)
        self.init(splitting: source, sink: &sink)
        diagnostics = sink.diagnostics
    }

    init(splitting source: SourceFile, sink: inout DiagnosticSink) {
        self.source = source
        guard Self.isFence(source.line(1), closing: false) else { return }
        var lineNumber = 2
        while lineNumber <= source.lineCount {
            if Self.isFence(source.line(lineNumber), closing: true) {
                yaml = (2..<lineNumber).map { source.line($0) }
                closingLine = lineNumber
                return
            }
            lineNumber += 1
        }
        sink.report(
            .frontMatterSyntax, at: SourcePosition(line: 1, column: 1),
            "front matter opened here is never closed; add a line with '---' after its last key")
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        let bytes = line.utf8
        guard bytes.count >= 3, bytes.dropFirst(3).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return false }
        let marker = bytes.prefix(3)
        return marker.elementsEqual("---".utf8) || (closing && marker.elementsEqual("...".utf8))
    }

    /// The text with lines 1 through `number` replaced by empty lines, built from bytes
    /// (concatenating `Character`s would cost more than parsing the lesson).
    private static func blankingLines(through number: Int, of source: SourceFile) -> String {
        var bytes = [UInt8](repeating: UInt8(ascii: "\n"), count: number)
        if number < source.lineCount {
            var text = source.text
            text.withUTF8 { bytes.append(contentsOf: $0[source.lineStarts[number]...]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
