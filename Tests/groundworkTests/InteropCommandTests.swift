import Foundation
import Testing

/// `groundwork import` and `groundwork export` as a mentor runs them.
struct InteropCommandTests {
    let cli = CommandLineTests()
    static let interopFixtures = CommandLineTests.repository.appendingPathComponent("Tests/InteropTests/Fixtures").path

    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gw-interop-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func anImportedCOCOFilePassesTheStrictCheck() throws {
        let folder = try temporaryFolder() + "/coco-sample"
        let run = try cli.run(["import", "coco", Self.interopFixtures + "/coco/mmdet-coco_sample.json", "--into", folder])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Imported 3 items into"))
        #expect(run.stderr.contains("mmdet-coco_sample.json: $.annotations[0].score: warning: 'score' is left out"))
        let check = try cli.run(["check", folder, "--strict"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func aMalformedFileExitsWithTwoAndItsPlace() throws {
        let folder = try temporaryFolder()
        try Data("{\"images\": [\n  {\"id\": 1,, }]}".utf8).write(to: URL(fileURLWithPath: folder + "/bad.json"))
        let run = try cli.run(["import", "coco", folder + "/bad.json", "--into", folder + "/test"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("groundwork: \(folder)/bad.json:2:"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/test"))
        let unknown = try cli.run(["import", "cocoo", folder + "/bad.json", "--into", folder + "/test"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("'cocoo' is not a format; use coco, conll, iob2, labelstudio, gift, mturk, qti; did you mean 'coco'?"))
    }

    @Test func anExportGoesToStandardOutputAndItsLossesToStandardError() throws {
        let run = try cli.run([
            "export", "coco", "street-boxes", "--assessments", CommandLineTests.repository.appendingPathComponent("Assessments").path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((json?["images"] as? [Any])?.isEmpty == false)
        #expect(run.stderr.contains("items.yaml:"))
        #expect(run.stderr.contains("did not carry over"))
    }
}
