import Foundation
import Grading
import Interop
import Testing

/// COCO files from other projects' test suites, imported as tests that pass `check --strict`.
struct COCOImportTests {
    @Test func mmdetectionsSampleBecomesOneBoxesItemPerImage() throws {
        let imported = try Imported(.coco, FixturePath.of("coco/mmdet-coco_sample.json"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.assessment.items.map(\.id) == ["image-0", "image-1", "image-2"])
        guard case .boxes(let task, let key) = imported.assessment.items[0].content else {
            Issue.record("image-0 is not a boxes item")
            return
        }
        #expect(task.labels == ["bus", "car"])
        #expect(task.width == 800 && task.height == 800 && task.image == nil)
        #expect(
            key.boxes == [
                BoxAnnotation(label: "bus", x: 0, y: 0, width: 20, height: 20),
                BoxAnnotation(label: "car", x: 0, y: 0, width: 20, height: 20),
            ])
        guard case .boxes(_, let empty) = imported.assessment.items[2].content else { return }
        #expect(empty.boxes.isEmpty)
        // The detection scores, supercategories and the missing images are each said, where they are.
        #expect(imported.notes(containing: "$.annotations[0].score: warning: 'score' is left out (here and in 2 more)").count == 1)
        #expect(imported.notes(containing: "$.categories[0].supercategory").count == 1)
        #expect(imported.notes(containing: "$.images[0].file_name: warning: media 'fake1.jpg' is not in").count == 1)
    }

    @Test func anImageAlreadyInTheFolderIsReferenced() throws {
        let imported = try Imported(.coco, FixturePath.of("coco/mmdet-coco_sample.json"), media: ["media/fake2.jpg"])
        guard case .boxes(let task, _) = imported.assessment.items[1].content else { return }
        #expect(task.image == "media/fake2.jpg")
        #expect(imported.notes(containing: "fake2.jpg").isEmpty)
    }

    @Test func outlinesBecomePolygonsAndCrowdMasksAreReportedNotKept() throws {
        let imported = try Imported(.coco, FixturePath.of("coco/mmdet-instances_val2017-trimmed.json"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.assessment.items.map(\.kind) == [.polygons, .polygons])
        guard case .polygons(_, let first) = imported.assessment.items[0].content,
            case .polygons(_, let second) = imported.assessment.items[1].content
        else { return }
        #expect(first.polygons.map(\.label) == ["traffic light"])
        // Two TVs, and a dining table outlined in three parts, each part an object of its own.
        #expect(second.polygons.map(\.label) == ["tv", "tv", "dining table", "dining table", "dining table"])
        #expect(imported.notes(containing: "$.annotations[1].iscrowd: warning: 'crowd region' is left out").count == 1)
        #expect(imported.notes(containing: "$.annotations[4]: warning: outlines one object in 3 parts").count == 1)
    }

    @Test func personKeypointsKeepVisibilityAndArea() throws {
        let imported = try Imported(.coco, FixturePath.of("coco/mmpose-test_coco-trimmed.json"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        guard case .keypoints(let task, let key) = imported.assessment.item("image-40083")?.content else {
            Issue.record("image-40083 is not a keypoints item")
            return
        }
        #expect(task.keypoints.count == 17 && task.labels == ["person"])
        let person = try #require(key.objects.first)
        #expect(person.area == 11025.219)
        #expect(person.points.count == 14)  // three are unlabelled (v = 0) in the file
        #expect(person.points["left_hip"].map { [$0.x, $0.y, Double($0.visibility)] } == [57, 246, 1])
        #expect(person.points["left_ear"] == nil)
        #expect(imported.notes(containing: "$.categories[0]: warning: 'skeleton' and 'supercategory' are left out").count == 1)
        // Each person's outline and box have no place in a keypoints item; that is said once per image.
        #expect(imported.notes(containing: "$.annotations[1].segmentation: warning: 'segmentation' and 'bbox' are left out").count == 1)
    }
}
