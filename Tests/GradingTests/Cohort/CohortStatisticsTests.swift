import Foundation
import Testing

@testable import Grading

struct CohortStatisticsTests {
    private func cohort() throws -> (Assessment, CohortReport) {
        let test = try CohortFixture.assessment()
        let folder = try AnswerFolder.load(CohortFixture.path("answers"), for: test)
        #expect(folder.problems.isEmpty && folder.duplicates.isEmpty)
        return (test, try CohortStatistics.analyze(folder.entries.map(\.sheet), for: test))
    }

    @Test func itemAnalysisOfTheGeneratedCohortAgreesWithNumpy() throws {
        let (_, report) = try cohort()
        let expected = try CohortFixture.expected().statistics
        #expect(report.learners == 30)
        #expect(report.items.map(\.id) == expected.items)
        for (row, j) in zip(report.items, expected.items.indices) {
            #expect(close(row.facility, expected.facility[j]), "facility of \(row.id)")
            #expect(close(row.itemTotal, expected.itemTotal[j]), "item-total of \(row.id)")
            #expect(close(row.uncorrectedItemTotal, expected.itemTotalUncorrected[j]), "uncorrected item-total of \(row.id)")
            #expect(close(row.discrimination, expected.discrimination[j]), "discrimination of \(row.id)")
            #expect(close(row.missedBy, expected.scoredZero[j]), "scored-zero share of \(row.id)")
        }
        #expect(close(report.cronbachAlpha, expected.cronbachAlpha))
        #expect(report.kr20 == nil)  // ratings and multiple choice give partial scores
    }

    @Test func thePlantedBadItemIsTheOneFlaggedForReview() throws {
        let (_, report) = try cohort()
        #expect(report.flagged.map(\.id) == ["s5"])
        let s5 = try #require(report.items.first { $0.id == "s5" })
        #expect(s5.flags == [.negativeDiscrimination, .tooHard])
        #expect(report.nearlyAllMiss.map(\.id) == ["s5"])
        #expect(!report.isSmall)
        #expect(report.text(width: 200).contains("Items to review:\n  s5: weaker learners do better than stronger ones; check the gold;"))
        #expect(report.text(width: 200).contains("Who chose what on s5:\n  POSITIVE: "))
        #expect(report.text(width: 200).contains("\n  NEUTRAL (gold): "))
        #expect(report.text(width: 50).split(separator: "\n").allSatisfy { $0.count <= 50 })
    }

    @Test func theDistractorTableShowsWhoChoseWhatAndTheirMeanTotals() throws {
        let (test, report) = try cohort()
        let folder = try AnswerFolder.load(CohortFixture.path("answers"), for: test)
        let s5 = try #require(report.items.first { $0.id == "s5" }?.choices)
        #expect(s5.map(\.option) == ["POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED", nil])
        #expect(s5.map(\.gold) == [false, false, true, false, false])
        #expect(s5.reduce(0) { $0 + $1.count } == 30)
        let choseMixed = folder.entries.filter { $0.sheet.responses["s5"] == .singleChoice("MIXED") }
        #expect(s5[3].count == choseMixed.count)
        let totals = choseMixed.map { Grader().grade($0.sheet, for: test).score }
        #expect(close(s5[3].meanTotal, totals.reduce(0, +) / Double(totals.count)))
        #expect(s5[4].count == folder.entries.filter { $0.sheet.responses["s5"] == nil }.count)
    }

    @Test func aSmallCohortIsWarnedAboutAndOneLearnerIsRefused() throws {
        let test = try CohortFixture.assessment()
        let sheets = try AnswerFolder.load(CohortFixture.path("answers"), for: test).entries.map(\.sheet)
        let small = try CohortStatistics.analyze(Array(sheets.prefix(5)), for: test)
        #expect(small.isSmall)
        #expect(small.text().contains("Warning: 5 learners is a small cohort (under 20)"))
        #expect(small.jsonText().contains("\"smallCohort\" : true"))
        #expect(throws: CohortError("item analysis needs answers from at least 2 learners, got 1")) {
            try CohortStatistics.analyze([sheets[0]], for: test)
        }
    }

    @Test func csvAndJSONCarryEveryItemWithUndefinedFiguresEmptyOrNull() throws {
        let test = try CohortFixture.assessment()
        let sheets = try AnswerFolder.load(CohortFixture.path("answers"), for: test).entries.map(\.sheet)
        // Everyone answers s1 alike, so its item–total correlation is undefined.
        let same = sheets.prefix(4).map { sheet -> AnswerSheet in
            var sheet = sheet
            sheet.responses["s1"] = .singleChoice("POSITIVE")
            return sheet
        }
        let report = try CohortStatistics.analyze(same, for: test)
        let csv = report.csv().split(separator: "\n")
        #expect(csv.first == "item,kind,section,facility,discrimination,item_total,item_total_uncorrected,scored_zero,flags")
        #expect(csv.count == 13)
        #expect(csv[1].hasPrefix("s1,single-choice,,1.0,0.0,,,0.0,too-easy"))
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(report.jsonText().utf8))
        guard case .object(let top) = json, case .array(let items)? = top["items"], case .object(let s1) = items[0] else {
            Issue.record("the JSON has an items list")
            return
        }
        #expect(s1["itemTotal"] == .null && s1["itemTotalUncorrected"] == .null)
        #expect(s1["facility"] == .number(1))
    }

    /// Every per-item figure of the JSON is a CSV column with the same value, so a mentor's
    /// spreadsheet and a script see the same numbers.
    @Test func csvAndJSONAgreeOnEveryItemFigure() throws {
        let (_, report) = try cohort()
        let csv = report.csv().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = csv[0]
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(report.jsonText().utf8))
        guard case .object(let top) = json, case .array(let items)? = top["items"] else {
            Issue.record("the JSON has an items list")
            return
        }
        let columns = [
            ("facility", "facility"), ("discrimination", "discrimination"), ("item_total", "itemTotal"),
            ("item_total_uncorrected", "itemTotalUncorrected"), ("scored_zero", "scoredZero"),
        ]
        for (row, item) in zip(csv.dropFirst(), items) {
            guard case .object(let fields) = item else { continue }
            for (column, key) in columns {
                let text = row[try #require(header.firstIndex(of: column))]
                guard case .number(let value)? = fields[key] else {
                    #expect(text.isEmpty && fields[key] == .null, "\(column) of \(row[0])")
                    continue
                }
                #expect(Double(text) == value, "\(column) of \(row[0])")
            }
        }
    }
}
