import Foundation
import Grading
import GroundworkMetrics

/// The files written by `scripts/metrics-bench/reference_bench.py generate`. Loading is never
/// timed.
enum Datasets {
    static func decode<T: Decodable>(_ type: T.Type, _ folder: URL, _ name: String) throws -> T {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        return try JSONDecoder().decode(T.self, from: data)
    }
}

// MARK: boxes.json

/// One `[x1, y1, x2, y2, label]` row.
struct BoxRow: Decodable {
    let minX: Double, minY: Double, maxX: Double, maxY: Double
    let label: String

    init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        minX = try c.decode(Double.self)
        minY = try c.decode(Double.self)
        maxX = try c.decode(Double.self)
        maxY = try c.decode(Double.self)
        label = try c.decode(String.self)
    }

    func labeled() throws -> LabeledBox<String> {
        LabeledBox(try Box(minX: minX, minY: minY, maxX: maxX, maxY: maxY), label: label)
    }
}

struct BoxFile: Decodable {
    struct Item: Decodable {
        let g: [BoxRow]
        let p: [BoxRow]
    }

    let threshold: Double
    let items: [Item]
}

/// Images ready for `BoxGeometry.match` (boxes validated at load time).
struct BoxDataset {
    let threshold: Double
    let gold: [[LabeledBox<String>]]
    let predicted: [[LabeledBox<String>]]

    init(_ folder: URL) throws {
        let file = try Datasets.decode(BoxFile.self, folder, "boxes.json")
        threshold = file.threshold
        gold = try file.items.map { try $0.g.map { try $0.labeled() } }
        predicted = try file.items.map { try $0.p.map { try $0.labeled() } }
    }
}

// MARK: transcripts.json

struct TranscriptDataset: Decodable {
    let references: [String]
    let hypotheses: [String]

    init(_ folder: URL) throws {
        self = try Datasets.decode(TranscriptDataset.self, folder, "transcripts.json")
    }
}

// MARK: ner.json

/// Sentences of BIO tags (stored as one space-separated string per sentence).
struct NERDataset {
    private struct File: Decodable {
        let gold: [String]
        let predicted: [String]
        let tags: [String]
        let nervaluateSentences: Int

        enum CodingKeys: String, CodingKey {
            case gold, predicted, tags
            case nervaluateSentences = "nervaluate_sentences"
        }
    }

    let gold: [[String]]
    let predicted: [[String]]
    let tags: [String]
    let nervaluateSentences: Int

    init(_ folder: URL) throws {
        let file = try Datasets.decode(File.self, folder, "ner.json")
        func split(_ s: String) -> [String] {
            s.isEmpty ? [] : s.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        }
        gold = file.gold.map(split)
        predicted = file.predicted.map(split)
        tags = file.tags
        nervaluateSentences = min(file.nervaluateSentences, gold.count)
    }
}

// MARK: reference.json

struct ReferenceFile: Decodable {
    struct Task: Decodable {
        let seconds: Double
        let runs: [Double]
        let reference: String
        let result: JSONValue
    }

    let meta: JSONValue
    let tasks: [String: Task]

    init(_ file: URL) throws {
        self = try JSONDecoder().decode(ReferenceFile.self, from: try Data(contentsOf: file))
    }
}
