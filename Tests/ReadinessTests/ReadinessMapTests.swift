import Courseware
import Grading
import Testing

@testable import Readiness

/// The readiness file: read with every mistake located, and checked against the course and
/// the practice tests.
struct ReadinessMapTests {
    @Test func theShippedFileChecksCleanAndCoversTheTenPlatformsTheCourseDescribes() throws {
        let (map, diagnostics) = ReadinessMapLoader.load(courseFolder: Shipped.course.folder)
        let loaded = try #require(map)
        #expect(diagnostics.isEmpty)
        #expect(ReadinessMapChecker.check(loaded, course: Shipped.course, catalog: Shipped.catalog).isEmpty)
        #expect(
            loaded.platforms.map(\.id) == [
                "dataannotation", "outlier", "alignerr", "pareto", "appen", "mturk", "clickworker", "prolific", "remotasks", "toloka",
            ])
        #expect(loaded.platforms.allSatisfy { !$0.skills.isEmpty && !$0.asOf.isEmpty })
        #expect(loaded.platforms.filter { $0.known == .little }.map(\.id) == ["alignerr", "pareto", "prolific"])
    }

    @Test func everyMistakeIsReportedAtItsLineAndColumnWithTheClosestName() throws {
        let text = """
            skills:
              - id: sentiment
                title: Sentiment
                tests: [sentiment-quizz]
                lesson: text-classification-and-sentiment#sentimnt
              - id: boxes
                title: Boxes
                tests: [street-boxes]
                concepts: [tight-box]
                lesson: bounding-box#tight-boxes
              - id: boxes
                title: Boxes again
                tests: [street-boxes]
            platforms:
              - id: mturk
                name: Mechanical Turk
                as-of: "2025"
                known: somewhat
                about: Qualification tests.
                skills: [boxs]
            checklist:
              - id: profile
                txt: Fill in your profile.
            """
        var sink = DiagnosticSink(path: "readiness.yaml")
        let map = try #require(ReadinessMapLoader.parse(text, path: "readiness.yaml", sink: &sink))
        let all = sink.diagnostics + ReadinessMapChecker.check(map, course: Shipped.course, catalog: Shipped.catalog)
        #expect(
            all.map(\.description).sorted()
                == [
                    "readiness.yaml:11:5: error: [duplicate-id] skill id 'boxes' is already used at line 6; give each skill its own id",
                    "readiness.yaml:18:12: error: [invalid-value] 'known' of platform 'mturk' must be well, partly or little, got 'somewhat'",
                    "readiness.yaml:22:5: error: [missing-key] a checklist entry has no 'text'; say what to do, in one sentence",
                    "readiness.yaml:23:5: warning: [unknown-key] unknown key 'txt' in a checklist entry is ignored; did you mean 'text'?",
                    "readiness.yaml:4:13: error: [unknown-test] skill 'sentiment' names practice test 'sentiment-quizz', which '\(Shipped.catalog.folder)' does not have; did you mean 'sentiment-quiz'?",
                    "readiness.yaml:5:13: error: [missing-anchor] lesson 'text-classification-and-sentiment' has no heading '#sentimnt'; did you mean '#sentiment'?",
                    "readiness.yaml:9:16: error: [unknown-concept] no item of the tests of skill 'boxes' is tagged 'tight-box', so it would count nothing; did you mean 'tight-boxes'?",
                    "readiness.yaml:10:13: error: [unknown-lesson] no lesson with id 'bounding-box'; did you mean 'bounding-boxes'?",
                ].sorted())
    }

    @Test func aPlatformIsFoundByIdOrByPartOfItsName() throws {
        let map = try #require(ReadinessMapLoader.load(courseFolder: Shipped.course.folder).map)
        #expect(map.platform(named: "Appen")?.id == "appen")
        #expect(map.platform(named: "mechanical turk")?.id == "mturk")
        #expect(map.platform(named: "Scale")?.id == "remotasks")
        #expect(map.platform(named: "app") == nil)
    }
}
