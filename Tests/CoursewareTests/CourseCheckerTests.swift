import Foundation
import TestSupport
import Testing

@testable import Courseware

struct CourseCheckerTests {
    /// Every mistake planted in the broken course is reported once, at its exact position,
    /// and nothing else is.
    @Test func brokenCourseReportsEveryPlantedMistake() throws {
        let folder = Fixtures.path("BrokenCourse")
        let course = try CourseLoader.load(from: folder)
        let printed = CourseChecker.check(course).map { $0.description.replacingOccurrences(of: Fixtures.folder.path + "/", with: "") }
        let expected = try Fixtures.text("BrokenCourse.expected.txt").split(separator: "\n").map(String.init)
        #expect(printed == expected)
    }

    @Test func aCleanCourseHasNoDiagnostics() throws {
        let folder = try TemporaryFolder()
        try folder.write("SUMMARY.md", "# Course\n\n## One\n\n- [A](a.md)\n  - [B](b/b.md)\n")
        try folder.write("a.md", "---\nsummary: First.\n---\n\n# A\n\nSee [B](b/b.md#details).\n")
        try folder.write("b/b.md", "---\nprerequisites: [a]\n---\n\n# B\n\n## Details\n\nBack to [A](../a.md). ![pic](pic.png)\n")
        try folder.write("b/pic.png", bytes: [0x89, 0x50, 0x4E, 0x47])
        let course = try CourseLoader.load(from: folder.path)
        #expect(CourseChecker.check(course) == [])
        #expect(course.title == "Course")
        #expect(course.modules.map(\.title) == ["One"])
        #expect(course.modules[0].lessons.map { "\($0.lesson.id):\($0.depth)" } == ["a:0", "b:1"])
    }

    @Test func aMissingFolderIsALoadErrorNotADiagnostic() {
        #expect(throws: CourseLoader.LoadError.self) { try CourseLoader.load(from: "/nonexistent/groundwork-course") }
    }

    @Test func aMissingTableOfContentsIsReported() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "# A\n\nText.\n")
        let rules = CourseChecker.check(try CourseLoader.load(from: folder.path)).map(\.rule)
        #expect(rules == [.unreadableFile, .unreachableLesson])
    }

    @Test func selfPrerequisiteIsACycle() throws {
        let folder = try TemporaryFolder()
        try folder.write("SUMMARY.md", "# C\n\n- [A](a.md)\n")
        try folder.write("a.md", "---\nprerequisites: [a]\n---\n# A\n\nText.\n")
        let diagnostics = CourseChecker.check(try CourseLoader.load(from: folder.path))
        #expect(diagnostics.map(\.rule) == [.prerequisiteCycle])
        #expect(diagnostics.first?.position == SourcePosition(line: 2, column: 17))
    }

    @Test func lessonsListedTwiceAreReported() throws {
        let folder = try TemporaryFolder()
        try folder.write("SUMMARY.md", "# C\n\n- [A](a.md)\n- [A again](./a.md)\n")
        try folder.write("a.md", "# A\n\nText.\n")
        let diagnostics = CourseChecker.check(try CourseLoader.load(from: folder.path))
        #expect(diagnostics.map(\.rule) == [.tableOfContents])
        #expect(diagnostics.first?.position == SourcePosition(line: 4, column: 3))
    }

    @Test func filesOverTheSizeLimitAreSkippedWithAMessage() throws {
        let folder = try TemporaryFolder()
        try folder.write("SUMMARY.md", "# C\n\n- [Big](big.md)\n")
        try folder.write("big.md", String(repeating: "a", count: CourseLoader.maximumFileSize + 1))
        let diagnostics = CourseChecker.check(try CourseLoader.load(from: folder.path))
        #expect(diagnostics.map(\.rule).contains(.fileTooLarge))
    }
}
