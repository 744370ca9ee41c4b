import Testing

@testable import Courseware

struct FrontMatterTests {
    @Test func keysAreReadAndDefaultsFilledIn() {
        let words = Array(repeating: "word", count: 450).joined(separator: " ")
        let result = lesson(
            "---\ntitle: Boxes\nsummary: Tight boxes.\nobjectives:\n  - Draw\n  - Check\nprerequisites: basics\ntags: [image, boxes]\n---\n# Heading\n\n\(words)\n",
            id: "boxes")
        #expect(result.id == "boxes")
        #expect(result.title == "Boxes")
        #expect(result.summary == "Tight boxes.")
        #expect(result.objectives == ["Draw", "Check"])
        #expect(result.prerequisites.map(\.value) == ["basics"])
        #expect(result.tags == ["image", "boxes"])
        #expect(result.wordCount == 451)
        #expect(result.minutes == 3)
        #expect(result.diagnostics == [])
    }

    @Test func titleDefaultsToTheFirstHeading() {
        #expect(lesson("# From the heading\n\nBody.\n").title == "From the heading")
    }

    @Test func noTitleAnywhereIsAWarningAndTheIdIsUsed() {
        let result = lesson("Body only.\n", id: "fallback")
        #expect(result.title == "fallback")
        #expect(result.diagnostics.map(\.rule) == [.missingTitle])
    }

    @Test func frontMatterLinesKeepTheirNumbersInTheBody() {
        let result = lesson("---\ntitle: T\n---\n\n[x](y.md)\n")
        #expect(result.document.root.children.first?.position == SourcePosition(line: 5, column: 1))
    }

    @Test func crlfAndByteOrderMarkAreHandled() {
        let text = "\u{FEFF}---\r\ntitle: Windows\r\n---\r\n# H\r\n\r\nBody.\r\n"
        let result = Lesson(source: SourceFile(path: "w.md", bytes: Array(text.utf8)), defaultID: "w")
        #expect(result.title == "Windows")
        #expect(result.diagnostics == [])
        #expect(result.document.root.children.first?.position == SourcePosition(line: 4, column: 1))
    }

    @Test func dashesInsideACodeBlockDoNotCloseTheFrontMatter() {
        let result = lesson("---\ntitle: T\n---\n# H\n\n```yaml\n---\nkey: value\n---\n```\n")
        #expect(result.diagnostics == [])
        #expect(result.document.root.children.last?.kind == .codeBlock(info: "yaml", literal: "---\nkey: value\n---\n"))
    }

    @Test func aThematicBreakAtTheTopWithoutClosingIsReported() {
        let result = lesson("---\n# H\n\nBody.\n")
        #expect(result.diagnostics.map(\.rule) == [.frontMatterSyntax])
        #expect(result.diagnostics.first?.position == SourcePosition(line: 1, column: 1))
    }

    @Test func dotsCloseFrontMatterToo() {
        #expect(lesson("---\ntitle: T\n...\n# H\n\nBody.\n").diagnostics == [])
    }

    @Test func yamlErrorsArePlacedInTheFile() {
        let result = lesson("---\ntitle: ok\nsummary: \"unterminated\n---\n# H\n\nBody.\n")
        #expect(result.diagnostics.map(\.rule) == [.frontMatterSyntax])
        #expect(result.diagnostics.first?.position == SourcePosition(line: 3, column: 10))
    }

    @Test func wrongTypesAndUnknownKeysAreEachReported() {
        let result = lesson("---\nid: ok\ntitel: T\nminutes: 0\ntags:\n  nested: map\n---\n# H\n\nBody.\n")
        #expect(
            result.diagnostics.map(\.description) == [
                "lesson.md:3:1: warning: [front-matter-unknown-key] unknown key 'titel' in front matter; did you mean 'title'?",
                "lesson.md:4:10: error: [front-matter-type] 'minutes' must be a whole number from 1 to 600, not '0'",
                "lesson.md:6:3: error: [front-matter-type] 'tags' must be a list, e.g. [first, second]",
            ])
    }

    @Test func frontMatterThatIsNotAMappingIsReported() {
        let result = lesson("---\n- just\n- a list\n---\n# H\n\nBody.\n")
        #expect(
            result.diagnostics.map(\.description) == [
                "lesson.md:2:1: error: [front-matter-syntax] front matter: expected 'key: value' lines, not a list"
            ])
    }

    @Test func emptyFrontMatterIsFine() {
        #expect(lesson("---\n---\n# H\n\nBody.\n").diagnostics == [])
    }
}

