import Courseware
import Foundation
import Gradebook
import Grading
import TestSupport
import Testing

@testable import Readiness

/// Verdicts from real attempts at the shipped tests, recorded in a real gradebook.
struct ReadinessReportTests {
    func report(_ learner: Learner) throws -> ReadinessReport {
        try ReadinessReport.load(course: Shipped.course, catalog: Shipped.catalog, book: learner.book)
    }

    @Test func withoutAttemptsEveryPlatformLacksEvidenceAndSaysWhatToPractise() throws {
        let report = try report(Learner())
        #expect(report.platforms.count == 10)
        #expect(report.platforms.allSatisfy { $0.verdict == .notEnoughEvidence && $0.nextStep.test != nil })
        #expect(report.skills.allSatisfy { $0.items == 0 && $0.estimate == nil && $0.interval == nil })
    }

    @Test func practiceAndAnExamBothCountAndSayWhichUpToTheRecentLimit() throws {
        let learner = try Learner()
        let quiz = try Shipped.test("sentiment-quiz")
        try learner.take(quiz, seed: 1) { _ in true }
        try learner.take(quiz, seed: 2) { _ in true }
        try learner.take(quiz, purpose: .exam) { _ in true }
        let sentiment = try #require(try report(learner).skills.first { $0.skillID == "sentiment" })
        // 48 items answered; the newest 40 count: the exam's 16 and the last 24 practice items.
        #expect(sentiment.items == 40 && sentiment.examItems == 16 && sentiment.practiceItems == 24)
        #expect(sentiment.estimate == 1)
        #expect(sentiment.interval == WilsonInterval.interval(successes: 40, trials: 40))
        #expect(sentiment.target == quiz.passMark)
        #expect(sentiment.verdict == .ready)
    }

    @Test func aWeakSkillMakesItsPlatformsNotYetAndNamesTheLessonBehindTheMisses() throws {
        let learner = try Learner()
        let quiz = try Shipped.test("sentiment-quiz")
        var missed: [String] = []
        for seed in [UInt64(1), 2] {
            let result = try learner.take(quiz, seed: seed) { $0 % 2 == 0 }
            missed += result.items.filter { $0.verdict != .correct }.compactMap(\.lesson)
        }
        let report = try report(learner)
        let appen = try #require(report.platforms.first { $0.id == "appen" })
        #expect(appen.verdict == .notYet)
        #expect(
            appen.reason.hasPrefix("Sentiment and text classification: 50% (95% interval 34%–66%) over 32 items, below the 80% target."))
        #expect(appen.nextStep.test == "sentiment-quiz")
        // The lesson section most of the missed items link to.
        let counts = Dictionary(missed.map { ($0, 1) }, uniquingKeysWith: +)
        let top = try #require(counts.max { $0.value < $1.value }?.key)
        let anchor = try #require(top.split(separator: "#").last.map(String.init))
        #expect(appen.nextStep.lesson?.anchor == anchor)
        #expect(appen.nextStep.lesson?.lessonID == "text-classification-and-sentiment")
        // Platforms that do not rate sentiment are untouched by it.
        #expect(report.platforms.first { $0.id == "outlier" }?.verdict == .notEnoughEvidence)
    }

    @Test func anIntervalThatStraddlesTheTargetIsBorderline() throws {
        let learner = try Learner()
        // 13 of 16 right: 81%, whose interval (57–93%) reaches both sides of the 80% pass mark.
        try learner.take(try Shipped.test("sentiment-quiz")) { $0 < 13 }
        let sentiment = try #require(try report(learner).skills.first { $0.skillID == "sentiment" })
        #expect(sentiment.verdict == .borderline)
        #expect(abs((sentiment.estimate ?? 0) - 13.0 / 16) < 1e-12)
    }

    @Test func aPlatformIsReadyOnlyWhenEverySkillIs() throws {
        let learner = try Learner()
        let categorisation = try Shipped.test("mturk-categorisation")
        for seed in [UInt64(1), 2] { try learner.take(categorisation, seed: seed) { _ in true } }
        let report = try report(learner)
        let clickworker = try #require(report.platforms.first { $0.id == "clickworker" })
        // Categorisation is ready, search relevance has no evidence yet.
        #expect(report.skills.first { $0.skillID == "categorisation" }?.verdict == .ready)
        #expect(clickworker.verdict == .notEnoughEvidence)
        #expect(clickworker.nextStep.test == "search-evaluation")
    }

    @Test func ticksAreKeptInTheGradebookAndShownInTheChecklist() throws {
        let learner = try Learner()
        try learner.book.setChecklistMark("profile", checked: true)
        try learner.book.setChecklistMark("profile", checked: true)
        try learner.book.setChecklistMark("never-pay", checked: true)
        try learner.book.setChecklistMark("never-pay", checked: false)
        let checklist = try report(learner).checklist
        #expect(checklist.filter { $0.checkedAt != nil }.map(\.id) == ["profile"])
        #expect(checklist.count == 8)
    }
}

