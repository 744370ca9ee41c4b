internal import Foundation

/// Stable JSON text: pretty-printed, keys sorted, slashes unescaped, ending in a newline, so
/// reports diff cleanly and golden tests are byte-exact.
enum JSONText {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
