import Foundation
import Testing

@testable import Gradebook

/// Reset links (migration `v10` / `p3`): made by an admin, used once within a day, stored as
/// digests; using one sets the password, signs the account out everywhere and is audited.
struct PasswordResetTests {
    static let old = "correct horse battery"
    static let new = "staple of the battery"

    @Test(arguments: TestStore.all) func aResetLinkSetsANewPasswordOnceAndSignsTheAccountOutEverywhere(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let gradebook = try directory.open(clock: clock.now)
        let ana = try gradebook.createAccount(username: "ana", password: Self.old, role: .learner, actor: "cli", cost: 4)
        let elsewhere = try gradebook.logIn(username: "ana", password: Self.old, address: "a")
        let (code, expiresAt) = try gradebook.makePasswordReset(for: ana.id!, actor: "root")
        #expect(code.count == 64 && expiresAt == clock.now().addingTimeInterval(Gradebook.passwordResetLifetime))
        let stored = try gradebook.read { db in try db.values(String.self, "SELECT codeDigest FROM passwordReset") }
        #expect(stored == [SecretToken.digest(code)], "only the digest is kept")
        #expect(try gradebook.passwordResetAccount(code: code)?.id == ana.id)
        #expect(try gradebook.passwordResetAccount(code: stored[0]) == nil)

        let short = #expect(throws: AccountError.self) { try gradebook.resetPassword(code: code, to: "short", cost: 4) }
        #expect(short?.field == "password")
        #expect(try gradebook.passwordResetAccount(code: code) != nil, "a refused password leaves the link usable")

        #expect(try gradebook.resetPassword(code: code, to: Self.new, cost: 4).id == ana.id)
        #expect(try gradebook.session(token: elsewhere.token) == nil, "every session is closed")
        #expect(throws: AccountError.self) { try gradebook.logIn(username: "ana", password: Self.old, address: "a") }
        #expect(try gradebook.logIn(username: "ana", password: Self.new, address: "a").account.id == ana.id)
        // Used up.
        #expect(try gradebook.passwordResetAccount(code: code) == nil)
        let again = #expect(throws: AccountError.self) { try gradebook.resetPassword(code: code, to: Self.old, cost: 4) }
        #expect(again?.kind == .notFound)
        let actions = try gradebook.auditLog().map { "\($0.actor) \($0.action) \($0.subject)" }
        #expect(actions.prefix(2) == ["ana password.reset account:ana", "root password.reset-link account:ana"])
    }

    @Test(arguments: TestStore.all) func aLinkExpiresAfterADayAndANewOneReplacesTheOld(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let gradebook = try directory.open(clock: clock.now)
        let ana = try gradebook.createAccount(username: "ana", password: Self.old, role: .learner, actor: "cli", cost: 4)
        let first = try gradebook.makePasswordReset(for: ana.id!, actor: "root").code
        let second = try gradebook.makePasswordReset(for: ana.id!, actor: "root").code
        #expect(try gradebook.passwordResetAccount(code: first) == nil, "the newer link replaces the older")
        #expect(try gradebook.passwordResetAccount(code: second) != nil)
        clock.advance(Gradebook.passwordResetLifetime + 1)
        #expect(try gradebook.passwordResetAccount(code: second) == nil)
        let expired = #expect(throws: AccountError.self) { try gradebook.resetPassword(code: second, to: Self.new, cost: 4) }
        #expect(expired?.kind == .notFound)
        let unknown = #expect(throws: AccountError.self) { try gradebook.makePasswordReset(for: 999, actor: "root") }
        #expect(unknown?.kind == .notFound)
    }
}
