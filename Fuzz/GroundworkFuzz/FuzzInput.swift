/// One fuzz input: its bytes, the format they are read as, and the shipped folder whose other
/// files go with them (an assessment's id, or `content` for lessons and the table of contents).
public struct FuzzInput: Sendable {
    public var format: FuzzFormat
    public var bytes: [UInt8]
    public var companion: String

    public init(format: FuzzFormat, bytes: [UInt8], companion: String) {
        self.format = format
        self.bytes = bytes
        self.companion = companion
    }

    /// The name it is kept under as a regression fixture: `crash-sentiment-quiz-1-42.yaml`.
    public func fixtureName(kind: String, seed: UInt64, index: Int) -> String {
        let ext = format.fileName.split(separator: ".").last.map(String.init) ?? "txt"
        return "\(kind)-\(companion)-\(seed)-\(index).\(ext)"
    }

    /// The companion named by a fixture file's name (the inverse of ``fixtureName``).
    public static func companion(ofFixture name: String) -> String {
        let parts = name.split(separator: "-")
        guard parts.count >= 4 else { return "content" }
        return parts[1..<(parts.count - 2)].joined(separator: "-")
    }
}
