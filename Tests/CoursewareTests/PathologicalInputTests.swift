import TestSupport
import Testing

@testable import Courseware

/// cmark's defence against inputs that make a parser slow: each input is parsed at a size and
/// at twice that size, and twice the input may take at most ``Scaling/limit`` times as long.
/// The sizes keep one parse in the tens of milliseconds; a quadratic step shows as a ratio of 4.
@Suite(.serialized)
struct PathologicalInputTests {
    /// Builds a lesson of `n` repetitions and renders it as the CLI and the checker would.
    private func expectLinear(_ size: Int, sourceLocation: SourceLocation = #_sourceLocation, _ make: @escaping (Int) -> String) {
        let ratio = Scaling.doublingRatio(size: size) { n in
            let lesson = Lesson(source: SourceFile(path: "hostile.md", text: make(n)), defaultID: "hostile")
            _ = HTMLRenderer().render(lesson.document)
        }
        #expect(ratio <= Scaling.limit, "doubling the input took \(ratio) times as long", sourceLocation: sourceLocation)
    }

    @Test func aLongNonASCIILineFullOfLinksIsLinear() {
        expectLinear(1_000) { "é" + String(repeating: "[a](b) ", count: $0) }
    }

    @Test func deepNestingIsLinear() {
        expectLinear(20_000) { String(repeating: "> ", count: $0) + "a\n" }
        expectLinear(20_000) { String(repeating: "- ", count: $0) + "a\n" }
        expectLinear(20_000) { String(repeating: "1. ", count: $0) + "a\n" }
    }

    @Test func longRunsOfEmphasisAreLinear() {
        expectLinear(10_000) { String(repeating: "*a", count: $0) }
        expectLinear(10_000) { String(repeating: "*a ", count: $0) + String(repeating: "*", count: $0) }
        expectLinear(10_000) { String(repeating: "_a **b", count: $0) }
    }

    @Test func longRunsOfLinkOpenersAreLinear() {
        expectLinear(20_000) { String(repeating: "[", count: $0) + "a" }
        expectLinear(20_000) { String(repeating: "[a](", count: $0) }
        expectLinear(20_000) { String(repeating: "![a", count: $0) }
        expectLinear(20_000) { String(repeating: "a`", count: $0) }
    }

    @Test func hugeListsAreLinear() {
        expectLinear(4_000) { String(repeating: "- a\n", count: $0) }
        expectLinear(4_000) { String(repeating: "- [x](#y) é\n  > b\n", count: $0) }
    }

    @Test func frontMatterListsOfThousandsOfEntriesAreLinear() {
        expectLinear(2_000) { n in
            "---\ntags: [" + (0..<n).map { "é\($0)" }.joined(separator: ", ") + "]\n---\n# T\n\nBody.\n"
        }
        expectLinear(4_000) { n in
            "---\nprerequisites:\n" + (0..<n).map { "  - p\($0)\n" }.joined() + "---\n# T\n\nBody.\n"
        }
    }

    @Test func aTableOfContentsOfThousandsOfMissingLessonsChecksInLinearTime() throws {
        // Found by scripts/fuzz: each missing entry searched every diagnostic before it.
        let folder = try TemporaryFolder()
        let ratio = Scaling.doublingRatio(size: 1_000) { n in
            try? folder.write("SUMMARY.md", "# C\n\n" + (0..<n).map { "- [L](missing-\($0).md)\n" }.joined())
            _ = try? CourseChecker.check(CourseLoader.load(from: folder.path))
        }
        #expect(ratio <= Scaling.limit, "doubling the input took \(ratio) times as long")
    }

    @Test func eightMegabytesOfEmphasisAreRefusedBeforeTheyAreParsed() throws {
        let folder = try TemporaryFolder()
        try folder.write("SUMMARY.md", "# C\n\n- [Stars](stars.md)\n")
        try folder.write("stars.md", String(repeating: "*a", count: 4 * 1024 * 1024))
        let course = try CourseLoader.load(from: folder.path)
        #expect(course.lessons.isEmpty)
        #expect(
            CourseChecker.check(course).map(\.description).first
                == "\(folder.path)/stars.md: error: [file-too-large] file is 8192 KiB; Groundwork reads Markdown files of at most 1024 KiB; split it"
        )
    }

    @Test func didYouMeanOverAHugeValueIsLinearAndQuotesItShortened() {
        let ratio = Scaling.doublingRatio(size: 200_000) { n in
            _ = Suggestion.hint(for: String(repeating: "x", count: n), in: ["summary", "title"])
        }
        #expect(ratio <= Scaling.limit)
        #expect(Quote.text(String(repeating: "x", count: 1_000_000)) == "'" + String(repeating: "x", count: 60) + "…'")
    }
}
