import Foundation
import Grading
import Interop
import TestSupport
import Testing

/// Label Studio exports from Label Studio's own repositories, imported as tests.
struct LabelStudioImportTests {
    @Test func boxesOfTheFirstAnnotatorAreGoldAndTheSecondIsReported() throws {
        let imported = try Imported(.labelstudio, FixturePath.of("labelstudio/converter-test_converter_data.json"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.assessment.items.map(\.id) == ["task-1", "task-2"])
        guard case .boxes(let task, let key) = imported.assessment.items[0].content else { return }
        #expect(task.width == 2800 && task.labels == ["parasites", "white"])
        let box = try #require(key.boxes.first)
        #expect(box.label == "parasites")
        #expect(abs(box.x - 37.15846994535519 * 28) < 1e-9 && abs(box.width - 4.189435336976321 * 28) < 1e-9)
        #expect(imported.notes(containing: "$[0].annotations[1]: warning: this annotation by annotator 1 is not the gold").count == 1)
        #expect(imported.notes(containing: "media '/image1' is outside the test's folder").count == 1)
    }

    @Test func keypointsAndTheirBoxBecomeTwoItemsAndRelationsAreReported() throws {
        let imported = try Imported(.labelstudio, FixturePath.of("labelstudio/sdk-yolo-data_keypoints.json"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.assessment.items.map(\.kind) == [.keypoints, .boxes])
        guard case .keypoints(let task, let key) = imported.assessment.items[0].content else { return }
        #expect(task.keypoints == ["nose", "left_eye", "right_eye"])
        #expect(key.objects.first?.points["nose"].map { abs($0.x - 64.44444444444444 * 2.16) < 1e-9 } == true)
        #expect(imported.notes(containing: "is a 'relation' between regions").count == 5)
        #expect(imported.notes(containing: "'image_rotation', 'origin' and 'parentID' are left out (here and in 3 more)").count == 1)
    }

    @Test func aPolygonIsScaledFromPercentToPixels() throws {
        let imported = try Imported(.labelstudio, FixturePath.of("labelstudio/converter-json_min-polygon.json"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        guard case .polygons(_, let key) = imported.assessment.items[0].content else { return }
        #expect(key.polygons.first?.points.count == 3)
        #expect(key.polygons.first.map { abs($0.points[0].x - 44.44444444444444 * 1.28) < 1e-9 } == true)
    }

    @Test func aChoiceATextSpanAndATextAreaAreRead() throws {
        // Only 'Cat' is known: a choice item needs two options, and an export has no config.
        #expect(throws: InteropError.self) { try Imported(.labelstudio, FixturePath.of("labelstudio/ls-previous_export.json")) }
        do {
            _ = try Interop.importTest(.labelstudio, file: FixturePath.of("labelstudio/ls-previous_export.json"), into: "unused")
        } catch {
            #expect(
                error.description.contains(
                    "ls-previous_export.json: $: error: has no task with an annotation Groundwork can use as gold: only the choice 'Cat' appears"
                ))
        }

        let spans = try Imported(.labelstudio, FixturePath.of("labelstudio/lsf-rich_text_plain-completions.json"))
        #expect(spans.diagnostics.isEmpty, "\(spans.diagnostics)")
        guard case .spans(let text, let key) = spans.assessment.items[0].content else { return }
        #expect(key.spans == [SpanAnnotation(start: 343, end: 354, label: "Date")])
        #expect(text.text.unicodeScalars.count > 354)

        let answer = try Imported(.labelstudio, FixturePath.of("labelstudio/lsf-transcribe_audio-completions.json"))
        #expect(answer.diagnostics.isEmpty, "\(answer.diagnostics)")
        #expect(answer.assessment.items[0].content.goldResponses == [.shortText("Mario")])
    }

    @Test func spanOffsetsCountJavaScriptUnitsInTheFileAndScalarsInGroundwork() throws {
        let folder = try TestSupport.TemporaryFolder()
        // "😀 Ann": the emoji is two UTF-16 units, so Label Studio puts "Ann" at 3..<6.
        try folder.write(
            "task.json",
            #"[{"data": {"text": "😀 Ann"}, "annotations": [{"result": [{"type": "labels", "from_name": "ner", "to_name": "text", "value": {"start": 3, "end": 6, "labels": ["PER"]}}]}]}]"#
        )
        let imported = try Imported(.labelstudio, folder.path + "/task.json")
        #expect(imported.assessment.items[0].content.goldResponses == [.spans([SpanAnnotation(start: 2, end: 5, label: "PER")])])
        let (exported, again) = try imported.roundTrip(.labelstudio)
        #expect(exported.contains("\"start\" : 3"))
        #expect(again.items == imported.items)
    }
}
