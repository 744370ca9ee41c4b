import Foundation
import Grading
import HTTPTypes
import Hummingbird

/// A JSON request body as a ``JSONValue`` object, with every problem a 400 or 422 that
/// names the field.
struct JSONBody {
    let fields: [String: JSONValue]

    static func read(_ request: Request, context: WebContext) async throws -> JSONBody {
        var request = request
        guard request.headers[.contentType]?.hasPrefix("application/json") == true else {
            throw WebError(.unsupportedMediaType, "send the body as application/json")
        }
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let bytes = Data(buffer.readableBytesView)
        guard String(data: bytes, encoding: .utf8) != nil else { throw WebError(.badRequest, "the body is not valid UTF-8") }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: bytes)
        } catch {
            throw WebError(.badRequest, "the body is not valid JSON (\(Self.describe(error)))")
        }
        guard case .object(let fields) = value else {
            throw WebError(.badRequest, "the body must be a JSON object, not \(value.typeDescription)")
        }
        return JSONBody(fields: fields)
    }

    func string(_ name: String) throws -> String {
        guard case .string(let value)? = fields[name] else {
            throw WebError(
                .unprocessableContent, "'\(name)' must be a string, got \(fields[name]?.typeDescription ?? "nothing")", field: name)
        }
        return value
    }

    func bool(_ name: String) throws -> Bool {
        guard case .bool(let value)? = fields[name] else {
            throw WebError(
                .unprocessableContent, "'\(name)' must be true or false, got \(fields[name]?.typeDescription ?? "nothing")", field: name)
        }
        return value
    }

    /// The value of `name`, or nil when it is absent or null.
    func optional(_ name: String) -> JSONValue? {
        if case .null? = fields[name] { return nil }
        return fields[name]
    }

    /// A client's sequence number for a save: a positive whole number, or nil when absent.
    func sequence(_ name: String) throws -> Int64? {
        guard let value = optional(name) else { return nil }
        guard case .number(let number) = value, number == number.rounded(), number >= 1, number < 1e15 else {
            throw WebError(.unprocessableContent, "'\(name)' must be a whole number from 1, got \(value.typeDescription)", field: name)
        }
        return Int64(number)
    }

    func integers(_ name: String) throws -> [Int] {
        guard case .array(let values)? = fields[name] else {
            throw WebError(.unprocessableContent, "'\(name)' must be a list of numbers", field: name)
        }
        return try values.map { value in
            guard case .number(let number) = value, number == number.rounded(), abs(number) < 1e9 else {
                throw WebError(.unprocessableContent, "'\(name)' must hold whole numbers, got \(value.typeDescription)", field: name)
            }
            return Int(number)
        }
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription)
        }
        return "\(error)"
    }
}

extension Response {
    /// An encodable value as a JSON response.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: JSONText.compact(value))))
    }
}
