import Foundation
import HummingbirdBcrypt

/// The rules a new account's name and password must meet.
public enum Credentials {
    /// bcrypt's work factor: 2^12 rounds, about a quarter of a second here (tests pass less).
    public static let defaultCost: UInt8 = 12
    /// bcrypt reads at most 72 bytes; a longer password would be silently cut.
    public static let passwordBytes = 10...72

    /// The username as stored (lower case), or why it cannot be one.
    public static func username(_ typed: String) throws(AccountError) -> String {
        let name = typed.trimmingCharacters(in: .whitespaces).lowercased()
        guard (2...40).contains(name.count),
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else {
            throw AccountError(.invalid, "a username is 2 to 40 letters, digits, '.', '_' or '-'", field: "username")
        }
        return name
    }

    /// Checks a new password's length (in UTF-8 bytes, as bcrypt counts).
    public static func check(password: String) throws(AccountError) {
        guard passwordBytes.contains(password.utf8.count) else {
            throw AccountError(
                .invalid, "a password is \(passwordBytes.lowerBound) to \(passwordBytes.upperBound) bytes long", field: "password")
        }
    }
}

extension Gradebook {
    /// Makes an account; `actor` (who did it) goes to the audit log.
    ///
    /// - Throws: ``AccountError`` for a bad or taken username or a bad password.
    public func createAccount(
        username: String, password: String, role: Role, actor: String, cost: UInt8 = Credentials.defaultCost
    ) throws -> Account {
        let name = try Credentials.username(username)
        try Credentials.check(password: password)
        let hash = Bcrypt.hash(password, cost: cost)
        let now = now()
        return try write { db -> Result<Account, AccountError> in
            guard try Self.account(db, username: name) == nil else {
                return .failure(AccountError(.invalid, "the username '\(name)' is taken", field: "username"))
            }
            var account = Account(username: name, passwordHash: hash, role: role, createdAt: now)
            account.id = try db.insertNew(account)
            try Self.audit(db, at: now, actor: actor, action: "account.create", subject: "account:\(name)", detail: "role \(role.rawValue)")
            return .success(account)
        }.get()
    }

    /// Every account, by username.
    public func accounts() throws(GradebookError) -> [Account] {
        try read { db in try db.fetchAll(Account.self, "SELECT * FROM account ORDER BY username") }
    }

    public func account(id: Int64) throws(GradebookError) -> Account? {
        try read { db in try Self.account(db, id: id) }
    }

    public func account(username: String) throws(GradebookError) -> Account? {
        try read { db in try Self.account(db, username: username.lowercased()) }
    }

    /// Gives account `id` another role, in the audit log. The last admin cannot stop being one
    /// (nobody could then manage the server).
    public func setRole(_ role: Role, of id: Int64, actor: String) throws -> Account {
        let now = now()
        return try write { db -> Result<Account, AccountError> in
            guard var account = try Self.account(db, id: id) else {
                return .failure(AccountError(.notFound, "no account #\(id)"))
            }
            let old = account.role
            guard old != role else { return .success(account) }
            if old == .admin, try db.value(Int.self, "SELECT count(*) FROM account WHERE role = ?", Role.admin) == 1 {
                return .failure(AccountError(.invalid, "'\(account.username)' is the last admin; make another admin first", field: "role"))
            }
            account.role = role
            try db.update(account)
            try Self.audit(
                db, at: now, actor: actor, action: "role.change", subject: "account:\(account.username)",
                detail: "\(old.rawValue) → \(role.rawValue)")
            return .success(account)
        }.get()
    }

    static func account(_ db: any SQLConnection, id: Int64) throws -> Account? {
        try db.fetchOne(Account.self, "SELECT * FROM account WHERE id = ?", id)
    }

    static func account(_ db: any SQLConnection, username: String) throws -> Account? {
        try db.fetchOne(Account.self, "SELECT * FROM account WHERE username = ?", username)
    }
}
