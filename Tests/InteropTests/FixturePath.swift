import Foundation

/// Paths of the real example files under `Fixtures/` (see its README for where each comes from).
enum FixturePath {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func of(_ name: String) -> String { folder + "/" + name }
}

extension FixturePath {
    /// The checkout's root, for the shipped assessments.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
}
