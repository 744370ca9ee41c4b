import Foundation
import Grading
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
        (.qti, "qti/saxony-TextEntrynumeric_2040297025.xml"), (.qti, "qti/beginners-guide/items/BG010.xml"),
        (.qti, "qti/bpig-QTI3multiplechoice2.xml"),
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

    /// A mutated labeling config beside a good export, and a mutated worker's answers to a
    /// good test: used or refused at their own place.
    @Test func mutatedConfigsAndAnswersAreUsedOrRefusedWithAPlace() throws {
        let folder = try TemporaryFolder()
        let config = Array(try Data(contentsOf: URL(fileURLWithPath: FixturePath.of("labelstudio/docs-tasks-example-config.xml"))))
        let answers = Array(try Data(contentsOf: URL(fileURLWithPath: FixturePath.of("mturk/aws-questionformanswers-example.xml"))))
        let test = try AssessmentLoader().loadChecked(folder: FixturePath.repository + "/Assessments/mturk-categorisation")
        let mutator = Mutator(donors: [config, answers])
        var generator = SplitMix64(seed: 7)
        for round in 0..<40 {
            let file = folder.path + "/config-\(round).xml"
            try Data(mutator.mutate(config, using: &generator)).write(to: URL(fileURLWithPath: file))
            do {
                _ = try Interop.importTest(
                    .labelstudio, file: FixturePath.of("labelstudio/docs-tasks-example.json"), into: folder.path + "/test",
                    options: .init(labelConfig: file))
            } catch {
                #expect(error.description.hasPrefix(file) || error.description.contains("docs-tasks-example.json"), "\(error)")
            }
            let sheet = folder.path + "/answers-\(round).xml"
            try Data(mutator.mutate(answers, using: &generator)).write(to: URL(fileURLWithPath: sheet))
            do {
                _ = try Interop.importAnswers(.mturk, file: sheet, for: test, learner: nil)
            } catch {
                #expect(error.description.hasPrefix(sheet), "\(error)")
            }
        }
    }
}
