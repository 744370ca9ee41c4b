import Foundation
import Gradebook
import HTTPTypes
import Hummingbird

/// A class server's doors: sign in, sign out, and join a cohort with an invitation (a new
/// account, or the signed-in one). Failures show the form again with the reason beside it.
struct AccountPages {
    let site: Site

    func register(on router: Router<WebContext>) {
        router.get("/login") { request, context in
            if context.viewer.account != nil { return Site.redirect(Self.safeNext(request.uri.queryParameters.get("next"))) }
            return try loginPage(context, next: request.uri.queryParameters.get("next") ?? "/")
        }
        router.post("/login") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking { try self.logIn(form, context) }
        }
        router.post("/logout") { _, context in
            if let token = context.sessionToken { try await site.blocking { try site.gradebook.closeSession(token: token) } }
            var response = Site.redirect("/login")
            response.headers[values: .setCookie].append(contentsOf: AccountMiddleware.logoutCookies(context: context))
            return response
        }
        router.get("/join") { request, context in
            guard let code = request.uri.queryParameters.get("code"), !code.isEmpty else {
                return try site.page("join", title: "Join a cohort", context: context, view: JoinView(askCode: true))
            }
            return try await site.blocking {
                guard let (invitation, _) = try site.gradebook.invitation(code: code) else { throw Self.unknownInvitation }
                return Site.redirect("/join/" + invitation.code)
            }
        }
        router.get("/join/:code") { _, context in try await site.blocking { try self.joinPage(context) } }
        router.post("/join/:code") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking { try self.join(form, context) }
        }
        router.get("/reset/:code") { _, context in try await site.blocking { try self.resetPage(context) } }
        router.post("/reset/:code") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking { try self.reset(form, context) }
        }
    }

    static let unknownInvitation = WebError(.notFound, "this invitation is unknown, used up or expired; ask your mentor for a new one")

    /// Only a path of this site: never `//elsewhere` or `https://…`, so a login link cannot
    /// send the learner off to a look-alike.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\") else { return "/" }
        return next
    }

    func loginPage(_ context: WebContext, next: String, username: String = "", problem: String? = nil, status: HTTPResponse.Status = .ok)
        throws -> Response
    {
        try site.page(
            "login", title: "Sign in", context: context,
            view: LoginView(next: Self.safeNext(next), username: username, problem: problem), status: status)
    }

    func logIn(_ form: FormFields, _ context: WebContext) throws -> Response {
        let username = form.value("username") ?? ""
        let next = Self.safeNext(form.value("next"))
        do {
            let signedIn = try site.gradebook.logIn(
                username: username, password: form.value("password") ?? "", address: context.clientAddress, replacing: context.sessionToken)
            var response = Site.redirect(next)
            response.headers[values: .setCookie].append(contentsOf: AccountMiddleware.loginCookies(signedIn, context: context))
            return response
        } catch let error as AccountError {
            return try loginPage(
                context, next: next, username: String(username.prefix(40)), problem: error.message,
                status: error.kind == .throttled ? .tooManyRequests : .unauthorized)
        }
    }

    func joinPage(_ context: WebContext, problem: String? = nil, username: String = "", status: HTTPResponse.Status = .ok) throws
        -> Response
    {
        let code = try context.parameters.require("code")
        guard let (invitation, cohort) = try site.gradebook.invitation(code: code) else { throw Self.unknownInvitation }
        let view = JoinView(
            askCode: false, code: invitation.code, cohort: cohort.name, place: invitation.role.rawValue,
            signedInAs: context.viewer.account?.username, username: username, problem: problem)
        return try site.page("join", title: "Join \(cohort.name)", context: context, view: view, status: status)
    }

    func join(_ form: FormFields, _ context: WebContext) throws -> Response {
        let code = try context.parameters.require("code")
        let username = form.value("username") ?? ""
        do {
            if let account = context.viewer.account {
                _ = try site.gradebook.redeem(code: code, existing: account.id)
                return Site.redirect("/")
            }
            let password = form.value("password") ?? ""
            guard password == form.value("confirm") else {
                throw AccountError(.invalid, "the two passwords differ", field: "confirm")
            }
            _ = try site.gradebook.redeem(code: code, username: username, password: password)
            // Signs the newcomer in at once, with a session of its own.
            let signedIn = try site.gradebook.logIn(
                username: username, password: password, address: context.clientAddress, replacing: context.sessionToken)
            var response = Site.redirect("/")
            response.headers[values: .setCookie].append(contentsOf: AccountMiddleware.loginCookies(signedIn, context: context))
            return response
        } catch let error as AccountError {
            if error.kind == .notFound { throw WebError(.notFound, error.message) }
            return try joinPage(context, problem: error.message, username: String(username.prefix(40)), status: .unprocessableContent)
        }
    }
}

extension AccountPages {
    static let unknownReset = WebError(.notFound, "this reset link is unknown, used or expired; ask an admin for a new one")

    /// A reset code from the path: 64 hex digits, or 404 before the gradebook is asked.
    static func resetCode(_ context: WebContext) throws -> String {
        let code = try context.parameters.require("code")
        guard code.count == 64, code.allSatisfy(\.isHexDigit) else { throw unknownReset }
        return code
    }

    func resetPage(_ context: WebContext, problem: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        let code = try Self.resetCode(context)
        guard let account = try site.gradebook.passwordResetAccount(code: code) else { throw Self.unknownReset }
        let view = ResetView(code: code, username: account.username, problem: problem)
        return try site.page("reset", title: "Choose a new password", context: context, view: view, status: status)
    }

    /// Sets the new password, then signs its owner in with it (a new session; every older
    /// one was closed by the reset).
    func reset(_ form: FormFields, _ context: WebContext) throws -> Response {
        let code = try Self.resetCode(context)
        let password = form.value("password") ?? ""
        do {
            guard password == form.value("confirm") else { throw AccountError(.invalid, "the two passwords differ", field: "confirm") }
            let account = try site.gradebook.resetPassword(code: code, to: password)
            let signedIn = try site.gradebook.logIn(
                username: account.username, password: password, address: context.clientAddress, replacing: context.sessionToken)
            var response = Site.redirect("/")
            response.headers[values: .setCookie].append(contentsOf: AccountMiddleware.loginCookies(signedIn, context: context))
            return response
        } catch let error as AccountError {
            if error.kind == .notFound { throw Self.unknownReset }
            return try resetPage(context, problem: error.message, status: .unprocessableContent)
        }
    }
}

struct ResetView {
    let code: String
    let username: String
    let problem: String?
}

struct LoginView {
    let next: String
    let username: String
    let problem: String?
}

struct JoinView {
    var askCode: Bool
    var code = ""
    var cohort = ""
    var place = ""
    var signedInAs: String?
    var username = ""
    var problem: String?
}
