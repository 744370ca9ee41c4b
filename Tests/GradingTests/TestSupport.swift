import Courseware
import Foundation
import Testing

@testable import Grading

/// Paths and helpers shared by the Grading tests.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The example assessment folder `Fixtures/Assessments/<id>`.
    static func assessmentFolder(_ id: String) -> String {
        folder.appendingPathComponent("Assessments").appendingPathComponent(id).path
    }

    /// Every example assessment id (one per item kind).
    static let assessmentIDs = [
        "sentiment-single", "content-flags", "search-relevance", "short-answers", "counting", "named-entities",
        "street-boxes", "roof-polygons", "pose-keypoints", "transcripts", "sound-events", "search-ranking", "llm-comparison",
        "written-answers",
    ]

    /// Loads an example assessment, failing the test on any error.
    static func assessment(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Assessment {
        do {
            return try AssessmentLoader().loadChecked(folder: assessmentFolder(id))
        } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
            throw error
        }
    }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
    }
}

/// A minimal front matter for inline tests.
let basicFrontMatter = "---\ntitle: Test\npass-mark: 50%\n---\nInstructions.\n"

/// Loads inline `items.yaml` text (with `basicFrontMatter` unless another is given).
func loadInline(_ items: String, assessment: String = basicFrontMatter) -> AssessmentLoader.Loaded {
    AssessmentLoader().load(
        assessment: SourceFile(path: "assessment.md", text: assessment),
        items: SourceFile(path: "items.yaml", text: items), folder: nil)
}

/// The printed diagnostics of inline items.
func diagnostics(_ items: String, assessment: String = basicFrontMatter) -> [String] {
    loadInline(items, assessment: assessment).diagnostics.map(\.description)
}

/// One item read from inline YAML (a single list entry); records an issue if it has errors.
func item(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Item {
    let loaded = loadInline(yaml)
    let errors = loaded.errors
    if !errors.isEmpty {
        Issue.record("unexpected diagnostics:\n\(errors.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
    return try #require(loaded.assessment?.items.first, sourceLocation: sourceLocation)
}

/// Decodes a response to `item` from JSON text.
func response(_ json: String, for item: Item) throws -> ItemResponse {
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    return try ItemResponse(json: value, for: item)
}

/// Scores a JSON answer to `item`.
func score(_ json: String, _ item: Item) throws -> ItemScore {
    item.score(try response(json, for: item))
}

/// A metric's value by id.
func metric(_ id: MetricID, in score: ItemScore) -> Double? {
    score.metrics.first { $0.id == id }?.value
}

/// Whether two doubles agree to `tolerance`.
func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

/// Compares `actual` with a golden file under Fixtures; with `GROUNDWORK_RECORD_GOLDEN=1` in
/// the environment the file is rewritten instead (then review the diff before committing).
func expectGolden(_ actual: String, _ relative: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    if ProcessInfo.processInfo.environment["GROUNDWORK_RECORD_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: Fixtures.folder.appendingPathComponent(relative))
        return
    }
    #expect(actual == (try Fixtures.text(relative)), sourceLocation: sourceLocation)
}
