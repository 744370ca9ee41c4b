import Foundation
import Interop
import TestSupport
import Testing

/// Broken files give one located error, never a crash and never a half-written test.
struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var format: InteropFormat
        var text: String
        var expected: String
        var testDescription: String { expected }
    }

    static let cases: [Case] = [
        Case(format: .coco, text: "{\"images\": [\n  {\"id\": 1,, }]}", expected: "bad:2:12: error: is not valid JSON"),
        Case(
            format: .coco, text: #"{"images": [{"id": 1, "width": "640", "height": 480}], "categories": [], "annotations": []}"#,
            expected: "bad: $.images[0].width: error: must be a number, got a string"),
        Case(
            format: .coco,
            text:
                #"{"images": [{"id": 1, "width": 640, "height": 480}], "categories": [{"id": 1, "name": "car"}], "annotations": [{"image_id": 1, "category_id": 7, "bbox": [0, 0, 1, 1]}]}"#,
            expected: "bad: $.annotations[0].category_id: error: names category 7, which is not among the categories (1 (car))"),
        Case(
            format: .coco,
            text:
                #"{"images": [{"id": 1, "width": 640, "height": 480}], "categories": [{"id": 1, "name": "car"}], "annotations": [{"image_id": 2, "category_id": 1}]}"#,
            expected: "bad: $.annotations[0].image_id: error: names image 2, which is not in $.images"),
        Case(
            format: .coco,
            text:
                #"{"images": [{"id": 1, "width": 640, "height": 480}], "categories": [{"id": 1, "name": "p", "keypoints": ["nose"]}], "annotations": [{"image_id": 1, "category_id": 1, "keypoints": [1, 2]}]}"#,
            expected: "bad: $.annotations[0].keypoints: error: holds 2 numbers; category 'p' names 1 keypoints"),
        Case(
            format: .coco, text: #"{"images": [{"id": 1e300, "width": 640, "height": 480}], "categories": [], "annotations": []}"#,
            expected: "bad: $.images[0].id: error: is 1e+300; numbers from -10^12 to 10^12 are accepted"),
        Case(format: .coco, text: #"[{"image_id": 1}]"#, expected: "bad: $: error: is a list of COCO results"),
        Case(
            format: .labelstudio, text: #"[{"data": {}, "annotations": [{"result": [{"type": "choices", "value": {}}]}]}]"#,
            expected: "bad: $[0].annotations[0].result[0]: error: has no 'from_name'"),
        Case(
            format: .labelstudio,
            text:
                #"[{"data": {"image": "a.png"}, "annotations": [{"result": [{"type": "rectanglelabels", "from_name": "b", "to_name": "image", "value": {"x": 1, "y": 1, "width": 1, "height": 1, "rectanglelabels": ["car"]}}]}]}]"#,
            expected: "bad: $[0].annotations[0].result[0]: error: has no 'original_width'"),
        Case(format: .conll, text: "EU NNP I-NP I-ORG\nrejects VBZ I-VP X-ORG\n", expected: "bad:2:18: error: has the tag 'X-ORG'"),
        Case(format: .iob2, text: "EU\n", expected: "bad:1:1: error: has a token without a tag"),
        Case(format: .iob2, text: "EU O\n", expected: "bad: error: has no entity tags"),
    ]

    @Test(arguments: cases)
    func aBrokenFileIsRefusedWithItsPlace(_ broken: Case) throws {
        let folder = try TemporaryFolder()
        try folder.write("bad", broken.text)
        let file = folder.path + "/bad"
        do {
            _ = try Interop.importTest(broken.format, file: file, into: folder.path + "/test")
            Issue.record("'\(broken.text)' was accepted")
        } catch {
            let message = error.description.replacingOccurrences(of: folder.path + "/", with: "")
            #expect(message.hasPrefix(broken.expected), "\(message)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/test"))
    }

    @Test func anImportNeverOverwritesATest() throws {
        let folder = try TemporaryFolder()
        try folder.write("test/items.yaml", "[]\n")
        let (draft, _) = try Interop.importTest(
            .conll, file: FixturePath.of("conll/eng.train-first-sentences.conll"), into: folder.path + "/test")
        #expect(throws: InteropError.self) { try AssessmentWriter.write(draft, into: folder.path + "/test", source: "x") }
        #expect(try String(contentsOfFile: folder.path + "/test/items.yaml", encoding: .utf8) == "[]\n")
    }
}
