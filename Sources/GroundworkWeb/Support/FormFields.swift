import Foundation
import HTTPTypes
import Hummingbird

/// The fields of an HTML form body (`application/x-www-form-urlencoded`), in order, with
/// repeated names kept (checkboxes). Bytes that are not UTF-8 after decoding are refused
/// with a 400 naming the field, never guessed at.
struct FormFields: Sendable {
    static let contentType = "application/x-www-form-urlencoded"

    private(set) var fields: [(name: String, value: String)] = []

    init(_ body: ByteBuffer) throws {
        let text = String(decoding: body.readableBytesView, as: UTF8.self)
        guard Array(text.utf8) == Array(body.readableBytesView) else { throw WebError(.badRequest, "the form is not valid UTF-8") }
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0], field: nil)
            let value = try Self.decode(parts.count > 1 ? parts[1] : "", field: name)
            fields.append((name, value))
        }
    }

    /// Reads and parses a request's form body.
    static func read(_ request: Request, context: WebContext) async throws -> FormFields {
        var request = request
        guard request.headers[.contentType]?.hasPrefix(contentType) == true else {
            throw WebError(.unsupportedMediaType, "send the form as \(contentType)")
        }
        return try FormFields(try await request.collectBody(upTo: context.maxUploadSize))
    }

    /// The first value of `name`, if sent.
    func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Every value of `name`, in order.
    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// Fields whose names start with `prefix`, with the prefix removed from the name.
    func withPrefix(_ prefix: String) -> [(name: String, value: String)] {
        fields.filter { $0.name.hasPrefix(prefix) }.map { (String($0.name.dropFirst(prefix.count)), $0.value) }
    }

    private static func decode(_ text: Substring, field: String?) throws -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw WebError(
                .badRequest, "the form field '\(field ?? String(text.prefix(40)))' is not valid percent-encoded UTF-8", field: field)
        }
        return decoded
    }
}
