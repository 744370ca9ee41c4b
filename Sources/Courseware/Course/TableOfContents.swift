/// The course order, read from a Markdown table of contents (like mdBook's `SUMMARY.md`):
///
/// ```markdown
/// # Data annotation for beginners
///
/// ## Foundations
/// - [What data annotation is](foundations/what-is-data-annotation.md)
///   - [A sub-lesson](foundations/sub.md)
/// ```
///
/// The level-1 heading is the course title, each deeper heading opens a module, and each
/// list item links to a lesson file; nested lists nest lessons under their parent.
public struct TableOfContents: Sendable {
    public struct Entry: Sendable, Hashable {
        public var title: String
        /// The lesson file, relative to the course folder, with `.` and `..` resolved.
        public var path: String
        /// 0 for top-level items, 1 for items nested one list deep, and so on.
        public var depth: Int
        public var position: SourcePosition
    }

    public struct Module: Sendable, Hashable {
        public var title: String
        public var entries: [Entry]
    }

    public var title: String?
    /// Whether lessons may keep raw HTML (front matter `raw-html: true`); off by default.
    public var allowsRawHTML: Bool
    public var modules: [Module]
    public var diagnostics: [Diagnostic]

    /// The keys the table of contents' front matter may use.
    public static let frontMatterKeys = ["title", "raw-html"]

    /// The usual file name of a course's table of contents.
    public static let fileName = "SUMMARY.md"

    public init(source: SourceFile) {
        var sink = DiagnosticSink(path: source.path)
        if let bad = source.invalidUTF8 {
            sink.report(.invalidUTF8, at: bad, "the file is not valid UTF-8 from here on; save it as UTF-8")
        }
        let frontMatter = FrontMatter(splitting: source, sink: &sink)
        var fields: YAMLMapping?
        if let yaml = frontMatter.yaml {
            fields = YAMLReader(firstLine: frontMatter.yamlFirstLine, context: "front matter").parse(yaml, sink: &sink)
            fields?.checkKeys(allowed: Self.frontMatterKeys, sink: &sink)
        }
        allowsRawHTML = fields?.bool("raw-html", sink: &sink) ?? false
        let document = MarkdownDocument(source: source, frontMatter: frontMatter)
        sink.append(contentsOf: document.diagnostics)
        var title = fields?.string("title", sink: &sink)?.value
        var modules: [Module] = []
        for block in document.root.children {
            switch block.kind {
            case .heading(1, _) where title == nil:
                title = block.plainText
            case .heading:
                modules.append(Module(title: block.plainText, entries: []))
            case .list:
                if modules.isEmpty { modules.append(Module(title: "", entries: [])) }
                Self.collect(block, depth: 0, into: &modules[modules.count - 1].entries, sink: &sink)
            default:
                break
            }
        }
        if modules.allSatisfy({ $0.entries.isEmpty }) {
            sink.report(
                .tableOfContents, at: nil, "the table of contents lists no lessons; add '- [Title](file.md)' items under module headings")
        }
        self.title = title
        self.modules = modules
        self.diagnostics = sink.diagnostics
    }

    /// Every entry in course order.
    public var entries: [Entry] { modules.flatMap(\.entries) }

    private static func collect(_ list: MarkdownNode, depth: Int, into entries: inout [Entry], sink: inout DiagnosticSink) {
        for item in list.children {
            var linked: (title: String, destination: String, position: SourcePosition)?
            item.children.first?.forEach { node in
                if linked == nil, case .link(let destination, _) = node.kind {
                    linked = (node.plainText, destination, node.position)
                }
            }
            if let linked {
                if let path = LinkTarget(linked.destination).localPath, path.hasSuffix(".md") {
                    entries.append(Entry(title: linked.title, path: CoursePath.normalize(path), depth: depth, position: linked.position))
                } else {
                    sink.report(
                        .tableOfContents, at: linked.position,
                        "\(Quote.text(linked.destination)) is not a lesson file; table of contents entries link to '.md' files in the course"
                    )
                }
            } else {
                sink.report(
                    .tableOfContents, at: item.position, "list item has no link to a lesson; write it as '- [Title](folder/lesson.md)'")
            }
            for child in item.children {
                if case .list = child.kind { collect(child, depth: depth + 1, into: &entries, sink: &sink) }
            }
        }
    }
}
