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

    /// The loader lists files without FileManager, so this keeps it finding what FileManager's
    /// enumerator finds: hidden files, nested folders, folders named like lessons, symbolic
    /// links (listed, never followed into a folder), and nothing under a linked course folder.
    @Test func lessonFilesAreFoundAsFileManagerFindsThem() throws {
        let folder = try TemporaryFolder()
        for file in ["a.md", ".hidden.md", "notes.txt", "sub/b.md", "sub/deeper/c.md", "folder.md/d.md", "linked/e.md"] {
            try folder.write(file, "# X\n")
        }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder.path + "/alias.md", withDestinationPath: "a.md")
        try manager.createSymbolicLink(atPath: folder.path + "/sub/link", withDestinationPath: "../linked")
        try manager.createSymbolicLink(atPath: folder.path + "/course-link", withDestinationPath: "sub")
        for root in [folder.path, folder.path + "/", folder.path + "/sub", folder.path + "/course-link"] {
            let enumerator = try #require(manager.enumerator(atPath: root))
            let expected = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted()
            #expect(CourseLoader.markdownFiles(in: root) == expected, "\(root)")
        }
        #expect(CourseLoader.markdownFiles(in: folder.path).contains("folder.md"))
    }

    @Test func filesOverTheSizeLimitAreSkippedWithAMessage() throws {
        let folder = try TemporaryFolder()
        try folder.write("SUMMARY.md", "# C\n\n- [Big](big.md)\n")
        try folder.write("big.md", String(repeating: "a", count: CourseLoader.maximumFileSize + 1))
        let diagnostics = CourseChecker.check(try CourseLoader.load(from: folder.path))
        #expect(diagnostics.map(\.rule).contains(.fileTooLarge))
    }
}
