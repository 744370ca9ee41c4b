import Foundation
import Testing

@testable import Grading

struct AnswerFolderTests {
    private func folder(_ files: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    private func sheet(_ learner: String?, _ answer: String, origin: String = "") -> String {
        let name = learner.map { "\"learner\": \"\($0)\", " } ?? ""
        return "{\"assessment\": \"mentor-trial\", \(name)\(origin)\"answers\": {\"s1\": \"\(answer)\"}}"
    }

    @Test func aLearnerNamedTwiceIsKeptOnceAsTheLatestAttempt() throws {
        let test = try CohortFixture.assessment()
        let later = "\"attempt\": 9, \"startedAt\": \"2026-05-02T09:00:00Z\", \"finishedAt\": \"2026-05-02T09:20:00Z\", "
        let earlier = "\"attempt\": 3, \"startedAt\": \"2026-05-01T09:00:00Z\", \"finishedAt\": \"2026-05-01T09:20:00Z\", "
        let path = try folder([
            "a.json": sheet("ana", "NEGATIVE", origin: later), "b.json": sheet("ana", "POSITIVE", origin: earlier),
            "c.json": sheet("ben", "POSITIVE"), "d.json": sheet(nil, "POSITIVE"), "e.json": sheet(nil, "POSITIVE"),
        ])
        let loaded = try AnswerFolder.load(path, for: test)
        #expect(loaded.entries.map(\.learner) == ["ana", "ben", "d", "e"])
        #expect(loaded.entries[0].sheet.responses["s1"] == .singleChoice("NEGATIVE"))
        #expect(loaded.entries[0].sheet.origin?.attempt == 9)
        #expect(
            loaded.duplicates.map(\.description) == [
                "learner 'ana' is named by 2 files; keeping \(path)/a.json (the latest attempt), leaving out \(path)/b.json"
            ])
    }

    @Test func withoutDatesTheLastFileInNameOrderIsKept() throws {
        let test = try CohortFixture.assessment()
        let path = try folder(["1.json": sheet("ana", "NEGATIVE"), "2.json": sheet("ana", "POSITIVE")])
        let loaded = try AnswerFolder.load(path, for: test)
        #expect(loaded.entries.map(\.file) == ["\(path)/2.json"])
        #expect(loaded.duplicates.first?.byDate == false)
    }

    @Test func aBrokenFileIsAProblemNotTheEndOfTheCohort() throws {
        let test = try CohortFixture.assessment()
        let bad = "\"attempt\": 0, \"startedAt\": \"yesterday\", "
        let path = try folder(["ok.json": sheet("ana", "POSITIVE"), "bad.json": sheet("ben", "POSITIVE", origin: bad)])
        let loaded = try AnswerFolder.load(path, for: test)
        #expect(loaded.entries.map(\.learner) == ["ana"])
        #expect(
            loaded.problems.map(\.description) == [
                "\(path)/bad.json: \"attempt\" must be a whole attempt number from 1, got a number"
            ])
        #expect(throws: AnswerSheetError(path: path + "/none", problems: ["cannot be listed; check that it is a folder you may read"])) {
            try AnswerFolder.load(path + "/none", for: test)
        }
    }

    @Test func anExportedSheetKeepsItsOriginThroughATextRoundTrip() throws {
        let test = try CohortFixture.assessment()
        var sheet = AnswerSheet(assessmentID: "mentor-trial", learner: "ana", responses: ["s1": .singleChoice("MIXED")])
        sheet.origin = AnswerSheetOrigin(
            attempt: 12, startedAt: Date(timeIntervalSince1970: 1_800_000_000), finishedAt: Date(timeIntervalSince1970: 1_800_000_600),
            purpose: .practice)
        let read = try AnswerSheet.decode(Array(sheet.jsonText().utf8), path: "a.json", for: test)
        #expect(read == sheet)
        #expect(sheet.jsonText().contains("\"startedAt\" : \"2027-01-15T08:00:00Z\""))
    }
}
