import Foundation
import Testing

@testable import Gradebook

/// Accounts, sessions, login throttling, cohorts, invitations and the audit log (migration
/// `v7`). Passwords are hashed at bcrypt's lowest cost here to keep the tests quick.
struct AccountTests {
    static let password = "correct horse battery"

    private func open(_ directory: borrowing TestDatabase, _ clock: TestClock) throws -> Gradebook {
        try directory.open(clock: clock.now)
    }

    @Test(arguments: TestStore.all) func passwordsAreStoredAsBcryptAndVerifiedAtLogin(store: TestStore) throws {
        let directory = TestDatabase(store)
        let gradebook = try open(directory, TestClock())
        let made = try gradebook.createAccount(username: "Ana", password: Self.password, role: .admin, actor: "cli", cost: 4)
        #expect(made.username == "ana")
        #expect(made.passwordHash.hasPrefix("$2b$04$") && !made.passwordHash.contains(Self.password))
        let signedIn = try gradebook.logIn(username: "ANA", password: Self.password, address: "10.0.0.1")
        #expect(signedIn.account.id == made.id)
        #expect(signedIn.token.count == 64 && signedIn.session.formToken.count == 64 && signedIn.token != signedIn.session.formToken)
        // The gradebook keeps the token's digest only: a copy of it opens no session.
        let stored = try gradebook.read { db in try db.values(String.self, "SELECT token FROM session") }
        #expect(stored == [SecretToken.digest(signedIn.token)] && !stored.contains(signedIn.token))
        #expect(try gradebook.session(token: stored[0]) == nil)
        #expect(try gradebook.session(token: signedIn.token)?.0.id == made.id)
        #expect(throws: AccountError.self) { try gradebook.logIn(username: "ana", password: "wrong password", address: "10.0.0.1") }
        #expect(throws: AccountError.self) { try gradebook.logIn(username: "nobody", password: Self.password, address: "10.0.0.1") }
    }

