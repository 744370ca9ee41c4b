/// One lesson: its metadata from the front matter and its parsed Markdown.
public struct Lesson: Sendable, Identifiable {
    /// Reading speed used when a lesson does not give its own `minutes`.
    public static let wordsPerMinute = 200
    /// The front-matter keys a lesson may use.
    public static let frontMatterKeys = ["id", "title", "summary", "objectives", "minutes", "prerequisites", "tags"]

    public var id: String
    public var title: String
    public var summary: String?
    public var objectives: [String]
    public var minutes: Int
    public var prerequisites: [Located<String>]
    public var tags: [String]
    /// Words of readable text (quizzes and callouts included, markup not).
    public var wordCount: Int
    public var document: MarkdownDocument
    public var source: SourceFile
    /// The file's path relative to the course folder, as links between lessons name it.
    public var path: String
    /// Where the `id` is written in the front matter, for duplicate-id reports.
    public var idPosition: SourcePosition?
    /// Problems found in this file alone.
    public var diagnostics: [Diagnostic]

    /// Reads a lesson. Never fails: what cannot be understood is reported in `diagnostics`.
    ///
    /// - Parameters:
    ///   - source: The lesson file.
    ///   - defaultID: The id used when the front matter gives none (the file name).
    public init(source: SourceFile, defaultID: String) {
        var sink = DiagnosticSink(path: source.path)
        if let bad = source.invalidUTF8 {
            sink.report(.invalidUTF8, at: bad, "the file is not valid UTF-8 from here on; save it as UTF-8")
        }
        let frontMatter = FrontMatter(splitting: source, sink: &sink)
        let document = MarkdownDocument(source: source, frontMatter: frontMatter)
        sink.append(contentsOf: document.diagnostics)

        var fields: YAMLMapping?
        if let yaml = frontMatter.yaml {
            let reader = YAMLReader(firstLine: frontMatter.yamlFirstLine, context: "front matter")
            fields = reader.parse(yaml, sink: &sink)
            fields?.checkKeys(allowed: Self.frontMatterKeys, sink: &sink)
        }
        let declaredID = fields?.string("id", sink: &sink)
        let declaredTitle = fields?.string("title", sink: &sink)
        let declaredMinutes = fields?.integer("minutes", in: 1...600, sink: &sink)
        summary = fields?.string("summary", sink: &sink)?.value
        objectives = fields?.strings("objectives", sink: &sink).map(\.value) ?? []
        prerequisites = fields?.strings("prerequisites", sink: &sink) ?? []
        tags = fields?.strings("tags", sink: &sink).map(\.value) ?? []

        id = declaredID?.value ?? defaultID
        idPosition = declaredID?.position
        if !Self.isValidID(id) {
            sink.report(
                .invalidID, at: declaredID?.position, "lesson id \(Quote.text(id)) may use only lower-case letters, digits, '-' and '_'")
        }
        if let title = declaredTitle?.value ?? document.firstHeadingText {
            self.title = title
        } else {
            self.title = defaultID
            sink.report(.missingTitle, at: nil, "lesson has no title; add 'title:' to the front matter or start with a '# Heading'")
        }
        wordCount = document.wordCount
        minutes = declaredMinutes ?? max(1, (wordCount + Self.wordsPerMinute - 1) / Self.wordsPerMinute)
        if !Self.hasBody(document.root) {
            sink.report(.emptyLesson, at: nil, "lesson has no content besides its title; write the lesson or remove it from the course")
        }
        self.document = document
        self.source = source
        self.path = source.path
        diagnostics = sink.diagnostics
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// Whether the document holds anything besides a level-1 heading.
    private static func hasBody(_ root: MarkdownNode) -> Bool {
        let tree = root.storage.tree
        var child = tree.nodes[Int(root.index)].firstChild
        while child != MarkdownTree.none {
            if tree.nodes[Int(child)].tag != .heading || tree.nodes[Int(child)].extra != 1 { return true }
            child = tree.nodes[Int(child)].nextSibling
        }
        return false
    }
}
