import Foundation
import Gradebook
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GroundworkWeb

/// The class server (`serve --accounts`): every route has an access rule, signed-out visitors
/// reach only the doors, learners only their own records, mentors only their cohorts, admins
/// the admin page; every state change needs its session's form token.
struct AccountAccessTests {
    static let password = "correct horse battery"

    /// A class server with an admin, a mentor of Autumn, learners ana (Autumn) and bo (Spring).
    struct Class {
        let fixture: WebFixture
        let autumn: Cohort
        let spring: Cohort
        let accounts: [String: Account]

        init(server: ClassServer = .init()) async throws {
            fixture = try await WebFixture()
            let gradebook = fixture.site.gradebook
            var accounts: [String: Account] = [:]
            for (name, role) in [("root", Role.admin), ("mia", .mentor), ("ana", .learner), ("bo", .learner)] {
                accounts[name] = try gradebook.createAccount(
                    username: name, password: AccountAccessTests.password, role: role, actor: "cli", cost: 4)
            }
            autumn = try gradebook.createCohort(name: "Autumn", actor: "root")
            spring = try gradebook.createCohort(name: "Spring", actor: "root")
            try gradebook.addMember(accounts["mia"]!.id!, toCohort: autumn.id!, as: .mentor, actor: "root")
            try gradebook.addMember(accounts["ana"]!.id!, toCohort: autumn.id!, as: .learner, actor: "root")
            try gradebook.addMember(accounts["bo"]!.id!, toCohort: spring.id!, as: .learner, actor: "root")
            self.accounts = accounts
        }

        /// Runs `body` with one browser per name, each signed in.
        func browsers(_ names: [String], server: ClassServer = .init(), _ body: @Sendable ([WebClient]) async throws -> Void)
            async throws
        {
            let app = Application(router: WebServer.router(site: fixture.site, accounts: server))
            try await app.test(.router) { client in
                var clients: [WebClient] = []
                for name in names {
                    let browser = WebClient(client: client)
                    if name != "" { try await AccountAccessTests.signIn(browser, name) }
                    clients.append(browser)
                }
                try await body(clients)
            }
        }
    }

    static func signIn(_ browser: WebClient, _ name: String) async throws {
        let response = try await browser.post("/login", form: [("username", name), ("password", password), ("next", "/")])
        #expect(response.status == .seeOther, "\(name) signs in")
    }

    /// A request path for a route, each parameter and wildcard replaced by `1`.
    static func sample(_ path: RouterPath) -> String {
        "/"
            + path.description.split(separator: "/").map { $0.hasPrefix("{") || $0.hasPrefix("*") ? "1" : String($0) }.joined(
                separator: "/")
    }