    @Test(arguments: TestStore.all) func badNamesAndPasswordsAreRefusedNamingTheField(store: TestStore) throws {
        let directory = TestDatabase(store)
        let gradebook = try open(directory, TestClock())
        for (name, password, field) in [
            ("a", Self.password, "username"), ("ana bo", Self.password, "username"),
            ("ana", "short", "password"), ("ana", String(repeating: "x", count: 73), "password"),
        ] {
            let error = #expect(throws: AccountError.self) {
                try gradebook.createAccount(username: name, password: password, role: .learner, actor: "cli", cost: 4)
            }
            #expect(error?.field == field)
        }
        _ = try gradebook.createAccount(username: "ana", password: Self.password, role: .learner, actor: "cli", cost: 4)
        let taken = #expect(throws: AccountError.self) {
            try gradebook.createAccount(username: "ANA", password: Self.password, role: .learner, actor: "cli", cost: 4)
        }
        #expect(taken?.message.contains("taken") == true)
    }

    @Test(arguments: TestStore.all) func loginRotatesTheSessionAndLogoutEndsIt(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let gradebook = try open(directory, clock)
        _ = try gradebook.createAccount(username: "ana", password: Self.password, role: .learner, actor: "cli", cost: 4)
        let first = try gradebook.logIn(username: "ana", password: Self.password, address: "a")
        let second = try gradebook.logIn(username: "ana", password: Self.password, address: "a", replacing: first.token)
        #expect(first.token != second.token)
        #expect(try gradebook.session(token: first.token) == nil)
        #expect(try gradebook.session(token: second.token)?.0.username == "ana")
        try gradebook.closeSession(token: second.token)
        #expect(try gradebook.session(token: second.token) == nil)
        // An idle session ends by itself.
        let third = try gradebook.logIn(username: "ana", password: Self.password, address: "a")
        let abandoned = try gradebook.logIn(username: "ana", password: Self.password, address: "b")
        clock.advance(Gradebook.sessionIdleTimeout + 1)
        #expect(try gradebook.session(token: third.token) == nil)
        // A session nobody comes back to is deleted at the next login, not kept for ever.
        let fourth = try gradebook.logIn(username: "ana", password: Self.password, address: "a")
        let left = try gradebook.read { db in try db.values(String.self, "SELECT token FROM session") }
        #expect(left == [SecretToken.digest(fourth.token)])
        #expect(try gradebook.session(token: abandoned.token) == nil)
    }

    @Test(arguments: TestStore.all) func repeatedFailuresThrottleTheAccountAndTheAddressUntilTheWindowPasses(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let gradebook = try open(directory, clock)
        _ = try gradebook.createAccount(username: "ana", password: Self.password, role: .learner, actor: "cli", cost: 4)
        var throttle = LoginThrottle()
        throttle.perAccount = 3
        throttle.perAddress = 5
        for _ in 0..<3 {
            let error = #expect(throws: AccountError.self) {
                try gradebook.logIn(username: "ana", password: "wrong password", address: "1.1.1.1", throttle: throttle)
            }
            #expect(error?.kind == .badCredentials)
            clock.advance(10)
        }
        // Even the right password is refused now, from any address.
        let locked = #expect(throws: AccountError.self) {
            try gradebook.logIn(username: "ana", password: Self.password, address: "2.2.2.2", throttle: throttle)
        }
        #expect(locked?.kind == .throttled)
        clock.advance(throttle.window)
        _ = try gradebook.logIn(username: "ana", password: Self.password, address: "2.2.2.2", throttle: throttle)
        // One address guessing many names is throttled too.
        for name in ["b1", "b2", "b3", "b4", "b5"] {
            _ = try? gradebook.logIn(username: name, password: "wrong password", address: "3.3.3.3", throttle: throttle)
        }
        let address = #expect(throws: AccountError.self) {
            try gradebook.logIn(username: "ana", password: Self.password, address: "3.3.3.3", throttle: throttle)
        }
        #expect(address?.kind == .throttled)
        // The throttle is in the file: another process opening it sees the same state.
        let other = try open(directory, clock)
        #expect(throws: AccountError.self) {
            try other.logIn(username: "ana", password: Self.password, address: "3.3.3.3", throttle: throttle)
        }
    }

    @Test(arguments: TestStore.all) func anInvitationMakesAnAccountInTheCohortUntilItIsUsedUp(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let gradebook = try open(directory, clock)
        let cohort = try gradebook.createCohort(name: "Autumn", actor: "root")
        let invitation = try gradebook.invite(toCohort: cohort.id!, as: .learner, by: "root", days: 1, uses: 1)
        #expect(invitation.code.count == 14)
        let lower = invitation.code.lowercased().replacingOccurrences(of: "-", with: " ")
        #expect(try gradebook.invitation(code: lower)?.1.name == "Autumn")
        let (ana, joined) = try gradebook.redeem(code: lower, username: "ana", password: Self.password, cost: 4)
        #expect(joined.id == cohort.id && ana.role == .learner)
        #expect(try gradebook.members(ofCohort: cohort.id!).map(\.account.username) == ["ana"])
        #expect(throws: AccountError.self) { try gradebook.redeem(code: invitation.code, username: "bo", password: Self.password, cost: 4) }
        #expect(try gradebook.account(username: "bo") == nil)
        let late = try gradebook.invite(toCohort: cohort.id!, as: .learner, by: "root", days: 1, uses: 5)
        clock.advance(86_401)
        #expect(try gradebook.invitation(code: late.code) == nil)
    }

    @Test(arguments: TestStore.all) func aMentorSeesOnlyTheLearnersOfTheirCohorts(store: TestStore) throws {
        let directory = TestDatabase(store)
        let gradebook = try open(directory, TestClock())
        let (autumn, spring) = (
            try gradebook.createCohort(name: "Autumn", actor: "root"), try gradebook.createCohort(name: "Spring", actor: "root")
        )
        func account(_ name: String, _ role: Role) throws -> Account {
            try gradebook.createAccount(username: name, password: Self.password, role: role, actor: "root", cost: 4)
        }
        let (mentor, ana, bo) = (try account("mia", .mentor), try account("ana", .learner), try account("bo", .learner))
        try gradebook.addMember(mentor.id!, toCohort: autumn.id!, as: .mentor, actor: "root")
        try gradebook.addMember(ana.id!, toCohort: autumn.id!, as: .learner, actor: "root")
        try gradebook.addMember(bo.id!, toCohort: spring.id!, as: .learner, actor: "root")
        #expect(try gradebook.cohorts(mentoredBy: mentor.id!).map(\.name) == ["Autumn"])
        #expect(try gradebook.mentors(mentor.id!, learner: ana.learnerID))
        #expect(try !gradebook.mentors(mentor.id!, learner: bo.learnerID))
        #expect(try !gradebook.mentors(ana.id!, learner: ana.learnerID))
        // A fellow mentor of the cohort is not one of its learners.
        let max = try account("max", .mentor)
        try gradebook.addMember(max.id!, toCohort: autumn.id!, as: .mentor, actor: "root")
        #expect(try !gradebook.mentors(mentor.id!, learner: max.learnerID))
    }

    @Test(arguments: TestStore.all) func roleChangesAreAuditedAndTheLastAdminStays(store: TestStore) throws {
        let directory = TestDatabase(store)
        let gradebook = try open(directory, TestClock())
        let root = try gradebook.createAccount(username: "root", password: Self.password, role: .admin, actor: "cli:ops", cost: 4)
        let ana = try gradebook.createAccount(username: "ana", password: Self.password, role: .learner, actor: "root", cost: 4)
        _ = try gradebook.setRole(.mentor, of: ana.id!, actor: "root")
        #expect(throws: AccountError.self) { try gradebook.setRole(.learner, of: root.id!, actor: "root") }
        let log = try gradebook.auditLog()
        #expect(log.first?.action == "role.change" && log.first?.detail == "learner → mentor" && log.first?.actor == "root")
        #expect(log.filter { $0.action == "account.create" }.map(\.subject).sorted() == ["account:ana", "account:root"])
        #expect(try gradebook.account(id: root.id!)?.role == .admin)
    }
}