/// The YAML subset front matter accepts, value by value.
struct FrontMatterYAMLTests {
    private func fields(_ yaml: String) -> (Lesson, [Diagnostic]) {
        let result = lesson("---\n\(yaml)\n---\n# H\n\nBody.\n")
        return (result, result.diagnostics)
    }

    @Test func quotedTextMayHoldColonsHashesAndEscapes() {
        let (result, problems) = fields("title: \"Boxes: a guide # not a comment\"\nsummary: 'It''s \"tight\"' # a comment")
        #expect(problems == [])
        #expect(result.title == "Boxes: a guide # not a comment")
        #expect(result.summary == "It's \"tight\"")
    }

    @Test func flowListsAllowQuotedCommasAndBlockListsAllowComments() {
        let (result, problems) = fields("tags: [a, \"b, c\", 'd']\nobjectives:\n  # the first one\n  - One\n  - \"Two: quoted\"\n")
        #expect(problems == [])
        #expect(result.tags == ["a", "b, c", "d"])
        #expect(result.objectives == ["One", "Two: quoted"])
    }

    @Test func listItemsRememberTheirColumns() {
        let (result, _) = fields("prerequisites: [alpha,  beta]")
        #expect(result.prerequisites.map(\.position) == [SourcePosition(line: 2, column: 17), SourcePosition(line: 2, column: 25)])
    }

    @Test func foldedAndLiteralBlocksAndContinuationLines() {
        let (result, problems) = fields("summary: >\n  Folded onto\n  one line.\ntitle: A long\n  title")
        #expect(problems == [])
        #expect(result.summary == "Folded onto one line.")
        #expect(result.title == "A long title")
    }

    @Test(arguments: [
        ("title: \"open", "lesson.md:2:8: error: [front-matter-syntax] front matter: this quoted text is never closed; add the closing \""),
        ("title: a\ntitle: b", "lesson.md:3:1: error: [front-matter-syntax] front matter: the key 'title' appears twice"),
        (
            "tags: [a, [b]]",
            "lesson.md:2:11: error: [front-matter-syntax] front matter: lists inside lists are not supported in front matter"
        ),
        (
            "title: &anchor x",
            "lesson.md:2:8: error: [front-matter-syntax] front matter: '&' starts a YAML feature front matter does not support; put the value in quotes"
        ),
        (
            "  indented: x",
            "lesson.md:2:1: error: [front-matter-syntax] front matter: this line is indented but belongs to no key; start it at the left edge as 'key: value'"
        ),
        ("just words", "lesson.md:2:1: error: [front-matter-syntax] front matter: expected 'key: value'"),
        ("summary: {a: b}", "lesson.md:2:10: error: [front-matter-type] 'summary' must be a single line of text"),
    ])
    func mistakesAreReportedWhereTheyAre(yaml: String, expected: String) {
        #expect(fields(yaml).1.map(\.description) == [expected])
    }

    /// Lessons are parsed in place after their front matter; this keeps that equal to parsing
    /// the blanked copy, positions included.
    @Test(arguments: [
        "---\ntitle: A\n---\n# H\n\ntext [x](y.md) <http://a.b>\n",
        "---\r\ntitle: A\r\n---\r\n    code\r\n\r\n- a\r\n\r\n  b\r\n",
        "---\ntitle: A\n...\n\n[ref]: /u\n\n[ref]\n\n```tip T\nZ <a@b.c>\n```\n",
        "---\ntitle: A\n---\n\u{FEFF}body after a byte-order mark\n",
        "---\ntitle: A\n---",
        "---\ntitle: A\n",
        "no front matter\n---\n",
    ])
    func parsingInPlaceMatchesParsingTheBlankedText(text: String) {
        let source = SourceFile(path: "x.md", text: text)
        let frontMatter = FrontMatter(splitting: source)
        let inPlace = MarkdownDocument(source: source, frontMatter: frontMatter)
        let blanked = MarkdownDocument(source: source, markdown: frontMatter.markdown)
        #expect(inPlace.root.dump() == blanked.root.dump())
    }
}