    @Test func everyRouteHasExactlyTheAccessRuleWrittenForIt() async throws {
        let fixture = try await WebFixture()
        let router = WebServer.router(site: fixture.site, accounts: ClassServer())
        #expect(router.routes.count >= AccessRules.rules.count - 1)
        for route in router.routes {
            let rule = AccessRules.rule(method: route.method, path: Self.sample(route.path))
            #expect(rule?.path.description == route.path.description, "\(route.method) \(route.path) has no access rule of its own")
        }
        // And no rule is left over for a route that no longer exists.
        let routes = Set(router.routes.map { "\($0.method) \($0.path)" })
        for rule in AccessRules.rules { #expect(routes.contains("\(rule.method) \(rule.path)"), "stale rule \(rule.method) \(rule.path)") }
    }

    @Test func signedOutVisitorsReachOnlyTheDoors() async throws {
        let school = try await Class()
        try await school.browsers([""]) { browsers in
            let visitor = browsers[0]
            let home = try await visitor.get("/")
            #expect(home.status == .seeOther && home.headers[.location] == "/login?next=%2F")
            #expect(try await visitor.get("/api/progress").status == .unauthorized)
            #expect(try await visitor.get("/mentor").status == .seeOther)
            #expect(try await visitor.get("/login").status == .ok)
            #expect(try await visitor.get("/assets/site.css").status == .ok)
            #expect(try await visitor.post("/tests/sentiment-quiz/start", form: []).status == .unauthorized)
            let wrong = try await visitor.post("/login", form: [("username", "ana"), ("password", "not the password")])
            #expect(wrong.status == .unauthorized && wrong.text.contains("the username or the password is wrong"))
            #expect(try await visitor.get("/no/such/page").status == .notFound)
            // Five wrong passwords lock the username for a while, whatever the sixth says.
            for _ in 0..<4 { _ = try await visitor.post("/login", form: [("username", "ana"), ("password", "still not it")]) }
            let locked = try await visitor.post("/login", form: [("username", "ana"), ("password", AccountAccessTests.password)])
            #expect(locked.status == .tooManyRequests && locked.text.contains("too many failed logins"))
        }
        #expect(try school.fixture.site.gradebook.learner("anonymous").attempts().isEmpty)
    }

    @Test func aLearnerReadsOnlyTheirOwnAttempts() async throws {
        let school = try await Class()
        try await school.browsers(["ana", "bo"]) { browsers in
            let (ana, bo) = (browsers[0], browsers[1])
            let started = try await ana.post("/tests/sentiment-quiz/start", form: [])
            let location = try #require(started.headers[.location])
            #expect(try await ana.get(location).status == .ok)
            let id = location.split(separator: "/").last.map(String.init) ?? ""
            for path in ["/attempts/\(id)", "/attempts/\(id)/report", "/api/attempts/\(id)", "/api/attempts/\(id)/report"] {
                #expect(try await bo.get(path).status == .notFound, "bo reads \(path)")
            }
            #expect(try await bo.post("/attempts/\(id)/submit", form: []).status == .notFound)
        }
        let ana = school.fixture.site.gradebook.learner(school.accounts["ana"]!.learnerID)
        #expect(try ana.attempts().count == 1)
        #expect(try school.fixture.site.gradebook.learner(school.accounts["bo"]!.learnerID).attempts().isEmpty)
        #expect(try school.fixture.book.attempts().isEmpty, "the local learner's record is untouched")
    }

    @Test func mentorsSeeOnlyTheirCohortsAndAdminPagesAreForAdmins() async throws {
        let school = try await Class()
        let (autumn, spring) = (school.autumn.id!, school.spring.id!)
        let (ana, bo) = (school.accounts["ana"]!.id!, school.accounts["bo"]!.id!)
        try await school.browsers(["mia", "ana", "root"]) { browsers in
            let (mia, learner, root) = (browsers[0], browsers[1], browsers[2])
            let dashboard = try await mia.get("/mentor")
            #expect(dashboard.status == .ok && dashboard.text.contains("Autumn") && !dashboard.text.contains("Spring"))
            #expect(try await mia.get("/mentor/cohorts/\(autumn)").text.contains("ana"))
            #expect(try await mia.get("/mentor/cohorts/\(autumn)/learners/\(ana)").status == .ok)
            #expect(try await mia.get("/mentor/cohorts/\(spring)").status == .notFound)
            #expect(try await mia.get("/mentor/cohorts/\(autumn)/learners/\(bo)").status == .notFound)
            #expect(try await mia.get("/mentor/cohorts/\(spring)/learners/\(bo)").status == .notFound)
            #expect(try await mia.post("/mentor/cohorts/\(spring)/invitations", form: []).status == .notFound)
            #expect(try await mia.get("/admin").status == .forbidden)
            #expect(try await mia.post("/admin/cohorts", form: [("name", "Mine")]).status == .forbidden)
            #expect(try await learner.get("/mentor").status == .forbidden)
            #expect(try await learner.get("/mentor/cohorts/\(autumn)").status == .forbidden)
            #expect(try await learner.post("/mentor/contests/1/reject", form: [("reply", "no")]).status == .forbidden)
            #expect(try await learner.post("/admin/accounts/\(ana)/role", form: [("role", "admin")]).status == .forbidden)
            #expect(try await root.get("/admin").status == .ok)
            #expect(try await root.get("/mentor/cohorts/\(spring)").status == .ok)
            #expect(try await root.post("/admin/accounts/\(ana)/role", form: [("role", "mentor")]).status == .seeOther)
        }
        #expect(try school.fixture.site.gradebook.account(id: ana)?.role == .mentor)
        let change = try #require(try school.fixture.site.gradebook.auditLog().first)
        #expect(change.actor == "root" && change.action == "role.change" && change.subject == "account:ana")
        #expect(try school.fixture.site.gradebook.cohorts().map(\.name) == ["Autumn", "Spring"])
    }

    @Test func everyStateChangeNeedsItsSessionsFormToken() async throws {
        let school = try await Class()
        let fixture = school.fixture
        let router = WebServer.router(site: fixture.site, accounts: ClassServer())
        let posts = router.routes.filter { $0.method == .post }.map { Self.sample($0.path) }
        #expect(posts.count > 15)
        try await school.browsers(["root", "ana"]) { browsers in
            let (root, ana) = (browsers[0], browsers[1])
            for path in posts {
                let missing = try await root.post(path, form: [("name", "x")], token: .some(nil))
                #expect(missing.status == .forbidden, "POST \(path) without a token")
                // Another session's token is refused even with that session's cookie copied.
                let other = try await root.send(
                    path, method: .post,
                    headers: [
                        .contentType: "application/x-www-form-urlencoded",
                        .cookie: "gw_account=\(root.cookies["gw_account"]!); gw_session=\(ana.token!)",
                        HTTPField.Name("X-CSRF-Token")!: ana.token!,
                    ], body: nil)
                #expect(other.status == .forbidden, "POST \(path) with another session's token")
            }
        }
        #expect(try fixture.site.gradebook.cohorts().count == 2)
        #expect(try fixture.site.gradebook.auditLog().allSatisfy { $0.action != "role.change" })
    }

    @Test func loginRotatesTheSessionAndLogoutEndsItEverywhere() async throws {
        let school = try await Class()
        try await school.browsers([""]) { browsers in
            let browser = browsers[0]
            _ = try await browser.get("/login")
            let before = try #require(browser.token)
            try await AccountAccessTests.signIn(browser, "ana")
            let account = try #require(browser.cookies["gw_account"])
            #expect(browser.token != before, "the form token changes at login")
            #expect(try await browser.get("/").status == .ok)
            #expect(try await browser.post("/logout", form: []).status == .seeOther)
            #expect(browser.cookies["gw_account"] == nil)
            // The old cookie, replayed, is worth nothing.
            let replay = try await browser.send("/", method: .get, headers: [.cookie: "gw_account=\(account)"], body: nil)
            #expect(replay.status == .seeOther && replay.headers[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test func cookiesAreSecureBehindTLSAndForwardedHeadersAreBelievedOnlyFromTrustedProxies() async throws {
        let school = try await Class()
        func cookies(_ server: ClassServer, proto: String?) async throws -> [String] {
            let app = Application(router: WebServer.router(site: school.fixture.site, accounts: server))
            return try await app.test(.live) { client in
                var headers: HTTPFields = [:]
                if let proto { headers[HTTPField.Name("X-Forwarded-Proto")!] = proto }
                return try await client.execute(uri: "/login", method: .get, headers: headers).headers[values: .setCookie]
            }
        }
        let untrusted = try await cookies(ClassServer(trustedProxies: ["192.0.2.1"]), proto: "https")
        #expect(untrusted.count == 1 && untrusted.allSatisfy { !$0.contains("Secure") })
        let proxied = try await cookies(ClassServer(trustedProxies: ["127.0.0.1", "::1"]), proto: "https")
        #expect(proxied.count == 1 && proxied.allSatisfy { $0.contains("Secure") && $0.contains("HttpOnly") })
        let always = try await cookies(ClassServer(alwaysSecure: true), proto: nil)
        #expect(always.allSatisfy { $0.contains("Secure") })
    }

    @Test func aMentorsInvitationLetsANewcomerJoinTheCohortAndSignIn() async throws {
        let school = try await Class()
        let autumn = school.autumn.id!
        try await school.browsers(["mia", ""]) { browsers in
            let (mia, newcomer) = (browsers[0], browsers[1])
            #expect(try await mia.post("/mentor/cohorts/\(autumn)/invitations", form: [("days", "7"), ("uses", "2")]).status == .seeOther)
            let code = try #require(try school.fixture.site.gradebook.invitations(ofCohort: autumn).first?.code)
            #expect(try await mia.get("/mentor/cohorts/\(autumn)").text.contains(code))
            // A learner's invitation cannot make a mentor, whatever the form says.
            #expect(try await mia.post("/mentor/cohorts/\(autumn)/invitations", form: [("place", "mentor")]).status == .forbidden)
            let page = try await newcomer.get("/join/\(code.lowercased())")
            #expect(page.status == .ok && page.text.contains("Join Autumn"))
            let differ = try await newcomer.post(
                "/join/\(code)", form: [("username", "cy"), ("password", Self.password), ("confirm", "other")])
            #expect(differ.status == .unprocessableContent && differ.text.contains("the two passwords differ"))
            let joined = try await newcomer.post(
                "/join/\(code)", form: [("username", "cy"), ("password", Self.password), ("confirm", Self.password)])
            #expect(joined.status == .seeOther && newcomer.cookies["gw_account"] != nil)
            #expect(try await newcomer.get("/").status == .ok)
            #expect(try await mia.get("/mentor/cohorts/\(autumn)").text.contains("cy"))
            #expect(try await newcomer.get("/join/NOPE-NOPE-NOPE").status == .notFound)
        }
        #expect(try school.fixture.site.gradebook.account(username: "cy")?.role == .learner)
    }

    @Test func anAdminsResetLinkLetsALearnerChooseANewPasswordOnce() async throws {
        let school = try await Class()
        let ana = school.accounts["ana"]!.id!
        let newPassword = "a brand new passphrase"
        try await school.browsers(["root", "mia", ""]) { browsers in
            let (root, mia, visitor) = (browsers[0], browsers[1], browsers[2])
            #expect(try await mia.post("/admin/accounts/\(ana)/reset-link", form: []).status == .forbidden)
            _ = try await visitor.get("/login")
            #expect(try await visitor.post("/admin/accounts/\(ana)/reset-link", form: []).status == .unauthorized)
            let made = try await root.post("/admin/accounts/\(ana)/reset-link", form: [])
            #expect(made.status == .ok && made.text.contains("Reset link for ana"))
            let path = try #require(made.text.firstMatch(of: /\/reset\/[0-9a-f]{64}/).map { String($0.output) })
            #expect(!(try await root.get("/admin").text.contains(path)), "the link is shown once")
            let form = try await visitor.get(path)
            #expect(form.status == .ok && form.text.contains("<strong>ana</strong>"))
            let differ = try await visitor.post(path, form: [("password", newPassword), ("confirm", "something else")])
            #expect(differ.status == .unprocessableContent && differ.text.contains("the two passwords differ"))
            let done = try await visitor.post(path, form: [("password", newPassword), ("confirm", newPassword)])
            #expect(done.status == .seeOther && visitor.cookies["gw_account"] != nil, "signed in at once")
            #expect(try await visitor.get("/").status == .ok)
            #expect(try await visitor.get(path).status == .notFound, "used up")
            #expect(try await visitor.get("/reset/not-a-code").status == .notFound)
        }
        #expect(throws: AccountError.self) {
            try school.fixture.site.gradebook.logIn(username: "ana", password: Self.password, address: "t")
        }
        #expect(try school.fixture.site.gradebook.logIn(username: "ana", password: newPassword, address: "t").account.id == ana)
    }

    @Test func withoutAccountsTheLocalUserReachesTheDashboardAndThereIsNoLogin() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let dashboard = try await client.get("/mentor")
            #expect(dashboard.status == .ok && dashboard.text.contains("Cohorts need a class server"))
            #expect(try await client.get("/mentor/contests").status == .ok)
            for path in ["/login", "/join", "/admin", "/reset/\(String(repeating: "a", count: 64))"] {
                #expect(try await client.get(path).status == .notFound, "\(path)")
            }
            #expect(!dashboard.text.contains("Sign out"))
        }
    }
}
