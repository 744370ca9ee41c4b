import Courseware
import Foundation
import Testing

@testable import Grading

/// Every generator's items pass the project's checker: 1,000 of each, from fixed seeds, are
/// loaded from the `items.yaml` text they make and checked like any authored test (gold
/// replayed at 100%, an empty answer at 0%, spans on token edges), then scored directly.
/// Speech items are checked here without synthesis (the gold is the text the synthesiser
/// is given); ``SpeechSynthesisTests`` speaks a sample.
struct GeneratedItemCheckTests {
    static let count = 1_000

    /// The items of one generator as a loaded test.
    static func load(_ generator: ItemGenerator, count: Int = count, seed: UInt64 = 20_261_203) throws -> (Assessment, [GeneratedItem]) {
        let ids = (1...count).map { "f\($0).\(generator.rawValue)" }
        let made = try GeneratedPractice.items(ids, seed: seed).map(\.item)
        let items = JSONText.encode(JSONValue.array(made.map { .object($0.entry) }))
        let loaded = AssessmentLoader().load(
            assessment: SourceFile(path: "assessment.md", text: basicFrontMatter), items: SourceFile(path: "items.yaml", text: items),
            folder: nil)
        #expect(loaded.diagnostics.map(\.description) == [])
        let assessment = try #require(loaded.assessment)
        #expect(assessment.items.count == count)
        return (assessment, made)
    }

    @Test(arguments: ItemGenerator.allCases)
    func thousandItemsPassTheCheckerAndScoreGoldFullAndBlankZero(_ generator: ItemGenerator) throws {
        let (assessment, _) = try Self.load(generator)
        #expect(AssessmentChecker(checkLessonLinks: false).check(assessment).map(\.description) == [])
        for item in assessment.items {
            #expect(item.kind == generator.kind)
            let gold = item.content.goldResponses
            #expect(!gold.isEmpty)
            for response in gold {
                let score = item.score(response).score
                #expect(abs(score - 1) < 1e-9, "gold of \(item.id) scores \(score)")
            }
            #expect(item.score(nil).score == 0)
            let blank = try #require(item.content.emptyResponse)
            #expect(item.score(blank).score == 0, "a blank answer to \(item.id) scores \(item.score(blank).score)")
        }
    }

    @Test(arguments: ItemGenerator.allCases)
    func theSameSeedMakesTheSameItemAndAnotherSeedAnother(_ generator: ItemGenerator) throws {
        let first = try GeneratedPractice.items(["a.\(generator.rawValue)"], seed: 7)[0].item
        let again = try GeneratedPractice.items(["a.\(generator.rawValue)"], seed: 7)[0].item
        #expect(first.entry == again.entry && first.media == again.media)
        let others = try (8..<18).map { try GeneratedPractice.items(["a.\(generator.rawValue)"], seed: $0)[0].item.entry }
        #expect(others.allSatisfy { $0 != first.entry })
    }
}
