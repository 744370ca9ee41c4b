import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Courseware

/// Garbage in never crashes: every input parses, renders and checks.
struct RobustnessTests {
    private func exercise(_ bytes: [UInt8]) {
        let lesson = Lesson(source: SourceFile(path: "garbage.md", bytes: bytes), defaultID: "garbage")
        _ = HTMLRenderer().render(lesson.document)
        _ = TerminalRenderer(width: 60).render(lesson.document)
        _ = lesson.document.root.dump()
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let length = Int.random(in: 0...4096, using: &generator)
            exercise((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
    }

    @Test func randomMarkdownPunctuationNeverCrashes() {
        var generator = SplitMix64(seed: 11)
        let alphabet = Array("-*_`#>[]()!<>\\|:~=+0123456789. \n\n\n\t`````quiz tip".utf8)
        for _ in 0..<300 {
            let length = Int.random(in: 0...2000, using: &generator)
            exercise((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
        }
    }

    @Test func aBinaryFileIsReadAsText() throws {
        // This test binary is itself a large file of arbitrary bytes.
        let data = try Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[0]))
        exercise(Array(data.prefix(2_000_000)))
    }

    @Test func tenThousandNestedBlockQuotesAreCappedNotFatal() {
        exercise(Array((String(repeating: "> ", count: 10_000) + "deep\n").utf8))
        exercise(Array((String(repeating: "- ", count: 10_000) + "deep\n").utf8))
        exercise(Array((String(repeating: "*a ", count: 10_000) + String(repeating: "*", count: 10_000)).utf8))
    }

    @Test func aTenMegabyteLessonParses() {
        let paragraph = "Annotators label *data* with [links](other.md) and `code`.\n\n"
        let text = "# Big\n\n" + String(repeating: paragraph, count: 10_000_000 / paragraph.utf8.count + 1)
        let lesson = Lesson(source: SourceFile(path: "big.md", text: text), defaultID: "big")
        #expect(lesson.document.root.children.count > 150_000)
        #expect(lesson.diagnostics.isEmpty)
    }

    /// cmark allocates in a per-thread arena; parses on many threads at once, each with
    /// special blocks parsed inside it, must build exactly what one thread builds.
    @Test func lessonsParsedOnManyThreadsAtOnceMatchOneThread() throws {
        let everything = try Fixtures.text("Everything.md")
        let texts = (0..<16).map { everything + String(repeating: "More *text* in paragraph \($0).\n\n", count: $0 * 50) }
        let expected = texts.map { lesson($0).document.root.dump() }
        let dumps = Mutex([String](repeating: "", count: texts.count))
        DispatchQueue.concurrentPerform(iterations: texts.count) { index in
            let dump = lesson(texts[index]).document.root.dump()
            dumps.withLock { $0[index] = dump }
        }
        #expect(dumps.withLock { $0 } == expected)
    }

    @Test func deeplyNestedSpecialBlocksStayCode() {
        var markdown = "innermost\n"
        for level in 0..<8 {
            let fence = String(repeating: "`", count: 3 + level)
            markdown = "\(fence)note\n\(markdown)\(fence)\n"
        }
        let document = parse(markdown)
        #expect(document.diagnostics.map(\.rule) == [.specialBlock])
    }
}
