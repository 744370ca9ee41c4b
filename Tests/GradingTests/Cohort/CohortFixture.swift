import Foundation
import Testing

@testable import Grading

/// The generated mentor-trial cohort (scripts/cohort/generate_cohort_fixtures.py): a test
/// whose item s5 has wrong gold, 30 learners, three mentors' gold sheets, and the figures
/// the reference libraries give on them.
enum CohortFixture {
    static let folder = Fixtures.folder.appendingPathComponent("Cohort")
    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    static func assessment() throws -> Assessment { try AssessmentLoader().loadChecked(folder: path("mentor-trial")) }

    struct Expected: Decodable {
        struct Statistics: Decodable {
            var items: [String]
            var facility: [Double]
            var itemTotal: [Double]
            var itemTotalUncorrected: [Double]
            var discrimination: [Double]
            var cronbachAlpha: Double
            var scoredZero: [Double]
        }
        struct Pair: Decodable {
            var a: String
            var b: String
            var units: Int
            var value: Double
        }
        struct Figure: Decodable {
            var units: Int
            var value: Double
        }
        struct Objects: Decodable {
            var meanScore: Double
            var lowestScore: Double
            var meanIoU: Double
        }
        struct AgreementFigures: Decodable {
            var cohen: [Pair]
            var fleiss: Figure
            var alphaNominal: Double
            var alphaOrdinal: Double
            var alphaInterval: Double
            var b1: Objects
        }
        var statistics: Statistics
        var agreement: AgreementFigures
    }

    static func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
    }
}

/// |a − b| ≤ 1e-9, NaN equal to NaN.
func close(_ a: Double?, _ b: Double?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return abs(a - b) <= 1e-9
}
