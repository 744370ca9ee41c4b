import TestSupport
import Testing

@testable import GroundworkMetrics

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

    @Test("a flat row-major matrix gives bit for bit the results of its nested rows")
    func flatEqualsRows() throws {
        var rng = SplitMix64(seed: 27)
        for trial in 0..<60 {
            let n = 1 + rng.int(80), k = 1 + rng.int(9)
            // 0/1 scores (many tied totals) and partial credit in turn
            let rows = (0..<n).map { _ in
                (0..<k).map { _ in trial % 2 == 0 ? Double(rng.int(2)) : Double(rng.int(5)) / 4 }
            }
            let nested = try ItemStatistics.analyze(rows)
            let flat = try ItemStatistics.analyze(flat: rows.flatMap { $0 }, items: k)
            #expect(sameBits(flat, nested), "\(n) × \(k)")
        }
    }

    @Test("the 27 percent groups are the first and last learners of a stable sort by total")
    func groupsAreThoseOfAStableSort() throws {
        var rng = SplitMix64(seed: 28)
        for trial in 0..<80 {
            let n = 2 + rng.int(120), k = 1 + rng.int(4)
            // few distinct totals, so the group boundaries fall inside runs of ties
            let rows = (0..<n).map { _ in (0..<k).map { _ in trial % 3 == 0 ? 0.5 : Double(rng.int(3)) / 2 } }
            let g = ItemStatistics.groupSize(learners: n)
            let totals = rows.map { $0.reduce(0, +) }
            let order = (0..<n).sorted { totals[$0] > totals[$1] || (totals[$0] == totals[$1] && $0 < $1) }
            let expected = (0..<k).map { j in
                order.prefix(g).reduce(0.0) { $0 + rows[$1][j] } / Double(g) - order.suffix(g).reduce(0.0) { $0 + rows[$1][j] } / Double(g)
            }
            let got = try ItemStatistics.discriminationIndex(rows)
            #expect(got == expected, "\(n) learners: \(rows)")
        }
    }

    @Test("selection finds the value a sort puts at a position", arguments: [0, 1, 5, 50])
    func selection(distinct: Int) {
        var rng = SplitMix64(seed: UInt64(100 + distinct))
        for _ in 0..<40 {
            let values = (0..<(1 + rng.int(300))).map { _ in distinct == 0 ? rng.unit() : Double(rng.int(distinct + 1)) }
            let sorted = values.sorted()
            let k = rng.int(values.count)
            var scratch = values
            #expect(ScoreMatrix.select(&scratch, k) == sorted[k])
        }
    }

    @Test("a flat matrix that is not whole rows or has a bad score is rejected, naming the score")
    func badFlatInput() {
        #expect(throws: MetricsError.self) { try ItemStatistics.analyze(flat: [], items: 2) }
        #expect(throws: MetricsError.self) { try ItemStatistics.analyze(flat: [1, 0], items: 0) }
        #expect(throws: MetricsError.self) { try ItemStatistics.analyze(flat: [1, 0, 1], items: 2) }
        do {
            _ = try ItemStatistics.analyze(flat: [1, 0, 0, 1, 1, 1.5], items: 2)
            Issue.record("a score of 1.5 was accepted")
        } catch {
            #expect(error.message.contains("scores[2][1] is 1.5"), "\(error.message)")
        }
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

/// Equal field by field, NaN equal to NaN (``ItemAnalysis``'s `==` is IEEE, so NaN ≠ NaN).
private func sameBits(_ a: ItemAnalysis, _ b: ItemAnalysis) -> Bool {
    func bits(_ x: [Double]) -> [UInt64] { x.map(\.bitPattern) }
    return bits(a.facility) == bits(b.facility) && bits(a.correctedItemTotal) == bits(b.correctedItemTotal)
        && bits(a.itemTotal) == bits(b.itemTotal) && bits(a.discrimination) == bits(b.discrimination)
        && a.groupSize == b.groupSize && a.cronbachAlpha.bitPattern == b.cronbachAlpha.bitPattern
        && a.kr20?.bitPattern == b.kr20?.bitPattern
}
