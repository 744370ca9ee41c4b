public import Foundation
import HummingbirdBcrypt

/// A one-time link that lets an account choose a new password: the class server sends no
/// mail, so an admin makes the link and hands it over (`/admin`, or `groundwork admin
/// reset-link`). Only the code's digest is stored, like a session's.
public struct PasswordReset: StoredRecord, Sendable, Equatable {
    public static let tableName = "passwordReset"
    public var codeDigest: String
    public var accountID: Int64
    /// The admin who made it.
    public var createdBy: String
    public var createdAt: Date
    public var expiresAt: Date
}

extension Gradebook {
    /// How long a reset link works: long enough to reach someone by another channel.
    public static let passwordResetLifetime: TimeInterval = 24 * 3600

    /// Makes a reset link's code for account `id` (64 hex digits, shown once), replacing any
    /// earlier link of that account; in the audit log under `actor`.
    ///
    /// - Throws: ``AccountError`` `.notFound` for an unknown account.
    public func makePasswordReset(for id: Int64, actor: String) throws -> (code: String, expiresAt: Date) {
        let code = SecretToken.hex()
        let now = now()
        let expiresAt = now.addingTimeInterval(Self.passwordResetLifetime)
        return try write { db -> Result<(code: String, expiresAt: Date), AccountError> in
            guard let account = try Self.account(db, id: id) else { return .failure(AccountError(.notFound, "no account #\(id)")) }
            try db.execute("DELETE FROM passwordReset WHERE accountID = ? OR expiresAt < ?", id, now)
            try db.insert(
                PasswordReset(codeDigest: SecretToken.digest(code), accountID: id, createdBy: actor, createdAt: now, expiresAt: expiresAt))
            try Self.audit(
                db, at: now, actor: actor, action: "password.reset-link", subject: "account:\(account.username)",
                detail: "valid for \(Int(Self.passwordResetLifetime / 3600)) hours")
            return .success((code, expiresAt))
        }.get()
    }

    /// The account a reset code is for, or nil when the code is unknown, used or expired.
    public func passwordResetAccount(code: String) throws(GradebookError) -> Account? {
        let now = now()
        return try read { db in
            guard
                let reset = try Self.liveReset(db, code: code, now: now)
            else { return nil }
            return try Self.account(db, id: reset.accountID)
        }
    }

    /// Sets the account's new password through its reset code, which is then used up; every
    /// session of the account is closed and its failed logins forgotten. In the audit log.
    ///
    /// - Throws: ``AccountError`` `.invalid` for a bad password, `.notFound` for an unknown,
    ///   used or expired code.
    public func resetPassword(code: String, to password: String, cost: UInt8 = Credentials.defaultCost) throws -> Account {
        try Credentials.check(password: password)
        let hash = Bcrypt.hash(password, cost: cost)
        let now = now()
        return try write { db -> Result<Account, AccountError> in
            guard
                let reset = try Self.liveReset(db, code: code, now: now),
                var account = try Self.account(db, id: reset.accountID)
            else { return .failure(Self.unknownReset) }
            account.passwordHash = hash
            try db.update(account)
            try db.execute("DELETE FROM passwordReset WHERE accountID = ?", reset.accountID)
            try db.execute("DELETE FROM session WHERE accountID = ?", reset.accountID)
            try db.execute("DELETE FROM loginFailure WHERE key = ?", "account:" + account.username)
            try Self.audit(
                db, at: now, actor: account.username, action: "password.reset", subject: "account:\(account.username)",
                detail: "link made by \(reset.createdBy)")
            return .success(account)
        }.get()
    }

    /// The unexpired reset with this code, if any.
    private static func liveReset(_ db: any SQLConnection, code: String, now: Date) throws -> PasswordReset? {
        try db.fetchOne(
            PasswordReset.self, "SELECT * FROM passwordReset WHERE codeDigest = ? AND expiresAt >= ?", SecretToken.digest(code), now)
    }

    static let unknownReset = AccountError(.notFound, "this reset link is unknown, used or expired; ask an admin for a new one")
}
