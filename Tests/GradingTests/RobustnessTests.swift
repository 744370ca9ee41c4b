import Courseware
import TestSupport
import Testing

@testable import Grading

/// Hostile or broken input is reported, never a crash or a hang.
struct RobustnessTests {
    @Test func deeplyNestedYAMLIsASyntaxError() {
        let lines = diagnostics(String(repeating: "[", count: 5_000))
        #expect(lines.count == 1)
        #expect(lines.first?.contains("[yaml-syntax]") == true)
    }

    @Test func aliasBombsAreRefusedBeforeTheyExpand() {
        var yaml = "- &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            yaml += "- &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(
            diagnostics(yaml) == [
                "items.yaml:1:1: error: [yaml-syntax] the YAML expands to more than 200000 values (through aliases?); write the values out or split the file"
            ])
    }

    @Test func invalidUTF8IsReportedAtItsPosition() throws {
        let folder = try TemporaryFolder()
        try folder.write("a/assessment.md", basicFrontMatter)
        let bytes: [UInt8] = Array("- id: q1\n  kind: numeric\n  prompt: caf".utf8) + [0xFF] + Array("\n  answer: 1\n  reason: r\n".utf8)
        try folder.write("a/items.yaml", bytes: bytes)
        let lines = AssessmentLoader().load(folder: folder.path + "/a").diagnostics.map(\.description)
        #expect(lines == ["\(folder.path)/a/items.yaml:3:14: error: [invalid-value] the file is not valid UTF-8 here; save it as UTF-8"])
    }

    @Test(arguments: ["", "   \n", "42", "title: not a list", "- just text", "- [1, 2]", "- {}"])
    func itemsFilesOfTheWrongShapeAreReportedNotFatal(text: String) {
        let loaded = loadInline(text)
        #expect(!loaded.errors.isEmpty)
        #expect(loaded.assessment?.items.isEmpty == true)
    }

    @Test func tooManyAnswerElementsAreRefused() throws {
        let boxes = try Fixtures.assessment("street-boxes").items[0]
        let many =
            "["
            + Array(repeating: "{\"label\": \"car\", \"x\": 1, \"y\": 1, \"width\": 1, \"height\": 1}", count: 501).joined(separator: ",")
            + "]"
        #expect(throws: AnswerShapeError("has 501 entries; at most 500 are accepted")) { try response(many, for: boxes) }
    }

    @Test func aGoldListLongerThanAnAnswerMayBeIsRefusedBeforeItIsReplayed() {
        // Found by scripts/fuzz: 2,048 gold spans took 46 s to check, matching being cubic.
        let spans = Array(repeating: "    - {text: Z, label: ORG}", count: 501).joined(separator: "\n")
        let items = "- id: s1\n  kind: spans\n  prompt: P\n  text: Z\n  labels: [ORG]\n  reason: R\n  answer:\n\(spans)\n"
        #expect(
            diagnostics(items) == [
                "items.yaml:8:5: error: [invalid-value] the gold 'answer' of item 's1' has 501 entries; at most 500 are accepted"
            ])
    }

    @Test func aHugeTranscriptIsRefused() throws {
        let item = try Fixtures.assessment("transcripts").items[0]
        let long = String(repeating: "word ", count: 5_000)
        #expect(throws: AnswerShapeError("the transcript is 25000 characters long; at most 20000 are accepted")) {
            try response("\"\(long)\"", for: item)
        }
    }

    @Test func aResponseOfAnotherKindScoresZeroInsteadOfTrapping() throws {
        let item = try Fixtures.assessment("street-boxes").items[0]
        let result = item.score(.rating(3))
        #expect(result.score == 0)
        #expect(result.feedback == ["This answer is a rating answer, but the item is a boxes item."])
    }

    @Test func zeroSizedAndOverlappingLearnerBoxesStillScore() throws {
        let item = try Fixtures.assessment("street-boxes").items[0]
        let result = try score(
            """
            [{"label": "car", "x": 100, "y": 200, "width": 0, "height": 0},
             {"label": "car", "x": 100, "y": 200, "width": 200, "height": 100},
             {"label": "car", "x": 100, "y": 200, "width": 200, "height": 100}]
            """, item)
        #expect(close(result.score, 2.0 / 5.0))
    }
}
