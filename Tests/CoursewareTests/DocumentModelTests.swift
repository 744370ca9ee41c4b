import Testing

@testable import Courseware

struct DocumentModelTests {
    @Test func everyConstructDumpsAsTheGoldenFile() throws {
        let source = SourceFile(path: "Everything.md", text: try Fixtures.text("Everything.md"))
        let lesson = Lesson(source: source, defaultID: "Everything")
        #expect(lesson.diagnostics == [])
        #expect(lesson.document.root.dump() == (try Fixtures.text("Everything.dump.txt")))
    }

    @Test func headingAnchorsAreUniqueGitHubSlugs() {
        let document = parse("# Hello, World!\n\n## Hello, World!\n\n## Edge cases & flags\n\n## ???\n")
        #expect(document.anchors == ["hello-world", "hello-world-1", "edge-cases--flags", "section"])
    }

    @Test func nonASCIIHeadingsKeepTheirLettersInAnchors() {
        let document = parse("# Über Äpfel & Café\n\n## Überblick: *naïve* `code`\n")
        #expect(document.anchors == ["über-äpfel--café", "überblick-naïve-code"])
    }

    @Test func plainTextJoinsInlinesAndDropsMarkup() {
        let document = parse("Some *emphasised* `code` and [a link](x.md)\nnext line\n")
        #expect(document.root.plainText == "Some emphasised code and a link next line")
    }

    @Test func nestingBeyondTheLimitIsDroppedAndReported() {
        let deep = String(repeating: ">", count: 10_000) + " deep\n"
        let document = parse(deep)
        #expect(document.diagnostics.map(\.rule) == [.nestingTooDeep])
        var depth = 0
        var node = document.root
        while let child = node.children.first { depth += 1; node = child }
        #expect(depth <= MarkdownDocument.maximumNesting + 1)
    }

    @Test func calloutTitlesAndKindsComeFromTheInfoString() {
        let document = parse("```warning Do not guess\nBody\n```\n\n```example\nBody\n```\n")
        let callouts = document.root.children.compactMap { node -> Callout? in
            if case .callout(let callout) = node.kind { return callout } else { return nil }
        }
        #expect(callouts == [Callout(kind: .warning, title: "Do not guess"), Callout(kind: .example, title: nil)])
    }

    @Test func ordinaryCodeBlocksAreLeftAlone() {
        let document = parse("```tips\nnot a callout\n```\n")
        #expect(document.root.children.first?.kind == .codeBlock(info: "tips", literal: "not a callout\n"))
        #expect(document.diagnostics.isEmpty)
    }
}
