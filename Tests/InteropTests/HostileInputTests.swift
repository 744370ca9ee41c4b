import Foundation
import GroundworkFuzz
import Interop
import TestSupport
import Testing

/// Every fixture, mutated the way the project's fuzzer mutates its own files (byte flips,
/// splices, truncation, deep nesting, huge numbers, invalid UTF-8, control characters), is
/// imported or refused with a located error: never a crash or a trap.
struct HostileInputTests {
    static let fixtures: [(InteropFormat, String)] = [
        (.coco, "coco/mmdet-coco_sample.json"), (.coco, "coco/mmdet-instances_val2017-trimmed.json"),
        (.coco, "coco/mmpose-test_coco-trimmed.json"), (.labelstudio, "labelstudio/converter-test_converter_data.json"),
        (.labelstudio, "labelstudio/sdk-yolo-data_keypoints.json"), (.labelstudio, "labelstudio/lsf-rich_text_plain-completions.json"),
        (.conll, "conll/eng.train-first-sentences.conll"), (.iob2, "conll/sparknlp-conll-iob2.txt"),
        (.gift, "gift/moodle-examples.txt"), (.mturk, "mturk/aws-questionform-example.xml"),
    ]

    @Test func mutatedFilesAreImportedOrRefusedWithAPlace() throws {
        let folder = try TemporaryFolder()
        let seeds = try Self.fixtures.map { Array(try Data(contentsOf: URL(fileURLWithPath: FixturePath.of($0.1)))) }
        let mutator = Mutator(donors: seeds)
        var generator = SplitMix64(seed: 12)
        var refused = 0
        for round in 0..<25 {
            for (index, (format, _)) in Self.fixtures.enumerated() {
                let bytes = mutator.mutate(seeds[index], using: &generator)
                let file = folder.path + "/mutated-\(round)-\(index)"
                try Data(bytes).write(to: URL(fileURLWithPath: file))
                do {
                    let options = Interop.ImportOptions(answerKey: FixturePath.of("mturk/aws-answerkey-example.xml"))
                    let (draft, _) = try Interop.importTest(format, file: file, into: folder.path + "/test", options: options)
                    #expect(!draft.items.isEmpty)
                } catch {
                    refused += 1
                    #expect(error.description.hasPrefix(file), "\(error)")
                }
            }
        }
        // Most mutations break the file; some leave it readable. Both paths are taken.
        #expect(refused > 0 && refused < 25 * Self.fixtures.count)
    }
}
