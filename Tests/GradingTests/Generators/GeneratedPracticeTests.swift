import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Grading

struct GeneratedPracticeTests {
    @Test func aTestGetsTheGeneratorsOfTheKindsItAsks() throws {
        #expect(GeneratedPractice.generators(for: try Fixtures.assessment("street-boxes")) == [.streetScenes])
        #expect(GeneratedPractice.generators(for: try Fixtures.assessment("named-entities")) == [.sentences])
        #expect(GeneratedPractice.generators(for: try Fixtures.assessment("sentiment-single")) == [])
    }

    @Test func aTestWithoutAGeneratorIsToldSoNamingItsKinds() throws {
        let test = try Fixtures.assessment("sentiment-single")
        #expect(throws: GeneratedPracticeError.noGenerator(test: test.id, kinds: [.singleChoice])) {
            try GeneratedPractice.freshItemIDs(for: test, seed: 1, speechAvailable: true)
        }
        #expect(
            GeneratedPracticeError.noGenerator(test: "sentiment-single", kinds: [.singleChoice]).description
                == "no generator makes fresh items for 'sentiment-single': it asks single-choice items, and generators make boxes, polygons, keypoints, spans, transcription, time-segments"
        )
    }

    @Test func speechIsLeftOutWhenEspeakIsMissingAndAloneItIsRefusedPlainly() throws {
        let transcripts = try Fixtures.assessment("transcripts")
        #expect(throws: GeneratedPracticeError.speechUnavailable) {
            try GeneratedPractice.freshItemIDs(for: transcripts, seed: 1, speechAvailable: false)
        }
        #expect(GeneratedPracticeError.speechUnavailable.description.contains("espeak-ng"))
        let ids = try GeneratedPractice.freshItemIDs(for: transcripts, seed: 1, speechAvailable: true)
        #expect(ids.count == GeneratedPractice.itemsPerDraw && ids.allSatisfy { $0.hasSuffix(".speech") })
    }

    @Test func aDrawIsTenDistinctFreshItemsThatNewSeedsChange() throws {
        let test = try Fixtures.assessment("street-boxes")
        let ids = try GeneratedPractice.freshItemIDs(for: test, seed: 42, speechAvailable: false)
        #expect(ids.count == 10 && Set(ids).count == 10)
        #expect(ids == (try GeneratedPractice.freshItemIDs(for: test, seed: 42, speechAvailable: false)))
        #expect(Set(ids).isDisjoint(with: try GeneratedPractice.freshItemIDs(for: test, seed: 43, speechAvailable: false)))
    }

    @Test func aVariantKeepsTheMissedItemsIdSoAnsweringItReviewsThatItem() {
        #expect(GeneratedPractice.variantID(of: "b3", kind: .boxes) == "b3.street-scenes")
        #expect(GeneratedPractice.variantID(of: "f0a1b2c3.shapes", kind: .polygons) == "f0a1b2c3.shapes")
        #expect(GeneratedPractice.variantID(of: "q1", kind: .singleChoice) == nil)
        #expect(GeneratedPractice.reviewedItemID("b3.street-scenes") == "b3")
        #expect(GeneratedPractice.reviewedItemID("v1.2") == "v1.2")
        #expect(GeneratedPractice.sourceID(of: "street-boxes.generated") == "street-boxes")
        #expect(GeneratedPractice.sourceID(of: "street-boxes") == nil)
    }

    @Test func thePracticeIsWrittenOnceAndLoadsAsTheSameTestEveryTime() throws {
        let folder = try TemporaryFolder()
        let source = try Fixtures.assessment("sound-events")
        let practice = GeneratedPractice(folder: folder.path)
        let ids = try GeneratedPractice.freshItemIDs(for: source, seed: 9, speechAvailable: false)
        let first = try practice.assessment(of: source, seed: 9, itemIDs: ids)
        #expect(first.id == "sound-events.generated" && first.items.map(\.id) == ids)
        #expect(first.passMark == source.passMark && first.platform == source.platform)
        #expect(first.policy == GeneratedPractice.policy)
        let clip = (first.folder as NSString).appendingPathComponent("\(ids[0]).wav")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: clip))
        #expect(bytes.prefix(4) == Data("RIFF".utf8) && bytes.count > 44)
        let again = try practice.assessment(of: source, seed: 9, itemIDs: ids)
        #expect(again.version == first.version && again.folder == first.folder)
    }

    @Test func writersOfTheSameFileAtOnceAllSucceedAndLeaveNoTemporaryFiles() throws {
        // The web app draws the same practice in several requests at once; each writer had the
        // same temporary name (the process id only), so one could move the other's file away.
        let folder = try TemporaryFolder()
        let failures = Mutex(0)
        for round in 0..<40 {
            let path = (folder.path as NSString).appendingPathComponent("round-\(round)/item.svg")
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do {
                    try GeneratedPractice.write(Data("<svg/>".utf8), to: path)
                } catch {
                    failures.withLock { $0 += 1 }
                }
            }
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "<svg/>")
        }
        #expect(failures.withLock { $0 } == 0)
        let left = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.contains(".tmp") }
        #expect(left == [])
    }

    @Test func anUnwritableFolderIsAPlainError() throws {
        let folder = try TemporaryFolder()
        try folder.write("blocked", "a file where the folder would go")
        let source = try Fixtures.assessment("street-boxes")
        let ids = try GeneratedPractice.freshItemIDs(for: source, seed: 1, speechAvailable: false)
        do {
            _ = try GeneratedPractice(folder: folder.path + "/blocked").assessment(of: source, seed: 1, itemIDs: ids)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("fresh items could not be written to '\(folder.path)/blocked/street-boxes/"))
        }
    }
}

/// espeak-ng speaks a sample of generated sentences (about 0.4 s a clip, so 5 clips, not
/// 1,000: the gold of all 1,000 is checked without sound in ``GeneratedItemCheckTests``).
/// Where espeak-ng is missing, the test checks the plain refusal instead.
struct SpeechSynthesisTests {
    @Test func espeakSpeaksTheGoldTranscriptOrItsAbsenceIsSaidPlainly() throws {
        let folder = try TemporaryFolder()
        let source = try Fixtures.assessment("transcripts")
        let ids = (1...5).map { "s\($0).speech" }
        let practice = GeneratedPractice(folder: folder.path)
        guard SpeechSynthesizer.program != nil else {
            #expect(throws: GeneratedPracticeError.speechUnavailable) { try practice.assessment(of: source, seed: 3, itemIDs: ids) }
            return
        }
        let test = try practice.assessment(of: source, seed: 3, itemIDs: ids)
        for item in test.items {
            guard case .transcription(let task, let key) = item.content, let audio = task.audio else {
                Issue.record("\(item.id) is not a spoken transcription item")
                continue
            }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: (test.folder as NSString).appendingPathComponent(audio)))
            #expect(bytes.prefix(4) == Data("RIFF".utf8))
            // espeak-ng speaks about 150 words a minute: at least 0.2 s of 16-bit samples a word.
            let words = key.references[0].split(separator: " ").count
            #expect(bytes.count > words * 22_050 * 2 / 5)
        }
    }
}
