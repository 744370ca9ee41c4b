import Foundation
import Gradebook
import HTTPTypes
import Hummingbird

/// Who may use each route. Every route the router has must be listed here (a test checks
/// it); a request no rule matches is answered 404 before any handler runs, so a route added
/// without a rule is unreachable rather than open.
enum AccessRules {
    enum Access: Equatable {
        /// Anyone, signed in or not: static files, the login and invitation pages.
        case everyone
        /// Any signed-in account (the pages act on its own learner record only).
        case role(Role)
    }

    struct Rule {
        let method: HTTPRequest.Method
        /// A router path (`/attempts/:attempt`, `/assets/**`).
        let path: RouterPath
        let access: Access
    }

    static let rules: [Rule] = {
        func rule(_ spec: String, _ access: Access) -> Rule {
            let parts = spec.split(separator: " ", maxSplits: 1)
            return Rule(method: HTTPRequest.Method(String(parts[0]))!, path: RouterPath(String(parts[1])), access: access)
        }
        let everyone = [
            "GET /assets/**", "GET /api/openapi.json", "GET /api/session",
            "GET /login", "POST /login", "GET /join", "GET /join/:code", "POST /join/:code", "GET /reset/:code", "POST /reset/:code",
        ].map { rule($0, .everyone) }
        let learner = [
            "GET /", "GET /course", "GET /lessons/:id", "POST /lessons/:id/quizzes/:number", "GET /files/**",
            "GET /tests", "GET /tests/:id", "POST /tests/:id/start", "POST /tests/:id/practice", "GET /tests/:id/files/**",
            "GET /attempts/:attempt", "POST /attempts/:attempt/answer", "POST /attempts/:attempt/submit",
            "POST /attempts/:attempt/take-over", "GET /attempts/:attempt/report", "POST /attempts/:attempt/contest",
            "POST /attempts/:attempt/grade", "GET /attempts/:attempt/items/:number", "GET /attempts/:attempt/review",
            "POST /attempts/:attempt/flag", "GET /attempts/:attempt/files/**", "POST /tests/:id/practice-fresh", "GET /history",
            "GET /readiness", "POST /readiness/checklist", "GET /pay",
            "GET /review", "POST /logout",
            "GET /api/progress", "GET /api/assessments", "GET /api/assessments/:id", "POST /api/assessments/:id/attempts",
            "GET /api/attempts/:attempt", "POST /api/attempts/:attempt/answers", "POST /api/attempts/:attempt/submit",
            "POST /api/attempts/:attempt/heartbeat", "POST /api/attempts/:attempt/flags", "POST /api/attempts/:attempt/contests",
            "GET /api/attempts/:attempt/report", "POST /api/lessons/:id/quizzes/:number",
            "GET /api/readiness", "POST /api/readiness/checklist/:entry", "GET /api/pay", "GET /api/review",
        ].map { rule($0, .role(.learner)) }
        let mentor = [
            "GET /mentor", "GET /mentor/:id/stats", "GET /api/mentor/:id/stats", "GET /mentor/cohorts/:cohort",
            "POST /mentor/cohorts/:cohort/invitations",
            "GET /mentor/cohorts/:cohort/learners/:account", "GET /mentor/cohorts/:cohort/learners/:account/attempts/:attempt",
            "GET /mentor/cohorts/:cohort/tests/:id/stats", "GET /mentor/contests", "POST /mentor/contests/:contest/accept",
            "POST /mentor/contests/:contest/reject", "POST /mentor/cohorts/:cohort/jobs",
            "GET /mentor/cohorts/:cohort/jobs/:job/result",
        ].map { rule($0, .role(.mentor)) }
        let admin = [
            "GET /admin", "POST /admin/accounts/:account/role", "POST /admin/accounts/:account/reset-link", "POST /admin/cohorts",
            "POST /admin/cohorts/:cohort/members",
        ].map { rule($0, .role(.admin)) }
        return everyone + learner + mentor + admin
    }()

    /// The rule for a request (HEAD as GET), or nil when there is none.
    static func rule(method: HTTPRequest.Method, path: String) -> Rule? {
        let method = method == .head ? .get : method
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return rules.first { $0.method == method && matches($0.path, segments) }
    }

    /// Whether a router path matches a request's path segments: `:name` and `*` take one
    /// segment, `**` the rest (at least one).
    static func matches(_ pattern: RouterPath, _ segments: [Substring]) -> Bool {
        let parts = pattern.description.split(separator: "/", omittingEmptySubsequences: true)
        for (index, part) in parts.enumerated() {
            if part == "**" { return segments.count > index }
            guard index < segments.count else { return false }
            if part == "*" || part.hasPrefix("{") { continue }
            if part != segments[index] { return false }
        }
        return parts.count == segments.count
    }
}

/// Applies ``AccessRules`` before any handler runs: signed-out visitors are sent to the
/// login page (the API answers 401), accounts without the role get 403. Without accounts
/// the local user may do everything the server offers.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard let rule = AccessRules.rule(method: request.method, path: path) else {
            throw WebError(.notFound, "there is no such page")
        }
        guard case .role(let needed) = rule.access else { return try await next(request, context) }
        if let role = context.viewer.role, role >= needed { return try await next(request, context) }
        guard context.viewer.role != nil else {
            if request.method == .get && !path.hasPrefix("/api/") {
                let next = request.uri.description.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
                return Site.redirect("/login?next=\(next)")
            }
            throw WebError(.unauthorized, "sign in first (POST /login)")
        }
        throw WebError(.forbidden, "this page is for \(needed == .admin ? "admins" : "mentors") only")
    }
}
