import Foundation
import Testing

@testable import Grading

/// Report JSON version 4 against docs/report.schema.json, the docs and older stored reports.
struct ReportSchemaTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let schemaURL = repository.appendingPathComponent("docs/report.schema.json")

    func validator() throws -> ReportSchemaValidator { try ReportSchemaValidator(schema: Data(contentsOf: Self.schemaURL)) }

    func json(_ result: AttemptResult) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(result.jsonText().utf8))
    }

    /// Gold answers and a blank sheet of every shipped assessment, as graded and as released
    /// to the learner, plus the example answer sheets of the test fixtures.
    static var reports: [(String, AttemptResult)] {
        var reports: [(String, AttemptResult)] = []
        for folder in ShippedAssessmentTests.folders {
            guard let assessment = AssessmentLoader().load(folder: folder).assessment else { continue }
            var gold: [String: ItemResponse] = [:]
            for item in assessment.items { gold[item.id] = item.content.goldResponses.first }
            for (name, sheet) in [("gold", gold), ("blank", [:])] {
                let result = Grader().grade(AnswerSheet(assessmentID: assessment.id, responses: sheet), for: assessment)
                reports.append(("\(assessment.id) \(name)", result))
                reports.append(("\(assessment.id) \(name) released", result.released(for: assessment.policy, stage: .finished)))
            }
        }
        for id in Fixtures.assessmentIDs {
            let folder = Fixtures.assessmentFolder(id)
            guard let assessment = try? AssessmentLoader().loadChecked(folder: folder) else { continue }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder + "/answers")) ?? [] {
                guard let sheet = try? AnswerSheet.load(path: folder + "/answers/" + name, for: assessment) else { continue }
                reports.append(("\(id) \(name)", Grader().grade(sheet, for: assessment)))
            }
        }
        return reports
    }

    @Test func everyReportOfTheShippedTestsMatchesTheSchema() throws {
        let validator = try validator()
        let reports = Self.reports
        #expect(reports.count >= 4 * ShippedAssessmentTests.folders.count)
        // scripts/fixtures/validate_reports.py checks the same files with the jsonschema package.
        let out = ProcessInfo.processInfo.environment["GROUNDWORK_REPORTS_OUT"]
        for (name, result) in reports {
            #expect(validator.errors(in: try json(result)) == [], "\(name)")
            if let out {
                try result.jsonText().write(
                    toFile: out + "/" + name.replacingOccurrences(of: " ", with: "_") + ".json", atomically: true, encoding: .utf8)
            }
        }
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let validator = try validator()
        let result = Grader().grade(
            AnswerSheet(assessmentID: "street-boxes", responses: [:]), for: try Fixtures.assessment("street-boxes"))
        guard case .object(var report) = try json(result), case .array(var items) = report["items"],
            case .object(var item) = items.first
        else { throw ShapeError() }
        #expect(validator.errors(in: .object(report)) == [])
        var broken = report
        broken["version"] = .number(3)
        #expect(!validator.errors(in: .object(broken)).isEmpty)
        broken = report
        broken["format"] = .number(3)
        #expect(validator.errors(in: .object(broken)) == ["$: format is not allowed"])
        broken = report
        broken["score"] = .string("1")
        #expect(!validator.errors(in: .object(broken)).isEmpty)
        item["metrics"] = .object(["mean iou": .number(0.5)])
        items[0] = .object(item)
        report["items"] = .array(items)
        #expect(validator.errors(in: .object(report)).contains { $0.contains("mean iou") })
        item["metrics"] = .object(["mean_iou": .null])
        item.removeValue(forKey: "settings")
        items[0] = .object(item)
        report["items"] = .array(items)
        #expect(validator.errors(in: .object(report)) == ["$.items[0]: missing settings"])
    }

    struct ShapeError: Error {}

    @Test func theSchemaListsEveryIdAndTheDocsDescribeEach() throws {
        let schema = try String(contentsOf: Self.schemaURL, encoding: .utf8)
        let docs = try String(contentsOf: Self.repository.appendingPathComponent("docs/grading.md"), encoding: .utf8)
        let ids = MetricID.allCases.map(\.rawValue) + SettingID.allCases.map(\.rawValue) + CountID.allCases.map(\.rawValue)
        for id in ids {
            #expect(schema.contains("\"\(id)\""), "\(id) is not in the schema")
            #expect(docs.contains("`\(id)`"), "\(id) is not in docs/grading.md")
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(id) is not snake_case")
        }
    }

    @Test func anUndefinedMetricIsPresentAsNull() throws {
        let loaded = loadInline(
            """
            - id: r1
              kind: ranking
              prompt: Order them.
              candidates:
                - {id: a, text: A}
                - {id: b, text: B}
              answer: {a: 1, b: 1}
              reason: Both are as good.
            """)
        let assessment = try #require(loaded.assessment)
        let answer = try response(#"["a", "b"]"#, for: assessment.items[0])
        let result = Grader().grade(AnswerSheet(assessmentID: assessment.id, responses: ["r1": answer]), for: assessment)
        #expect(result.items[0].metrics[.kendallTau]?.isNaN == true)
        #expect(result.jsonText().contains(#""kendall_tau" : null"#))
        #expect(try validator().errors(in: try json(result)) == [])
    }

    @Test(arguments: ["street-boxes-format1.json", "street-boxes-format3.json"])
    func aStoredReportOfAnOlderFormatLoadsAndShows(file: String) throws {
        let data = try Data(contentsOf: Fixtures.folder.appendingPathComponent("Reports/" + file))
        let stored = try JSONDecoder().decode(AttemptResult.self, from: data)
        let item = try #require(stored.items.first)
        // Before version 4 the mean IoU was left out when no pair counted; it is not invented.
        #expect(item.metrics.map(\.id) == [.f1, .precision, .recall])
        #expect(item.metrics[.f1] == 0)
        #expect(try validator().errors(in: try json(stored)) == [])
        let report = ReportRenderer(width: 80).render(stored)
        #expect(report.contains("NOT PASSED"))
        #expect(report.contains("Box 1 ('car') is 100 px too wide on the left"))
    }

    @Test func aReportFromANewerVersionIsRefused() throws {
        var text = try String(contentsOf: Fixtures.folder.appendingPathComponent("Reports/street-boxes.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""version" : 4"#, with: #""version" : 99"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AttemptResult.self, from: Data(text.utf8)) }
    }
}
