import GroundworkMetrics
import Testing

struct ItemStatisticsCase: NamedCase {
    struct Expected: Decodable, Sendable {
        let facility: [Double]
        let corrected_item_total: [Num]
        let item_total: [Num]
        let group_size: Int
        let discrimination: [Num]
        let cronbach_alpha: Num
        let kr20: Num?
    }
    let name: String
    let scores: [[Double]]
    let expected: Expected
}

struct ItemStatisticsTests {
    @Test("item statistics match the numpy formulas", arguments: try Fixtures.cases("item_statistics.json", as: ItemStatisticsCase.self))
    func itemStatistics(_ c: ItemStatisticsCase) throws {
        let a = try ItemStatistics.analyze(c.scores)
        let e = c.expected
        expectClose(a.facility, e.facility, "facility")
        expectClose(a.correctedItemTotal, e.corrected_item_total.map(\.value), "corrected item-total")
        expectClose(a.itemTotal, e.item_total.map(\.value), "item-total")
        #expect(a.groupSize == e.group_size)
        expectClose(a.discrimination, e.discrimination.map(\.value), "discrimination")
        expectClose(a.cronbachAlpha, e.cronbach_alpha.value, "alpha")
        if let kr = e.kr20 {
            expectClose(a.kr20 ?? .nan, kr.value, "kr20")
            expectClose(try ItemStatistics.kr20(c.scores), kr.value, "kr20 function")
        } else {
            #expect(a.kr20 == nil)
            #expect(throws: MetricsError.self) { try ItemStatistics.kr20(c.scores) }
        }
    }

    @Test("27 percent groups round half up", arguments: [(2, 1), (4, 1), (10, 3), (50, 14), (100, 27), (150, 41), (1000, 270)])
    func groupSize(_ pair: (Int, Int)) {
        #expect(ItemStatistics.groupSize(learners: pair.0) == pair.1)
    }

    @Test("item statistics reject bad matrices")
    func badInput() {
        #expect(throws: MetricsError.self) { try ItemStatistics.analyze([]) }
        #expect(throws: MetricsError.self) { try ItemStatistics.analyze([[], []]) }
        #expect(throws: MetricsError.self) { try ItemStatistics.analyze([[1, 0], [1]]) }
        #expect(throws: MetricsError.self) { try ItemStatistics.analyze([[1, 1.5], [0, 0]]) }
        #expect(throws: MetricsError.self) { try ItemStatistics.analyze([[1, .nan], [0, 0]]) }
        #expect(throws: MetricsError.self) { try ItemStatistics.cronbachAlpha([[-0.1, 1], [0, 0]]) }
    }
}
