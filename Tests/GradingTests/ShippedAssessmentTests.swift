import Courseware
import Foundation
import Testing

@testable import Grading

/// The practice tests that ship in `Assessments/`: all clean, all kinds covered, and each one
/// scoring its own gold answers 100% and a blank answer sheet 0.
struct ShippedAssessmentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Assessments").path

    static var folders: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.sorted().map { root + "/" + $0 }.filter { FileManager.default.fileExists(atPath: $0 + "/assessment.md") }
    }

    static func load(_ folder: String) throws -> Assessment {
        let loaded = AssessmentLoader().load(folder: folder)
        #expect(loaded.diagnostics.map(\.description) == [])
        return try #require(loaded.assessment)
    }

    @Test func thereAreAtLeastTenCoveringEveryItemKind() throws {
        let assessments = try Self.folders.map(Self.load)
        #expect(assessments.count >= 10)
        let kinds = Set(assessments.flatMap { $0.items.map(\.kind) })
        #expect(kinds == Set(ItemKind.allCases))
        for assessment in assessments {
            // Written answers take minutes each, as in the screenings of AI-training platforms,
            // so a test with them may be as short as four items; any other has 10 to 30.
            let minimum = assessment.items.contains { $0.kind == .rubric } ? 4 : 10
            #expect((minimum...30).contains(assessment.items.count), "\(assessment.id) has \(assessment.items.count) items")
        }
    }

    @Test(arguments: folders)
    func checksCleanWithGoldAtFullMarksAndBlankAtZero(folder: String) throws {
        #expect(AssessmentChecker().check(folder: folder).map(\.description) == [])
        let assessment = try Self.load(folder)
        var gold: [String: ItemResponse] = [:]
        for item in assessment.items {
            let responses = item.content.goldResponses
            #expect(!responses.isEmpty, "\(item.id) has no gold response")
            gold[item.id] = responses.first
        }
        let perfect = Grader().grade(AnswerSheet(assessmentID: assessment.id, responses: gold), for: assessment)
        #expect(abs(perfect.score - 1) < 1e-9, "\(assessment.id): gold scores \(perfect.score)")
        #expect(perfect.passed)
        let blank = Grader().grade(AnswerSheet(assessmentID: assessment.id, responses: [:]), for: assessment)
        #expect(blank.score == 0)
        #expect(!blank.passed)
    }
}
