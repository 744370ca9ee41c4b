import Foundation
import Testing

@testable import Grading

struct GoldAgreementTests {
    private func report() throws -> AgreementReport {
        let test = try CohortFixture.assessment()
        let folder = try AnswerFolder.load(CohortFixture.path("golds"), for: test)
        return try GoldAgreement.analyze(folder.entries.map { ($0.learner, $0.sheet) }, for: test)
    }

    @Test func coefficientsAgreeWithScikitLearnStatsmodelsAndKrippendorff() throws {
        let report = try report()
        let expected = try CohortFixture.expected().agreement
        #expect(report.mentors == ["ana", "ben", "cleo"])
        #expect(report.cohen.map { "\($0.a)/\($0.b):\($0.units)" } == expected.cohen.map { "\($0.a)/\($0.b):\($0.units)" })
        for (pair, reference) in zip(report.cohen, expected.cohen) {
            #expect(close(pair.value.number, reference.value), "Cohen's kappa \(pair.a)/\(pair.b)")
        }
        #expect(report.fleiss.units == expected.fleiss.units)
        #expect(close(report.fleiss.value.number, expected.fleiss.value))
        #expect(close(report.alphaNominal.value.number, expected.alphaNominal))
        #expect(close(report.alphaOrdinal.value.number, expected.alphaOrdinal))
        #expect(close(report.alphaInterval.value.number, expected.alphaInterval))
        let b1 = try #require(report.items.first { $0.item == "b1" })
        #expect(close(b1.meanScore, expected.b1.meanScore))
        #expect(close(b1.lowestScore, expected.b1.lowestScore))
        #expect(close(b1.meanIoU, expected.b1.meanIoU))
    }

    @Test func everyItemTheMentorsDoNotShareIsListedWithEachAnswer() throws {
        let report = try report()
        #expect(report.disagreements.map(\.item) == ["s2", "s5", "r1", "r2", "m1", "b1"])
        let s5 = try #require(report.disagreements.first { $0.item == "s5" })
        #expect(s5.answers.map(\.answer) == ["\"NEUTRAL\"", "\"MIXED\"", "\"MIXED\""])
        let r2 = try #require(report.disagreements.first { $0.item == "r2" })
        #expect(r2.answers.map(\.answer) == ["2", "2", nil])
        let text = report.text(width: 70)
        #expect(text.contains("Items to settle before publishing (6):"))
        #expect(text.contains("      cleo: no answer"))
        #expect(report.csv().contains("s5,disagreement,3,,\"ana=\"\"NEUTRAL\"\"; ben=\"\"MIXED\"\"; cleo=\"\"MIXED\"\"\"\n"))
    }

    @Test func identicalGoldHasUndefinedKappaAndNoDisagreement() throws {
        let test = try CohortFixture.assessment()
        let sheet = try AnswerFolder.load(CohortFixture.path("golds"), for: test).entries[0].sheet
        var only = sheet
        only.responses = only.responses.filter { $0.key == "s1" }
        let report = try GoldAgreement.analyze([("a", only), ("b", only)], for: test)
        #expect(report.disagreements.isEmpty)
        #expect(report.cohen.first?.value.number == nil)
        #expect(report.text().contains("The mentors agree on every item."))
        #expect(throws: CohortError("agreement needs gold sheets from at least 2 mentors, got 1")) {
            try GoldAgreement.analyze([("a", only)], for: test)
        }
    }
}
