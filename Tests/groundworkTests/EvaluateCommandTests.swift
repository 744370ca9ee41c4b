import Foundation
import Testing

/// `groundwork evaluate coco` as a mentor runs it on files `export coco` wrote.
struct EvaluateCommandTests {
    let cli = CommandLineTests()
    let assessments = CommandLineTests.repository.appendingPathComponent("Assessments").path

    @Test func aLearnersPolygonsAreScoredWithCOCOsSegmentationMeasures() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gw-evaluate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let answers = assessments + "/shapes-and-poses/answers/"
        for (arguments, out) in [
            ([], "gold.json"), (["--answers", answers + "gold.json"], "perfect.json"),
            (["--answers", answers + "beginner.json"], "beginner.json"),
        ] {
            let export = try cli.run(
                ["export", "coco", "shapes-and-poses", "--assessments", assessments, "--out", folder + "/" + out] + arguments)
            #expect(export.status == 0, "\(export.stderr)")
        }
        let labels = "building,lake,roof,field,tree"
        let mixed = try cli.run(["evaluate", "coco", folder + "/gold.json", folder + "/perfect.json", "--iou-type", "segm"])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("has no 'segmentation'; a segm evaluation compares outlines"), "\(mixed.stderr)")
        let perfect = try cli.run([
            "evaluate", "coco", folder + "/gold.json", folder + "/perfect.json", "--iou-type", "segm", "--categories", labels, "--format",
            "json",
        ])
        #expect(perfect.status == 0, "\(perfect.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(perfect.stdout.utf8)) as? [String: Any]
        let overall = json?["overall"] as? [String: Any]
        #expect(abs((overall?["ap"] as? Double ?? 0) - 1) < 1e-9)
        let beginner = try cli.run(
            ["evaluate", "coco", folder + "/gold.json", folder + "/beginner.json", "--iou-type", "segm", "--categories", labels],
            environment: ["COLUMNS": "60"])
        #expect(beginner.status == 0, "\(beginner.stderr)")
        #expect(beginner.stdout.contains("COCO segm evaluation of"))
        #expect(beginner.stdout.contains("  ap: "), "narrow terminals get ids: \(beginner.stdout)")
    }

    @Test func badOptionsSayWhatIsAccepted() throws {
        let gold = InteropCommandTests.interopFixtures + "/coco/mmdet-instances_val2017-evaluation.json"
        let results = InteropCommandTests.interopFixtures + "/coco-evaluation/results-bbox.json"
        let type = try cli.run(["evaluate", "coco", gold, results, "--iou-type", "box"])
        #expect(type.status == 2)
        #expect(type.stderr.contains("'box' is not an IoU type; did you mean 'bbox'?"), "\(type.stderr)")
        let category = try cli.run(["evaluate", "coco", gold, results, "--iou-type", "bbox", "--categories", "cars"])
        #expect(category.status == 2)
        #expect(category.stderr.contains("has no category 'cars'; did you mean 'car'?"), "\(category.stderr)")
        let sigmas = try cli.run(["evaluate", "coco", gold, results, "--iou-type", "bbox", "--sigmas", "0.1"])
        #expect(sigmas.status == 2)
        #expect(sigmas.stderr.contains("--sigmas is for --iou-type keypoints only"))
    }
}
