import Foundation

@testable import Courseware

/// Paths and helpers shared by the Courseware tests.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}

/// Parses Markdown text given inline in a test.
func parse(_ markdown: String, path: String = "test.md") -> MarkdownDocument {
    MarkdownDocument(source: SourceFile(path: path, text: markdown))
}

/// Reads a lesson given inline in a test.
func lesson(_ markdown: String, path: String = "lesson.md", id: String = "lesson") -> Lesson {
    Lesson(source: SourceFile(path: path, text: markdown), defaultID: id)
}

/// A throwaway folder for a test's files, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("groundwork-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
