import Foundation
import Grading
import Interop
import TestSupport
import Testing

/// Export then import gives the same items and gold; import, export, import is stable.
struct RoundTripTests {
    static let cocoFixtures = [
        "coco/mmdet-coco_sample.json", "coco/mmdet-instances_val2017-trimmed.json", "coco/mmpose-test_coco-trimmed.json",
    ]

    @Test(arguments: cocoFixtures)
    func aCOCOImportSurvivesExportAndImport(_ fixture: String) throws {
        let imported = try Imported(.coco, FixturePath.of(fixture))
        let (_, again) = try imported.roundTrip(.coco)
        #expect(again.items == imported.items)
        #expect(again.assessment.items.map(\.prompt) == imported.assessment.items.map(\.prompt))
        #expect(again.assessment.items.map(\.reason) == imported.assessment.items.map(\.reason))
    }

    static let labelStudioFixtures = [
        "labelstudio/converter-test_converter_data.json", "labelstudio/sdk-yolo-data_keypoints.json",
        "labelstudio/converter-json_min-polygon.json",
        "labelstudio/lsf-rich_text_plain-completions.json", "labelstudio/lsf-transcribe_audio-completions.json",
    ]

    @Test(arguments: labelStudioFixtures)
    func aLabelStudioImportSurvivesExportAndImport(_ fixture: String) throws {
        let imported = try Imported(.labelstudio, FixturePath.of(fixture))
        let (_, again) = try imported.roundTrip(.labelstudio)
        // Percent of the image and back costs the last bits of a double, nothing more.
        #expect(again.rounded == imported.rounded)
    }

    /// The shipped tests' image items go out to COCO and come back with the same gold.
    @Test func theShippedImageTestsKeepTheirGoldThroughCOCO() throws {
        for id in ["street-boxes", "shapes-and-poses"] {
            let (shipped, notes, imported) = try Imported.shipped(id, through: .coco)
            let images = shipped.items.filter { [.boxes, .polygons, .keypoints].contains($0.kind) }
            for item in images where !notes.contains(where: { $0.message.hasPrefix("item '\(item.id)' gives label") }) {
                let again = try #require(imported.assessment.item(item.id), "\(id): \(item.id)")
                #expect(again.content.goldResponses == item.content.goldResponses, "\(id): \(item.id)")
            }
            #expect(notes.contains { $0.message.contains("which COCO cannot hold") } == (images.count < shipped.items.count))
        }
    }

    @Test func choicesRatingsAndTextsGoThroughLabelStudio() throws {
        let (shipped, notes, imported) = try Imported.shipped("sentiment-quiz", through: .labelstudio)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        for item in shipped.items {
            let again = try #require(imported.assessment.item(item.id))
            #expect(again.prompt == item.prompt && again.reason == item.reason)
            let gold = Set(item.content.goldResponses.map(ItemResponse.recordedJSON))
            #expect(again.content.goldResponses.allSatisfy { gold.contains(ItemResponse.recordedJSON($0)) }, "\(item.id)")
        }
        #expect(!notes.isEmpty)
    }
}
