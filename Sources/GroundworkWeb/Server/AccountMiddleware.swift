import Foundation
import Gradebook
import HTTPTypes
import Hummingbird

/// On a class server, finds who is signed in: the `gw_account` cookie names a session in the
/// gradebook (never in this process's memory, so any server process can answer). The
/// request then acts for that account's learner record.
///
/// Each session has its own form token, stored with it; the `gw_session` cookie that
/// ``SessionMiddleware`` compares forms against is set to it at login. A state-changing
/// request whose token is not its session's is refused, so a token learned before login, or
/// in another session, is worth nothing.
struct AccountMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let cookieName = "gw_account"

    let site: Site

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        guard let token = request.cookies[Self.cookieName]?.value, token.count == 64, token.allSatisfy(\.isHexDigit),
            let (account, session) = try await site.blocking({ try site.gradebook.session(token: token) })
        else { return try await next(request, context) }
        context.viewer = .account(account)
        context.learner = account.learnerID
        context.sessionToken = token
        guard context.formToken == session.formToken else {
            if request.method != .get && request.method != .head {
                throw WebError(.forbidden, "the form's security token belongs to another session; reload the page and try again")
            }
            context.formToken = session.formToken
            var response = try await next(request, context)
            response.headers[values: .setCookie].append(SessionMiddleware.cookie(session.formToken, context: context).description)
            return response
        }
        return try await next(request, context)
    }

    /// The cookies a login sets: the new session, and its form token for the pages' forms.
    static func loginCookies(_ signedIn: SignedIn, context: WebContext) -> [String] {
        [
            Cookie(name: cookieName, value: signedIn.token, path: "/", secure: context.isSecure, httpOnly: true, sameSite: .lax)
                .description,
            SessionMiddleware.cookie(signedIn.session.formToken, context: context).description,
        ]
    }

    /// The cookies a logout sets: both expired, so the browser forgets them.
    static func logoutCookies(context: WebContext) -> [String] {
        [cookieName, SessionMiddleware.cookieName].map {
            Cookie(name: $0, value: "", maxAge: 0, path: "/", secure: context.isSecure, httpOnly: true, sameSite: .strict).description
        }
    }
}
