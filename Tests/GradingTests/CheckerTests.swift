import Courseware
import Foundation
import TestSupport
import Testing

@testable import Grading

struct CheckerTests {
    func check(_ items: String, assessment: String = basicFrontMatter) throws -> [String] {
        let loaded = loadInline(items, assessment: assessment)
        #expect(loaded.errors.map(\.description) == [])
        let parsed = try #require(loaded.assessment)
        return AssessmentChecker(checkLessonLinks: false).check(parsed).map(\.description)
    }

    /// The checker's lines for `folder/Assessments/a`, the temporary folder's path shown as TMP.
    func checkedLines(of folder: TemporaryFolder, course: Course? = nil) -> [String] {
        AssessmentChecker(course: course).check(folder: folder.path + "/Assessments/a").map {
            $0.description.replacingOccurrences(of: folder.path, with: "TMP")
        }
    }

    @Test func goldThatItsOwnScorerDoesNotGiveFullCreditIsReported() throws {
        let yaml = "- id: q1\n  kind: single-choice\n  prompt: Which?\n  options: [A, B]\n  answer: {A: 0.5}\n  reason: Half.\n"
        #expect(
            try check(yaml) == [
                "items.yaml:1:3: error: [gold-not-full-credit] the gold answer of item 'q1' scores 50% when replayed: You chose 'A', which earns 50%; the best answer is 'A'. — give the best answer full credit or loosen the item's threshold"
            ])
    }

    @Test func aPassMarkThatTheBestAnswersCannotReachIsReported() throws {
        let front = "---\ntitle: Test\npass-mark: 90%\n---\n"
        let yaml = """
            - id: q1
              kind: single-choice
              prompt: Which?
              options: [A, B]
              answer: A
              reason: A.
            - id: q2
              kind: single-choice
              prompt: Which?
              options: [A, B]
              answer: {A: 0.5}
              reason: A is only half right.
            """
        let lines = try check(yaml, assessment: front)
        #expect(
            lines.contains(
                "assessment.md:3:12: error: [pass-mark-unreachable] pass mark 90% cannot be reached: the best possible answers score 75%; lower the pass mark or fix the items whose gold earns less than 100%"
            ))
    }

    @Test func anEmptyAnswerThatEarnsCreditIsAWarningUnlessItIsTheGold() throws {
        let transcript = "- id: t1\n  kind: transcription\n  prompt: Type.\n  answer: \"\"\n  reason: Silence.\n"
        #expect(try check(transcript) == [])
        let choice = "- id: m1\n  kind: multiple-choice\n  prompt: Which?\n  options: [A, B]\n  answer: {A: 1, B: -1}\n  reason: A.\n"
        #expect(try check(choice) == [])
    }

    @Test func aCriticalItemThatCannotBeFullyCorrectBlocksEveryAttempt() throws {
        let front = "---\ntitle: Test\npass-mark: 10%\npolicy:\n  critical-items: [q1]\n---\n"
        let yaml = "- id: q1\n  kind: single-choice\n  prompt: Which?\n  options: [A, B]\n  answer: {A: 0.5}\n  reason: Half.\n"
        let lines = try check(yaml, assessment: front)
        #expect(
            lines.contains(
                "assessment.md:3:12: error: [pass-mark-unreachable] critical item 'q1' can score at most 50%, so no attempt can pass; fix its gold"
            ))
    }

    @Test func brokenLessonLinksAndMissingMediaAreReportedWithTheirPositions() throws {
        let folder = try TemporaryFolder()
        try folder.write("Content/boxes.md", "---\ntitle: Boxes\n---\n# Boxes\n\n## Tight boxes\n\nText.\n")
        try folder.write("Assessments/a/assessment.md", basicFrontMatter)
        try folder.write(
            "Assessments/a/items.yaml",
            """
            - id: b1
              kind: boxes
              prompt: Box it.
              size: [10, 10]
              labels: [car]
              answer: []
              reason: Nothing.
              lesson: ../../Content/boxes.md#tight-boxs
            - id: b2
              kind: boxes
              prompt: Box it.
              size: [10, 10]
              labels: [car]
              answer: []
              reason: Nothing.
              lesson: ../../Content/nope.md
            - id: b3
              kind: boxes
              prompt: Box it.
              image: missing.png
              size: [10, 10]
              labels: [car]
              answer: []
              reason: Nothing.
              lesson: ../../Content/boxes.md#tight-boxes
            """)
        let lines = checkedLines(of: folder)
        #expect(
            lines == [
                "TMP/Assessments/a/items.yaml:8:11: error: [broken-lesson-link] lesson '../../Content/boxes.md' of item 'b1' has no heading '#tight-boxs' (did you mean '#tight-boxes'?); its headings are #boxes, #tight-boxes",
                "TMP/Assessments/a/items.yaml:16:11: error: [broken-lesson-link] lesson '../../Content/nope.md' of item 'b2' does not exist (looked for TMP/Content/nope.md); fix the path relative to the assessment folder",
                "TMP/Assessments/a/items.yaml:20:10: error: [missing-media] media file 'missing.png' of item 'b3' is not in TMP/Assessments/a; put it beside items.yaml or fix the name",
            ])
    }

    /// Each linked file is read once per assessment: a later link to the same file is still
    /// checked against its headings, and a second link to a missing file is still reported.
    @Test func everyLinkToTheSameLessonFileIsChecked() throws {
        let folder = try TemporaryFolder()
        try folder.write("Content/boxes.md", "# Boxes\n\n## Tight boxes\n\nText.\n")
        try folder.write("Assessments/a/assessment.md", basicFrontMatter)
        let links = ["boxes.md#tight-boxes", "boxes.md#loose-boxes", "nope.md#x", "nope.md"]
        let items = links.enumerated().map { index, link in
            "- id: q\(index + 1)\n  kind: single-choice\n  prompt: Which?\n  options: [A, B]\n  answer: A\n  reason: A.\n"
                + "  lesson: ../../Content/\(link)\n"
        }
        try folder.write("Assessments/a/items.yaml", items.joined())
        let lines = checkedLines(of: folder)
        #expect(
            lines == [
                "TMP/Assessments/a/items.yaml:14:11: error: [broken-lesson-link] lesson '../../Content/boxes.md' of item 'q2' has no heading '#loose-boxes'; its headings are #boxes, #tight-boxes",
                "TMP/Assessments/a/items.yaml:21:11: error: [broken-lesson-link] lesson '../../Content/nope.md' of item 'q3' does not exist (looked for TMP/Content/nope.md); fix the path relative to the assessment folder",
                "TMP/Assessments/a/items.yaml:28:11: error: [broken-lesson-link] lesson '../../Content/nope.md' of item 'q4' does not exist (looked for TMP/Content/nope.md); fix the path relative to the assessment folder",
            ])
    }

    /// `lesson: boxes#tight-boxes` names a lesson by its id, checked against the course.
    @Test func lessonLinksMayNameALessonByItsId() throws {
        let folder = try TemporaryFolder()
        try folder.write("Content/SUMMARY.md", "# Course\n\n- [Boxes](boxes.md)\n")
        try folder.write("Content/boxes.md", "---\ntitle: Boxes\n---\n# Boxes\n\n## Tight boxes\n\nText.\n")
        try folder.write("Assessments/a/assessment.md", basicFrontMatter)
        var items = ""
        for (n, link) in ["boxes#tight-boxes", "boxes", "boxs#tight-boxes", "boxes#loose"].enumerated() {
            items += "- id: b\(n + 1)\n  kind: boxes\n  prompt: Box it.\n  size: [10, 10]\n  labels: [car]\n  answer: []\n"
            items += "  reason: Nothing.\n  lesson: \(link)\n"
        }
        try folder.write("Assessments/a/items.yaml", items)
        let course = try CourseLoader.load(from: folder.path + "/Content")
        let lines = checkedLines(of: folder, course: course)
        #expect(
            lines == [
                "TMP/Assessments/a/items.yaml:24:11: error: [broken-lesson-link] item 'b3' links to lesson 'boxs', which the course does not have ('groundwork lessons' lists the ids); did you mean 'boxes'?",
                "TMP/Assessments/a/items.yaml:32:11: error: [broken-lesson-link] lesson 'boxes' of item 'b4' has no heading '#loose'; its headings are #boxes, #tight-boxes",
            ])
        let withoutCourse = AssessmentChecker().check(folder: folder.path + "/Assessments/a").map(\.description)
        #expect(withoutCourse.count == 4 && withoutCourse.allSatisfy { $0.contains("is named by id, which needs the course to check") })
        let links = CourseLinks(course: course)
        #expect(links.resolve("boxes#tight-boxes", from: folder.path + "/Assessments/a") == .lesson(id: "boxes", anchor: "tight-boxes"))
        #expect(links.resolve("boxs", from: folder.path + "/Assessments/a") == .other("boxs"))
    }

    @Test func aMissingFolderIsReportedNotACrash() {
        let lines = AssessmentChecker().check(folder: "/nonexistent/assessment").map(\.description)
        #expect(
            lines == [
                "/nonexistent/assessment/assessment.md: error: [unreadable-file] cannot read '/nonexistent/assessment/assessment.md'; an assessment folder needs assessment.md and items.yaml",
                "/nonexistent/assessment/items.yaml: error: [unreadable-file] cannot read '/nonexistent/assessment/items.yaml'; an assessment folder needs assessment.md and items.yaml",
            ])
    }
}
