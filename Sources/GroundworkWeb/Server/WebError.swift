import Foundation
public import HTTPTypes
public import Hummingbird

/// A request that cannot be served, with the status it deserves and a sentence for the
/// learner: the API sends it as `{"error": {"message": …, "field": …}}`, pages as an error
/// page. Messages name the offending field or value and never quote gold.
public struct WebError: Error, HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let message: String
    /// The request field the message is about, when there is one.
    public let field: String?

    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var error: [String: String] = ["message": message]
        if let field { error["field"] = field }
        let body = (try? JSONEncoder().encode(["error": error])) ?? Data()
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
