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
