import Foundation
import Testing

@testable import Grading

/// A cohort summary grades with ``GradingDetail/scores``: every number it prints must be the
/// full report's, and grading many sheets at once must give what grading them one by one gives.
struct GradingDetailTests {
    /// The shipped answers files of a test, and a mix of them: gold for even items, the
    /// beginner's for odd ones, nothing for every third, so every verdict occurs.
    static func sheets(_ folder: String, _ assessment: Assessment) throws -> [AnswerSheet] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/answers").filter { $0.hasSuffix(".json") }.sorted()
        let shipped = try files.map { try AnswerSheet.load(path: folder + "/answers/" + $0, for: assessment) }
        var mixed = AnswerSheet(assessmentID: assessment.id, learner: "mixed", responses: [:])
        for (index, item) in assessment.items.enumerated() where index % 3 != 2 {
            mixed.responses[item.id] = shipped[index % shipped.count].responses[item.id]
        }
        return shipped + [mixed]
    }

    @Test(arguments: ShippedAssessmentTests.folders)
    func scoresOnlyGivesEveryNumberOfTheFullResult(folder: String) throws {
        let assessment = try ShippedAssessmentTests.load(folder)
        for sheet in try Self.sheets(folder, assessment) {
            let full = Grader().grade(sheet, for: assessment)
            let summary = Grader().grade(sheet, for: assessment, detail: .scores)
            #expect(summary.score == full.score)
            #expect(summary.passed == full.passed)
            #expect(summary.failedBecause == full.failedBecause)
            #expect(summary.counts == full.counts)
            #expect(summary.sections == full.sections)
            #expect(summary.concepts == full.concepts)
            #expect(summary.items.map(\.id) == full.items.map(\.id))
            #expect(summary.items.map(\.score) == full.items.map(\.score))
            #expect(summary.items.map(\.verdict) == full.items.map(\.verdict))
            #expect(summary.items.map(\.penalty) == full.items.map(\.penalty))
            #expect(summary.items.allSatisfy { $0.feedback.isEmpty && $0.response == nil && $0.gold == nil && $0.details == nil })
            #expect(summary.hints.isEmpty)
        }
    }

    @Test func gradingManySheetsKeepsTheirOrderAndResults() throws {
        let folder = ShippedAssessmentTests.folders.first { $0.hasSuffix("/named-entities") }!
        let assessment = try ShippedAssessmentTests.load(folder)
        let base = try Self.sheets(folder, assessment)
        let sheets = (0..<60).map { index in
            var sheet = base[index % base.count]
            sheet.learner = "learner \(index)"
            return sheet
        }
        #expect(Grader().grade(sheets, for: assessment) == sheets.map { Grader().grade($0, for: assessment) })
    }
}
