import Foundation
import HTTPTypes
import Hummingbird

/// Protects every state-changing request against cross-site forgery: the browser holds a
/// random token in a `SameSite=Strict`, `HttpOnly` cookie, pages repeat it in their forms
/// (`_csrf`) and scripts in a header (`X-CSRF-Token`), and a POST whose two copies differ
/// is refused with 403 before any handler runs. A strict cookie is never sent by another
/// site, and another site cannot read the page to learn the token.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let cookieName = "gw_session"
    static let headerName = HTTPField.Name("X-CSRF-Token")!
    static let formField = "_csrf"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        let existing = request.cookies[Self.cookieName]?.value.filter { $0.isHexDigit }
        let token = existing.flatMap { $0.count == 64 ? $0 : nil } ?? Self.newToken()
        context.formToken = token
        var request = request
        if request.method != .get && request.method != .head {
            guard existing == token else { throw WebError(.forbidden, "this request has no session; reload the page and try again") }
            var sent = request.headers[Self.headerName]
            if sent == nil, request.headers[.contentType]?.hasPrefix(FormFields.contentType) == true {
                // Buffered, so the handler reads the same body again.
                let body = try await request.collectBody(upTo: context.maxUploadSize)
                sent = try FormFields(body).value(Self.formField)
            }
            guard sent == token else {
                throw WebError(
                    .forbidden, "the form's security token is missing or stale; reload the page and try again", field: Self.formField)
            }
        }
        var response = try await next(request, context)
        // A class server's login or session check may have set the cookie to its own token.
        let setByAccount = response.headers[values: .setCookie].contains { $0.hasPrefix(Self.cookieName + "=") }
        if existing != token && !setByAccount {
            response.headers[values: .setCookie].append(Self.cookie(token, context: context).description)
        }
        return response
    }

    /// The cookie carrying `token`, `Secure` when the browser came over TLS; a class
    /// server's login replaces it with its session's form token.
    static func cookie(_ token: String, context: WebContext) -> Cookie {
        Cookie(name: cookieName, value: token, path: "/", secure: context.isSecure, httpOnly: true, sameSite: .strict)
    }

    /// 32 random bytes from the system's secure generator, as hex.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
