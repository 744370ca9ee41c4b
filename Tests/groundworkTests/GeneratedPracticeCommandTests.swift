import Foundation
import Testing

/// `practice --generated`: fresh items recorded as practice, shown again by `report`, and
/// missed ones brought back by `review` as fresh variants.
extension CommandLineTests {
    /// A folder of tests holding one entity test (spans, which the terminal answers) beside
    /// the fixtures' quiz (single choice, no generator) and boxes (drawn).
    func generatedFixtures() throws -> String {
        let folder = dataDirectory + "-tests"
        let fileManager = FileManager.default
        for id in ["quiz", "boxes"] where !fileManager.fileExists(atPath: folder + "/" + id) {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try fileManager.copyItem(atPath: Self.assessments + "/" + id, toPath: folder + "/" + id)
        }
        try fileManager.createDirectory(atPath: folder + "/entities", withIntermediateDirectories: true)
        try "---\ntitle: Entities\npass-mark: 80%\n---\nMark the entities.\n".write(
            toFile: folder + "/entities/assessment.md", atomically: true, encoding: .utf8)
        try """
        - id: s1
          kind: spans
          prompt: Mark the people.
          text: Ana met Bo.
          labels: [PERSON]
          answer: [{text: Ana, label: PERSON}, {text: Bo, label: PERSON}]
          reason: Both are people.
        """.write(toFile: folder + "/entities/items.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    func reportItemIDs(_ tests: String, environment: [String: String]) throws -> [String] {
        let json = try run(["report", "--format", "json", "--assessments", tests], environment: environment)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        return (report["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func freshItemsArePractisedRecordedAndMissedOnesComeBackAsFreshVariants() throws {
        let tests = try generatedFixtures()
        let day1 = ["GROUNDWORK_NOW": "2026-03-01T10:00:00Z"]
        let first = try run(
            ["practice", "entities", "--generated", "--assessments", tests, "--seed", "5"],
            input: String(repeating: "none\n", count: 10), environment: day1)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Entities — fresh items"))
        #expect(first.stdout.contains("\nItem 10 of 10\n"))
        #expect(first.stdout.contains("'groundwork practice\nentities --generated' again draws afresh"))
        let missed = try reportItemIDs(tests, environment: day1)
        #expect(missed.count == 10 && missed.allSatisfy { $0.hasSuffix(".sentences") })
        let report = try run(["report", "--assessments", tests], environment: day1)
        #expect(report.stdout.contains("Why: The sentence was written around its entities"))
        #expect(!report.stdout.contains("groundwork contest"), "a generated gold has no author to contest it with")
        let contest = try run(["contest", "1", missed[0], "--reason", "wrong", "--assessments", tests], environment: day1)
        #expect(contest.status == 2)
        #expect(contest.stderr.contains("a generated item's gold is exact by construction"))
        let history = try run(["history", "--assessments", tests], environment: day1)
        #expect(history.stdout.contains("entities.generated  Entities — fresh items"))

        let day2 = ["GROUNDWORK_NOW": "2026-03-02T10:00:00Z"]
        let review = try run(["review", "--assessments", tests], environment: day2)
        #expect(review.stdout.contains("10 items to review"))
        #expect(review.stdout.contains("groundwork practice entities --generated"))
        let again = try run(
            ["practice", "entities", "--generated", "--assessments", tests, "--seed", "6"],
            input: String(repeating: "none\n", count: 10), environment: day2)
        #expect(again.status == 0, "\(again.stderr)")
        // The same items under new sentences: answering a variant reviews the item it stands for.
        #expect(Set(try reportItemIDs(tests, environment: day2)) == Set(missed))
        #expect(!again.stdout.contains(first.stdout.split(separator: "\n").first { $0.contains("[1]") } ?? "-"))
    }

    @Test func aTestWithoutAGeneratorOrWithDrawnItemsIsRefusedPlainly() throws {
        let tests = try generatedFixtures()
        let quiz = try run(["practice", "quiz", "--generated", "--assessments", tests])
        #expect(quiz.status == 2)
        #expect(
            quiz.stderr
                == "groundwork: no generator makes fresh items for 'quiz': it asks single-choice items, and generators make boxes, polygons, keypoints, spans, transcription, time-segments\n"
        )
        let boxes = try run(["practice", "boxes", "--generated", "--assessments", tests])
        #expect(boxes.status == 2)
        #expect(boxes.stderr.contains("which the terminal cannot do; take it in the web app ('groundwork serve')"))
        #expect(boxes.stderr.contains("'groundwork practice boxes --generated --answers FILE'"))
    }
}
