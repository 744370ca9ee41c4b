import Foundation
import Grading
import Interop
import TestSupport
import Testing

/// Label Studio exports imported with their project's labeling config: the options and
/// labels come from the config, not from what annotators happened to use.
struct LabelStudioConfigTests {
    private func withConfig(_ tasks: String, config: String) throws -> Imported {
        try Imported(
            .labelstudio, FixturePath.of("labelstudio/" + tasks), options: .init(labelConfig: FixturePath.of("labelstudio/" + config)))
    }

    /// The docs' own example: one task chose "Positive" of three options. Without the config
    /// the import cannot tell the other options; with it the item offers all three.
    @Test func theDocsExampleOffersEveryChoiceOfTheConfig() throws {
        #expect(throws: InteropError.self) { try Imported(.labelstudio, FixturePath.of("labelstudio/docs-tasks-example.json")) }
        let imported = try withConfig("docs-tasks-example.json", config: "docs-tasks-example-config.xml")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        let item = try #require(imported.assessment.items.first)
        guard case .singleChoice(let task, let key) = item.content else {
            Issue.record("\(item.kind)")
            return
        }
        #expect(task.options.map(\.id) == ["Positive", "Neutral", "Negative"])
        #expect(key.credits == ["Positive": 1])
        #expect(item.prompt == "Opossums are great\n\n(sentiment_class)")
    }

    @Test func boxLabelsComeFromTheConfig() throws {
        let imported = try withConfig("converter-test_converter_data.json", config: "converter-test_converter_data-label_config.xml")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        guard case .boxes(let task, _) = imported.assessment.items[0].content else { return }
        #expect(task.labels == ["parasites", "white"])
        let polygons = try withConfig("converter-json_min-polygon.json", config: "converter-json_min-label_config.xml")
        guard case .polygons(let shapes, _) = polygons.assessment.items[0].content else { return }
        // The annotation draws only an airplane; the config offers a car as well.
        #expect(shapes.labels == ["Airplane", "Car"])
    }

    /// The SDK's keypoint test data with its config: all 17 COCO keypoints are offered
    /// although the annotation places three.
    @Test func keypointNamesComeFromTheConfig() throws {
        let imported = try withConfig("sdk-yolo-data_keypoints.json", config: "sdk-yolo-label_config_keypoints.xml")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        guard case .keypoints(let task, _) = imported.assessment.items[0].content else { return }
        #expect(task.keypoints.count == 17 && task.keypoints.prefix(3) == ["nose", "left_eye", "right_eye"])
    }

    @Test func aMultipleChoiceControlAndARatingScaleAreKept() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "config.xml",
            """
            <View>
              <Text name="text" value="$text"/>
              <Choices name="topics" toName="text" choice="multiple"><Choice value="Sports"/><Choice value="Politics"/><Choice value="Art"/></Choices>
              <Rating name="quality" toName="text" maxRating="10"/>
              <TextArea name="summary" toName="text"/>
            </View>
            """)
        try folder.write(
            "tasks.json",
            """
            [{"id": 7, "data": {"text": "A match report."}, "annotations": [{"result": [
              {"from_name": "topics", "to_name": "text", "type": "choices", "value": {"choices": ["Sports"]}},
              {"from_name": "quality", "to_name": "text", "type": "rating", "value": {"rating": 8}}
            ]}]}]
            """)
        let imported = try Imported(.labelstudio, folder.path + "/tasks.json", options: .init(labelConfig: folder.path + "/config.xml"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        let topics = try #require(imported.assessment.item("task-7-topics"))
        guard case .multipleChoice(let task, let key) = topics.content else {
            Issue.record("\(topics.kind)")
            return
        }
        #expect(task.options.map(\.id) == ["Sports", "Politics", "Art"] && key.correct == ["Sports"])
        guard case .rating(let scale, _)? = imported.assessment.item("task-7-quality")?.content else {
            Issue.record("no rating item")
            return
        }
        #expect(scale.maximum == 10)
        #expect(imported.notes(containing: "control 'summary' has no gold in any task").count == 1)
    }

    @Test func aConfigThatIsNotOneIsRefusedWithItsPlace() throws {
        let folder = try TemporaryFolder()
        try folder.write("config.xml", "<View>\n  <Choices toName=\"text\"><Choice value=\"a\"/></Choices>\n</View>\n")
        #expect {
            _ = try Interop.importTest(
                .labelstudio, file: FixturePath.of("labelstudio/docs-tasks-example.json"), into: folder.path + "/out",
                options: .init(labelConfig: folder.path + "/config.xml"))
        } throws: { error in
            let text = (error as? InteropError)?.description ?? ""
            return text.contains("config.xml:2:") && text.contains("has no 'name'")
        }
    }
}
