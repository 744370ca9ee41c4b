public import Foundation

/// The executables SwiftPM built beside the running test bundle, for tests that run the
/// real program (its command line, or `serve` as separate processes).
public enum BuiltProgram {
    /// The executable `name` in the test bundle's folder or up to three folders above it
    /// (on macOS the bundle is itself a folder).
    public static func url(_ name: String) throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name) executable near \(CommandLine.arguments[0])"])
    }
}
