import Foundation
import Interop
import Testing

/// `Interop.evaluateCOCO` on real COCO gold (a crowd region as a run-length mask, a
/// three-part outline) against results files whose figures pycocotools computed
/// (scripts/fixtures/generate_coco_evaluation_fixtures.py).
struct COCOEvaluationTests {
    struct Expected: Decodable {
        struct Keypoints: Decodable { let gold: String, results: String, stats: [Double] }
        let files: [String: [String: [Double]]]
        let keypoints: Keypoints?
    }

    static let gold = FixturePath.of("coco/mmdet-instances_val2017-evaluation.json")
    static let expected: Expected = {
        let data = FileManager.default.contents(atPath: FixturePath.of("coco-evaluation/expected.json")) ?? Data()
        return (try? JSONDecoder().decode(Expected.self, from: data)) ?? Expected(files: [:], keypoints: nil)
    }()

    static var runs: [(file: String, type: COCOIoUType)] {
        expected.files.keys.sorted().flatMap { file in expected.files[file]!.keys.sorted().map { (file, COCOIoUType(rawValue: $0)!) } }
    }

    @Test("every results file scores as pycocotools scores it", arguments: runs.map { "\($0.file) \($0.type.rawValue)" })
    func matchesPycocotools(_ run: String) throws {
        let parts = run.split(separator: " ").map(String.init)
        let report = try Interop.evaluateCOCO(
            gold: Self.gold, results: FixturePath.of("coco-evaluation/" + parts[0]), iouType: COCOIoUType(rawValue: parts[1])!)
        expectPycocotools(report, try #require(Self.expected.files[parts[0]]?[parts[1]]))
        #expect(report.crowdRegions == 1)
        #expect(report.goldObjects == 23)
    }

    @Test func keypointsScoreAsPycocotoolsScoresThem() throws {
        let run = try #require(Self.expected.keypoints)
        let report = try Interop.evaluateCOCO(
            gold: FixturePath.of(run.gold), results: FixturePath.of("coco-evaluation/" + run.results), iouType: .keypoints)
        expectPycocotools(report, run.stats)
        #expect(report.measures.map(\.id).last == "ar_large")
        #expect {
            try Interop.evaluateCOCO(
                gold: FixturePath.of(run.gold), results: FixturePath.of("coco-evaluation/" + run.results), iouType: .keypoints,
                sigmas: [0.1])
        } throws: { "\($0)".contains("has 17 keypoints per object, but 1 sigma was given") }
    }

    private func expectPycocotools(_ report: COCOEvaluationReport, _ expected: [Double]) {
        #expect(report.overall.count == expected.count)
        for (index, (actual, wanted)) in zip(report.overall, expected).enumerated() {
            let match = wanted == -1 ? actual.isNaN : abs(actual - wanted) <= 1e-9
            #expect(match, "\(report.measures[index].id): got \(actual), pycocotools \(wanted)")
        }
    }

    @Test func theReportNamesItsFiguresAndPrintsEveryView() throws {
        let report = try Interop.evaluateCOCO(
            gold: Self.gold, results: FixturePath.of("coco-evaluation/results-segm-rle.json"), iouType: .segm)
        #expect(
            report.measures.map(\.id) == [
                "ap", "ap50", "ap75", "ap_small", "ap_medium", "ap_large", "ar_1", "ar_10", "ar_100", "ar_small", "ar_medium", "ar_large",
            ])
        let text = report.text(width: 100)
        #expect(text.contains(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.195"))
        #expect(text.contains("dining table"))
        #expect(report.text(width: 40).contains("  ap: 0.195"))
        let json = try JSONSerialization.jsonObject(with: Data(report.jsonText().utf8)) as? [String: Any]
        #expect(json?["iou_type"] as? String == "segm")
        let categories = json?["categories"] as? [[String: Any]]
        let truck = categories?.first { $0["name"] as? String == "truck" }?["figures"] as? [String: Any]
        #expect(truck?["ap_large"] is NSNull)
        #expect(report.csv().hasPrefix("category,ap,ap50,ap75,ap_small"))
    }

    @Test func anImportStillLeavesCrowdRegionsOutAndSaysWhereTheyCount() throws {
        let imported = try Imported(.coco, Self.gold)
        let crowd = imported.notes.filter { $0.description.contains("$.annotations[16].iscrowd: warning: 'crowd region' is left out") }
        #expect(crowd.count == 1)
        #expect(crowd.first?.description.contains("'groundwork evaluate coco' reads them") == true)
    }

    @Test func theTrimmedCrowdMaskIsRefusedAtItsPlace() throws {
        let gold = FixturePath.of("coco/mmdet-instances_val2017-trimmed.json")
        let results = FileManager.default.temporaryDirectory.appendingPathComponent("gw-coco-eval-\(UUID().uuidString).json").path
        try Data("[]".utf8).write(to: URL(fileURLWithPath: results))
        defer { try? FileManager.default.removeItem(atPath: results) }
        #expect {
            try Interop.evaluateCOCO(gold: gold, results: results, iouType: .segm)
        } throws: { error in
            let text = "\(error)"
            return text.contains("mmdet-instances_val2017-trimmed.json: $.annotations[") && text.contains(".segmentation")
                && text.contains("the run lengths add up to")
        }
    }

    @Test func resultsOnImagesTheGoldLacksOrWithoutScoresAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gw-coco-eval-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases = [
            (
                #"[{"image_id": 7, "category_id": 3, "bbox": [0, 0, 5, 5], "score": 0.5}]"#,
                "$[0].image_id: error: names image 7, which the gold file does not have"
            ),
            (#"[{"image_id": 139, "category_id": 3, "bbox": [0, 0, 5, 5]}]"#, "$[0]: error: has no 'score'"),
            (#"[{"image_id": 139, "category_id": 99, "bbox": [0, 0, 5, 5], "score": 1}]"#, "$[0].category_id: error: names category 99"),
            (#"{"annotations": []}"#, "must be a COCO results file"),
            (
                #"[{"image_id": 139, "category_id": 3, "segmentation": {"size": [10, 10], "counts": [100]}, "score": 1}]"#,
                "is a 10 × 10 mask, but image 139 is 426 × 640"
            ),
            (#"[{"image_id": 139, "category_id": 3, "score": 1}]"#, "has no 'segmentation'"),
        ]
        for (index, (json, message)) in cases.enumerated() {
            let path = folder + "/results-\(index).json"
            try Data(json.utf8).write(to: URL(fileURLWithPath: path))
            #expect {
                try Interop.evaluateCOCO(gold: Self.gold, results: path, iouType: index == 5 || index == 4 ? .segm : .bbox)
            } throws: { error in
                "\(error)".contains(message)
            }
        }
    }
}
