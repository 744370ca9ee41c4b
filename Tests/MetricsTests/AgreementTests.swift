import GroundworkMetrics
import TestSupport
import Testing

struct CohenCase: NamedCase {
    struct Expected: Decodable, Sendable { let none: Num; let linear: Num; let quadratic: Num }
    let name: String
    let labels: [String], a: [String], b: [String]
    let expected: Expected
}

struct FleissCase: NamedCase {
    let name: String
    let table: [[Int]]
    let kappa: Num
    let randolph: Num
    let ratings: [[Int]]?
    let categories: Int?
}

struct KrippendorffCase: NamedCase {
    enum Outcome: Decodable, Sendable {
        case value(Num), error(String)
        struct ErrorBox: Decodable { let error: String }
        init(from decoder: any Decoder) throws {
            if let e = try? ErrorBox(from: decoder) { self = .error(e.error) } else { self = .value(try Num(from: decoder)) }
        }
    }
    let name: String
    let data: [[Double?]]
    let expected: [String: Outcome]
}

struct AgreementTests {
    @Test("Cohen's kappa matches sklearn cohen_kappa_score", arguments: try Fixtures.cases("cohen_kappa.json", as: CohenCase.self))
    func cohen(_ c: CohenCase) throws {
        expectClose(try Agreement.cohenKappa(c.a, c.b, labels: c.labels), c.expected.none.value, "unweighted")
        expectClose(try Agreement.cohenKappa(c.a, c.b, labels: c.labels, weighting: .linear), c.expected.linear.value, "linear")
        expectClose(try Agreement.cohenKappa(c.a, c.b, labels: c.labels, weighting: .quadratic), c.expected.quadratic.value, "quadratic")
    }

    @Test("Fleiss' kappa matches statsmodels fleiss_kappa", arguments: try Fixtures.cases("fleiss_kappa.json", as: FleissCase.self))
    func fleiss(_ c: FleissCase) throws {
        expectClose(try Agreement.fleissKappa(table: c.table), c.kappa.value, "kappa")
        expectClose(try Agreement.randolphKappa(table: c.table), c.randolph.value, "Randolph's kappa")
        if let ratings = c.ratings, let k = c.categories {
            expectClose(try Agreement.fleissKappa(ratings: ratings, categories: Array(0..<k)), c.kappa.value, "kappa from ratings")
        }
    }

    @Test(
        "Krippendorff's alpha matches the krippendorff package",
        arguments: try Fixtures.cases("krippendorff_alpha.json", as: KrippendorffCase.self))
    func krippendorff(_ c: KrippendorffCase) throws {
        let levels: [(String, MeasurementLevel)] = [
            ("nominal", .nominal), ("ordinal", .ordinal), ("interval", .interval), ("ratio", .ratio),
        ]
        for (key, level) in levels {
            switch c.expected[key] {
            case let .value(v)?:
                expectClose(try Agreement.krippendorffAlpha(c.data, level: level), v.value, key)
                if level == .nominal {
                    // −0 and 0 are one value (==), so one label
                    let labels = c.data.map { $0.map { $0.map { "v\($0 == 0 ? 0 : $0)" } } }
                    expectClose(try Agreement.krippendorffAlpha(nominal: labels), v.value, "nominal on labels")
                }
            case .error?:
                #expect(throws: MetricsError.self) { try Agreement.krippendorffAlpha(c.data, level: level) }
            case nil:
                // ratio is left out of the cases where a pair of values can sum to 0
                if level != .ratio { Issue.record("missing expectation for \(key)") }
            }
        }
    }

    @Test("numeric alpha codes any finite values as the nominal labels of their text do")
    func krippendorffValueCodes() throws {
        var rng = SplitMix64(seed: 31)
        // small integers, negatives, fractions, both zeros, huge and tiny magnitudes, and more
        // distinct values than a short search would hold
        let pools: [[Double]] = [
            [0, 1, 2, 3, 4], [-7, -1, 0, -0.0, 3, 1e15, -1e15, 2.5e-300, 0.125],
            (0..<200).map { Double($0) * 0.37 - 30 },
        ]
        for trial in 0..<45 {
            let pool = pools[trial % pools.count]
            let coders = 2 + rng.int(4), units = 2 + rng.int(60)
            let data = (0..<coders).map { _ in (0..<units).map { _ in rng.int(5) == 0 ? nil : pool[rng.int(pool.count)] } }
            // the text of −0 is "-0.0": map it to "0.0", as == merges the two zeros
            let labels = data.map { $0.map { $0.map { $0 == 0 ? "0.0" : "\($0)" } } }
            let numeric = outcome { () throws(MetricsError) in try Agreement.krippendorffAlpha(data, level: .nominal) }
            let nominal = outcome { () throws(MetricsError) in try Agreement.krippendorffAlpha(nominal: labels) }
            switch (numeric, nominal) {
            // the same partition of the values, in another order: equal up to summation order
            case (.success(let a), .success(let b)): expectClose(a, b, "\(data)")
            case (.failure(let a), .failure(let b)): #expect(a.message == b.message)
            default: Issue.record("one version failed: \(numeric) vs \(nominal) on \(data)")
            }
        }
    }

    @Test("agreement functions reject bad input")
    func badInput() {
        #expect(throws: MetricsError.self) { try Agreement.cohenKappa(["a"], ["a", "b"], labels: ["a", "b"]) }
        #expect(throws: MetricsError.self) { try Agreement.cohenKappa(["a"], ["c"], labels: ["a", "b"]) }
        #expect(throws: MetricsError.self) { try Agreement.fleissKappa(table: [[1, 1], [2, 1]]) }
        #expect(throws: MetricsError.self) { try Agreement.fleissKappa(table: [[1, 0]]) }
        #expect(throws: MetricsError.self) { try Agreement.fleissKappa(table: [[-1, 3]]) }
        #expect(throws: MetricsError.self) { try Agreement.randolphKappa(table: [[1, 1], [2, 1]]) }
        #expect(throws: MetricsError.self) { try Agreement.randolphKappa(table: []) }
        #expect(throws: MetricsError.self) { try Agreement.krippendorffAlpha([[1, .nan], [1, 2]], level: .interval) }
        #expect(throws: MetricsError.self) { try Agreement.krippendorffAlpha([[1, 2], [1]], level: .interval) }
    }
}

private func outcome(_ body: () throws(MetricsError) -> Double) -> Result<Double, MetricsError> {
    do { return .success(try body()) } catch { return .failure(error) }
}
