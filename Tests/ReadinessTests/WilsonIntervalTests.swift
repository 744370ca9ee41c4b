import Foundation
import Testing

@testable import Readiness

/// The readiness interval against statsmodels, on the cases `scripts/fixtures/generate_readiness_fixtures.py` wrote.
struct WilsonIntervalTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var successes: Double
        var trials: Int
        var z: Double
        var lower: Double
        var upper: Double
        var testDescription: String { "\(successes)/\(trials), z \(z)" }
    }

    static let cases: [Case] = {
        struct File: Decodable { var cases: [Case] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/wilson.json")
        return (try? JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases) ?? []
    }()

    @Test func theFixtureHoldsEveryGeneratedCase() {
        #expect(Self.cases.count == 627)
    }

    @Test("Wilson interval matches statsmodels proportion_confint(method='wilson')", arguments: cases)
    func matchesStatsmodels(_ reference: Case) throws {
        let interval = try #require(WilsonInterval.interval(successes: reference.successes, trials: reference.trials, z: reference.z))
        #expect(abs(interval.lower - reference.lower) <= 1e-9)
        #expect(abs(interval.upper - reference.upper) <= 1e-9)
    }

    @Test func theDefaultQuantileIsTheReferences95Percent() throws {
        let z = try #require(Self.cases.first { abs($0.z - 1.96) < 0.01 }?.z)
        #expect(WilsonInterval.z95 == z)
    }

    @Test func noTrialsGiveNoInterval() {
        #expect(WilsonInterval.interval(successes: 0, trials: 0) == nil)
    }
}
