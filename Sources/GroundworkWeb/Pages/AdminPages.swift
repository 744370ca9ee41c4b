import Foundation
import Gradebook
import HTTPTypes
import Hummingbird

/// `/admin` on a class server: accounts and their roles, cohorts and their mentors, and the
/// audit log. Every change is written to the audit log with the admin's name.
struct AdminPages {
    let site: Site

    func register(on router: Router<WebContext>) {
        router.get("/admin") { _, context in try await site.blocking { try self.page(context) } }
        router.post("/admin/accounts/:account/role") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking {
                let id = try Self.id(context, "account")
                guard let role = form.value("role").flatMap(Role.init(rawValue:)) else {
                    throw WebError(.unprocessableContent, "role is learner, mentor or admin", field: "role")
                }
                try Self.refusing { _ = try site.gradebook.setRole(role, of: id, actor: context.viewer.actor) }
                return Site.redirect("/admin#accounts")
            }
        }
        router.post("/admin/accounts/:account/reset-link") { _, context in
            try await site.blocking {
                let id = try Self.id(context, "account")
                let (code, expiresAt) = try Self.refusing { try site.gradebook.makePasswordReset(for: id, actor: context.viewer.actor) }
                let username = try site.gradebook.account(id: id)?.username ?? ""
                // Shown on this page only, once: the gradebook keeps the code's digest.
                return try self.page(
                    context, resetLink: .init(username: username, path: "/reset/" + code, expires: WebText.moment(expiresAt)))
            }
        }
        router.post("/admin/cohorts") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking {
                let cohort = try Self.refusing {
                    try site.gradebook.createCohort(name: form.value("name") ?? "", actor: context.viewer.actor)
                }
                return Site.redirect("/mentor/cohorts/\(cohort.id ?? 0)")
            }
        }
        router.post("/admin/cohorts/:cohort/members") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking {
                let cohort = try Self.id(context, "cohort")
                guard let account = try site.gradebook.account(username: form.value("username") ?? "") else {
                    throw WebError(.unprocessableContent, "no account '\((form.value("username") ?? "").prefix(40))'", field: "username")
                }
                let place = form.value("place").flatMap(CohortMember.Place.init(rawValue:)) ?? .mentor
                try Self.refusing { try site.gradebook.addMember(account.id!, toCohort: cohort, as: place, actor: context.viewer.actor) }
                return Site.redirect("/mentor/cohorts/\(cohort)")
            }
        }
    }

    func page(_ context: WebContext, resetLink: AdminView.ResetLink? = nil) throws -> Response {
        let accounts = try site.gradebook.accounts().map { account in
            AdminView.AccountRow(
                id: account.id ?? 0, username: account.username, created: WebText.moment(account.createdAt),
                roles: Role.allCases.map { .init(name: $0.rawValue, selected: $0 == account.role) })
        }
        let cohorts = try site.gradebook.cohorts().map { AdminView.CohortRow(id: $0.id ?? 0, name: $0.name) }
        let audit = try site.gradebook.auditLog(limit: 100).map {
            AdminView.AuditRow(at: WebText.moment($0.at), actor: $0.actor, action: $0.action, subject: $0.subject, detail: $0.detail)
        }
        return try site.page(
            "admin", title: "Admin", context: context,
            view: AdminView(accounts: accounts, cohorts: cohorts, audit: audit, resetLink: resetLink),
            section: "admin"
        )
    }

    /// A positive id from the path, or 404.
    static func id(_ context: WebContext, _ name: String) throws -> Int64 {
        let text = try context.parameters.require(name)
        guard let id = Int64(text), id > 0 else { throw WebError(.notFound, "no \(name) '\(text.prefix(40))'") }
        return id
    }

    /// Runs `work`, turning a refused account operation into the matching status.
    static func refusing<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as AccountError {
            throw WebError(error.kind == .notFound ? .notFound : .unprocessableContent, error.message, field: error.field)
        }
    }
}

struct AdminView {
    struct Option {
        let name: String
        let selected: Bool
    }

    struct AccountRow {
        let id: Int64
        let username: String
        let created: String
        let roles: [Option]
    }

    struct CohortRow {
        let id: Int64
        let name: String
    }

    struct AuditRow {
        let at: String
        let actor: String
        let action: String
        let subject: String
        let detail: String
    }

    /// A reset link just made, shown once.
    struct ResetLink {
        let username: String
        let path: String
        let expires: String
    }

    let accounts: [AccountRow]
    let cohorts: [CohortRow]
    let audit: [AuditRow]
    let resetLink: ResetLink?
}
