internal import Foundation

/// Stable JSON text: pretty-printed, keys sorted, slashes unescaped, ending in a newline, so
/// reports diff cleanly and golden tests are byte-exact.
public enum JSONText {
    /// `value` as JSON text. Besides the control characters JSON itself escapes, C1 controls
    /// and bidirectional overrides are written as `\u` escapes, so JSON printed to a terminal
    /// carries no raw control from a file (the value read back is the same).
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null\n" }
        return escapingControls(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// JSON's structure is ASCII, so these scalars can only stand inside strings, where a
    /// `\u` escape means the same.
    private static func escapingControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: mustEscape) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            if mustEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
