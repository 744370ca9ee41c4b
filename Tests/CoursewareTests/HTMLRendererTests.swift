import TestSupport
import Testing

@testable import Courseware

struct HTMLRendererTests {
    private let plain = HTMLRenderer(headingIDs: false)

    /// Tricky CommonMark, each rendered exactly as libcmark renders it.
    @Test(arguments: [
        "- a\n- b\n  - nested\n    1. deep\n\n- loose again\n",
        "1. one\n2. two\n\n7) seven\n",
        "```html\n<script>alert(1)</script>\n```\n\n`<b>` inline\n",
        "&amp; &copy; &#x41; &#0; &bogus; AT&T\n",
        "[t](http://x.com \"A \\\"quoted\\\" title\") ![i](a.png 'img title')\n",
        "<script>alert('x')</script>\n\nText <script>alert(1)</script> after\n",
        "[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [data](data:text/html,x) ![ok](data:image/png;base64,AA==)\n",
        "[file](file:///etc/passwd) [vb](vbscript:msgbox)\n",
        "Spaces [in url](<my file.md>) and ümlaut [ü](ü.md) and [q](a?b=1&c='2')\n",
        "> quote\n> > nested\n>\n> - list in quote\n",
        "Setext\n===\n\n***\n\n    indented\n    code\n",
        "hard  \nbreak and soft\nbreak\n",
        "![alt *with* `code` and [link](x)](img.png)\n",
        "<div>\n*not emphasised*\n</div>\n",
        "[ref]\n\n[ref]: /url \"title\"\n",
        "\u{0}nul and tab\there\n",
        "",
        "# Heading with `code` and <em>html</em>\n",
    ])
    func plainCommonMarkMatchesLibcmark(markdown: String) {
        #expect(plain.render(parse(markdown)) == CMarkReference.html(markdown))
    }

    /// Random documents made of CommonMark constructs render exactly as libcmark renders them.
    @Test func randomDocumentsMatchLibcmark() {
        var generator = SplitMix64(seed: 2026)
        let pieces = [
            "# H\n", "## Sub *em*\n", "para with **strong** and `code`\n", "- item\n", "  - nested\n", "1. one\n",
            "> quote\n", "```swift\nlet x = 1 < 2\n```\n", "\n", "[l](a.md \"t\")\n", "![i](b.png)\n", "<b>raw</b>\n",
            "---\n", "    code\n", "text &amp; \"quotes\" 'single'\n", "line  \n", "* star\n", "+ plus\n", "2) paren\n",
            "<!-- comment -->\n", "[javascript](javascript:x)\n", "é ü 日本 👍\n", "\\*escaped\\*\n",
        ]
        for _ in 0..<300 {
            let count = Int.random(in: 1...25, using: &generator)
            let markdown = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(plain.render(parse(markdown)) == CMarkReference.html(markdown), "\(markdown)")
        }
    }

    @Test func headingsGetTheirAnchorsAsIDs() {
        let html = HTMLRenderer().render(parse("# Hello *World*\n\n## Hello World\n"))
        #expect(html == "<h1 id=\"hello-world\">Hello <em>World</em></h1>\n<h2 id=\"hello-world-1\">Hello World</h2>\n")
    }

    @Test func scriptsNeverSurviveByDefault() {
        let html = HTMLRenderer().render(parse("<script>alert(1)</script>\n\nHi <script>x()</script> [a](javascript:alert(1))\n"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
    }

    @Test func rawHTMLIsKeptOnlyWhenACourseOptsIn() {
        let html = HTMLRenderer(allowsRawHTML: true).render(parse("<div>kept</div>\n\n[a](javascript:go())\n"))
        #expect(html == "<div>kept</div>\n<p><a href=\"javascript:go()\">a</a></p>\n")
    }

    @Test func calloutsBecomeAsides() {
        let html = HTMLRenderer().render(parse("```tip Zoom <in>\nUse **400%**.\n```\n"))
        #expect(
            html == """
                <aside class="callout callout-tip">
                <p class="callout-title">Tip: Zoom &lt;in&gt;</p>
                <p>Use <strong>400%</strong>.</p>
                </aside>

                """)
    }

    @Test func quizAnswersWaitBehindDetails() {
        let html = HTMLRenderer().render(parse("```quiz\nPick *one*.\n\n- [ ] no\n  > Wrong.\n- [x] yes\n  > Right.\n```\n"))
        #expect(
            html == """
                <section class="quiz" data-answers="single">
                <div class="quiz-question">
                <p>Pick <em>one</em>.</p>
                </div>
                <ol class="quiz-choices" type="A">
                <li>no</li>
                <li>yes</li>
                </ol>
                <details class="quiz-answer">
                <summary>Show the answer</summary>
                <ol class="quiz-explanations" type="A">
                <li class="wrong"><p><strong>Not this one.</strong></p>
                <p>Wrong.</p>
                </li>
                <li class="correct"><p><strong>Correct.</strong></p>
                <p>Right.</p>
                </li>
                </ol>
                </details>
                </section>

                """)
    }
}
