import HTTPTypes
import Hummingbird

/// Headers every response carries: a Content-Security-Policy that allows scripts, styles
/// and media from this server only (no inline script, no inline style attribute from
/// markup), no framing, no sniffing, no referrer leaving the site.
///
/// It also refuses requests whose `Host` is not this server's own name: a web page that
/// rebinds its DNS name to 127.0.0.1 would otherwise read the learner's pages.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = WebContext

    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// Host names (without port) this server answers to.
    let allowedHosts: Set<String>

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard Self.accepts(authority: request.head.authority, allowed: allowedHosts) else {
            throw WebError(.misdirectedRequest, "this server answers only to \(allowedHosts.sorted().joined(separator: ", "))")
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as WebError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = response.headers[.contentSecurityPolicy] ?? Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// Whether a request for `authority` may be served (any, when `allowed` is empty).
    static func accepts(authority: String?, allowed: Set<String>) -> Bool {
        allowed.isEmpty || authority.map { allowed.contains(hostName($0)) } == true
    }

    /// "127.0.0.1:8080" → "127.0.0.1"; "[::1]:8080" → "::1".
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<end])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "").lowercased()
    }
}
