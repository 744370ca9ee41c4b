internal import Foundation

extension JSONText {
    /// `value` as JSON on one line, keys sorted: for a value stored in a column or written as
    /// YAML flow style in `items.yaml`.
    public static func compact(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