/// What readiness reads goes through the policy's release first.
struct ReadinessReleaseTests {
    @Test func aSilentExamLendsNoLessonLinkWhilePracticeOfTheSameTestDoes() throws {
        let folder = try TemporaryFolder()
        let source = Shipped.root.appendingPathComponent("Assessments/sentiment-quiz")
        for name in ["assessment.md", "items.yaml"] {
            var text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
            text = text.replacingOccurrences(of: "show-reasons: after-each", with: "show-reasons: never")
            try folder.write("sentiment-quiz/\(name)", text)
        }
        let catalog = AssessmentCatalog(folder: folder.path)
        let test = try catalog.assessment(id: "sentiment-quiz")
        #expect(test.policy.showReasons == .never)
        let learner = try Learner()
        try learner.take(test, purpose: .exam) { _ in false }
        try learner.take(test, purpose: .practice, seed: 2) { _ in false }
        let evidence = ItemEvidence.collect(from: try learner.book.finishedAttempts(), catalog: catalog)
        #expect(evidence.count == 32)
        #expect(evidence.filter { $0.purpose == .exam }.allSatisfy { $0.lesson == nil && $0.score == 0 })
        #expect(evidence.filter { $0.purpose == .practice }.allSatisfy { $0.lesson != nil })
    }

    @Test func aBrokenReadinessFileIsRefusedWithItsErrorsLocated() throws {
        var sink = DiagnosticSink(path: "readiness.yaml")
        #expect(ReadinessMapLoader.parse("skills: [\n", path: "readiness.yaml", sink: &sink) == nil)
        #expect(sink.diagnostics.map(\.rule) == [.yamlSyntax])
        var list = DiagnosticSink(path: "readiness.yaml")
        let map = ReadinessMapLoader.parse("- just a list\n", path: "readiness.yaml", sink: &list)
        #expect(map == nil)
        #expect(
            list.diagnostics.map(\.description) == [
                "readiness.yaml:1:1: error: [invalid-value] the readiness file must be a mapping of 'key: value' lines, got a list"
            ])
    }

    @Test func aFileNamingATestThatDoesNotExistIsRefusedRatherThanShownAsNoEvidence() throws {
        let folder = try TemporaryFolder()
        let shipped = try String(contentsOf: Shipped.root.appendingPathComponent("Content/readiness.yaml"), encoding: .utf8)
        try folder.write("readiness.yaml", shipped.replacingOccurrences(of: "tests: [sentiment-quiz]", with: "tests: [sentiment-quizz]"))
        var course = Shipped.course
        course.folder = folder.path
        #expect(throws: ReadinessLoadError.self) { try ReadinessReport.loadMap(course: course, catalog: Shipped.catalog) }
        course.folder = Shipped.course.folder
        #expect(try ReadinessReport.loadMap(course: course, catalog: Shipped.catalog).skills.count == 14)
    }
}
