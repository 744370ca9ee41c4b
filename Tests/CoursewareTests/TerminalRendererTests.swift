import Testing

@testable import Courseware

struct TerminalRendererTests {
    private func text(_ markdown: String, width: Int = 40, color: Bool = false) -> String {
        TerminalRenderer(width: width, color: color).render(parse(markdown))
    }

    @Test func blocksNestedDeeperThanTheWidthOverflowInsteadOfTrapping() {
        // Found by scripts/fuzz: forty levels of numbered lists left the rule a negative width.
        let nested = String(repeating: "1. ", count: 40) + "\n" + String(repeating: "   ", count: 40) + "***\n"
        #expect(text(nested, width: 60).contains("─"))
    }

    @Test func paragraphsWrapAtTheWidth() {
        let output = text("one two three four five six seven eight nine ten eleven twelve\n", width: 20)
        #expect(output == "one two three four\nfive six seven eight\nnine ten eleven\ntwelve\n")
        #expect(output.split(separator: "\n").allSatisfy { $0.count <= 20 })
    }

    @Test func aCodeSpanIsNeverSplitAcrossLinesSoACopiedCommandWorks() {
        let output = text("Then run `groundwork take toloka-training` to start.\n", width: 24)
        #expect(output == "Then run\n`groundwork take toloka-training`\nto start.\n")
    }

    @Test func linkTargetsCanBeShownInTheReadersTerms() {
        var renderer = TerminalRenderer(width: 80)
        renderer.linkText = { $0 == "intent.md" ? "groundwork read intent" : $0 }
        let output = renderer.render(parse("See [intent](intent.md) and [docs](https://example.com).\n"))
        #expect(output == "See intent <groundwork read intent> and docs <https://example.com>.\n")
    }

    @Test func nestedAndNumberedListsIndentTheirContinuationLines() {
        let output = text("1. first item that wraps around\n2. second\n   - nested bullet\n", width: 24)
        #expect(
            output == """
                1. first item that wraps
                   around
                2. second
                   • nested bullet

                """)
    }

    @Test func headingsAreUnderlinedAndQuotesBarred() {
        #expect(text("# Title\n\n> quoted *words*\n") == "Title\n═════\n\n│ quoted words\n")
    }

    @Test func linksShowTheirURL() {
        #expect(text("See [the guide](https://example.com/guide) now.\n", width: 80) == "See the guide <https://example.com/guide> now.\n")
    }

    @Test func codeBlocksAreIndentedAndNeverWrapped() {
        let long = String(repeating: "x", count: 60)
        #expect(text("```\n\(long)\n```\n", width: 20) == "    \(long)\n")
    }

    @Test func calloutsAndQuizzesAreMarkedAndAnswersHidden() {
        let output = text(
            "```warning Careful\nDo **not** guess.\n```\n\n```quiz\nPick.\n\n- [x] yes\n  > Because.\n- [ ] no\n  > Not.\n```\n", width: 60)
        #expect(
            output == """
                ▌ WARNING: Careful
                ▌ Do not guess.

                QUIZ
                Pick.

                  A) yes
                  B) no
                (Answer hidden: run 'groundwork read' in a terminal to try this quiz.)

                """)
        #expect(!output.contains("Because"))
    }

    @Test func colourIsOffUnlessAskedFor() {
        #expect(!text("**bold** and *em*\n").contains("\u{1B}"))
        #expect(text("**bold**\n", color: true) == "\u{1B}[1mbold\u{1B}[0m\n")
    }

    @Test func escapeSequencesInContentAreRemoved() {
        let output = text("evil \u{1B}[2J clear\n", color: false)
        #expect(!output.contains("\u{1B}"))
    }

    @Test func quizFeedbackExplainsEveryChoice() throws {
        let document = parse("```quiz\nPick.\n\n- [x] yes\n  > Because.\n- [ ] no\n  > Not.\n```\n")
        guard case .quiz(let quiz) = document.root.children.first?.kind else {
            Issue.record("no quiz parsed")
            return
        }
        let renderer = TerminalRenderer(width: 60, color: false)
        #expect(renderer.renderQuizFeedback(quiz, chosen: [1]) == "✗ Not quite. The answer is A.\n\nA) ✓ Because.\n\nB) ✗ Not.\n")
        #expect(renderer.renderQuizFeedback(quiz, chosen: [0]).hasPrefix("✓ Correct."))
    }

    @Test func wideCharactersCountDouble() {
        #expect(TerminalStyle.visibleWidth("日本") == 4)
        #expect(TerminalStyle.visibleWidth("\u{1B}[1mab\u{1B}[0m") == 2)
    }
}
