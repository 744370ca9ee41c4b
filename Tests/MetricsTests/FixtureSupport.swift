import Foundation
import Testing

/// Loads the JSON fixtures written by scripts/fixtures/generate_metrics_fixtures.py.
/// The path is built from #filePath: the test target declares no resources.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func cases<C: Decodable>(_ file: String, as type: C.Type = C.self) throws -> [C] {
        let data = try Data(contentsOf: directory.appendingPathComponent(file))
        return try JSONDecoder().decode(FixtureFile<C>.self, from: data).cases
    }
}

struct FixtureFile<C: Decodable>: Decodable {
    let cases: [C]
}

/// A JSON number, or one of the strings "NaN", "Infinity", "-Infinity".
struct Num: Decodable, Sendable, Equatable, CustomStringConvertible {
    let value: Double

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let d = try? c.decode(Double.self) {
            value = d
            return
        }
        switch try c.decode(String.self) {
        case "NaN": value = .nan
        case "Infinity": value = .infinity
        case "-Infinity": value = -.infinity
        case let other: throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a number: \(other)")
        }
    }

    var description: String { "\(value)" }
}

/// Agreement to 1e-9, relative for magnitudes above 1; NaN matches NaN, infinities match.
func close(_ actual: Double, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    if expected.isNaN { return actual.isNaN }
    if expected.isInfinite { return actual == expected }
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
}

func expectClose(_ actual: Double, _ expected: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(close(actual, expected), "\(what): got \(actual), expected \(expected)", sourceLocation: sourceLocation)
}

func expectClose(_ actual: [Double], _ expected: [Double], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        expectClose(a, e, "\(what)[\(i)]", sourceLocation: sourceLocation)
    }
}

/// Every fixture case is named; the name shows in the test report.
protocol NamedCase: Decodable, Sendable, CustomTestStringConvertible {
    var name: String { get }
}

extension NamedCase {
    var testDescription: String { name }
}
