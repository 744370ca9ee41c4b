public import Foundation
import HummingbirdBcrypt

/// How many failed logins are tolerated, per account and per network address, within
/// ``window``; past that, logins are refused until the oldest counted failure is a window old.
public struct LoginThrottle: Sendable {
    public var window: TimeInterval = 15 * 60
    public var perAccount = 5
    public var perAddress = 20

    public init() {}
}

extension Gradebook {
    /// A session unused this long is closed: a shared computer left signed in.
    public static let sessionIdleTimeout: TimeInterval = 12 * 3600
    /// And any session this old, used or not.
    public static let sessionLifetime: TimeInterval = 7 * 24 * 3600

    /// A bcrypt hash of no password, checked when the username is unknown so that an unknown
    /// name takes as long to refuse as a wrong password.
    private static let absentHash = Bcrypt.hash(SecretToken.hex(), cost: Credentials.defaultCost)

    /// Signs in: checks the throttle, then the password; on success opens a new session (a
    /// new token: the id is rotated at every login) and closes `replacing`, the browser's
    /// previous token, and every session past its idle time or lifetime. Every failure is
    /// counted against the username and the address.
    ///
    /// - Throws: ``AccountError`` `.throttled` or `.badCredentials`, never saying which of the
    ///   username or password was wrong.
    public func logIn(
        username: String, password: String, address: String, replacing: String? = nil, throttle: LoginThrottle = .init()
    ) throws -> SignedIn {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        let keys = ["account:" + name, "address:" + address]
        let now = now()
        if let until = try throttledUntil(keys: keys, throttle: throttle, now: now) {
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            throw AccountError(.throttled, "too many failed logins; try again in \(minutes) minute\(minutes == 1 ? "" : "s")")
        }
        let account = try account(username: name)
        guard Bcrypt.verify(password, hash: account?.passwordHash ?? Self.absentHash), let account, let id = account.id else {
            try write { db in
                try db.execute("DELETE FROM loginFailure WHERE at < ?", now.addingTimeInterval(-throttle.window))
                for key in keys { _ = try db.insertNew(LoginFailure(key: key, at: now)) }
            }
            throw AccountError(.badCredentials, "the username or the password is wrong", field: "password")
        }
        let token = SecretToken.hex()
        let session = AccountSession(
            tokenDigest: SecretToken.digest(token), accountID: id, formToken: SecretToken.hex(), createdAt: now, lastSeenAt: now)
        try write { db in
            if let replacing { try db.execute("DELETE FROM session WHERE token = ?", SecretToken.digest(replacing)) }
            try db.execute(
                "DELETE FROM session WHERE lastSeenAt < ? OR createdAt < ?", now.addingTimeInterval(-Self.sessionIdleTimeout),
                now.addingTimeInterval(-Self.sessionLifetime))
            try db.execute("DELETE FROM loginFailure WHERE key = ?", keys[0])
            try db.insert(session)
        }
        return SignedIn(account: account, session: session, token: token)
    }

    /// When logins for any of `keys` may be tried again, or nil when they may now.
    private func throttledUntil(keys: [String], throttle: LoginThrottle, now: Date) throws(GradebookError) -> Date? {
        let since = now.addingTimeInterval(-throttle.window)
        return try read { db in
            var until: Date?
            for (key, limit) in zip(keys, [throttle.perAccount, throttle.perAddress]) {
                let recent = try db.values(
                    Date.self, "SELECT at FROM loginFailure WHERE key = ? AND at >= ? ORDER BY at DESC LIMIT ?", key, since, limit)
                if recent.count >= limit, let oldest = recent.last {
                    until = max(until ?? .distantPast, oldest.addingTimeInterval(throttle.window))
                }
            }
            return until
        }
    }

    /// The live session with this token and its account; nil for an unknown, idle or expired
    /// one (which is then deleted). Marks it seen at most once a minute.
    public func session(token: String) throws(GradebookError) -> (Account, AccountSession)? {
        let now = now()
        guard
            let found = try read({ db -> (Account, AccountSession)? in
                guard
                    let session = try db.fetchOne(AccountSession.self, "SELECT * FROM session WHERE token = ?", SecretToken.digest(token)),
                    let account = try Self.account(db, id: session.accountID)
                else { return nil }
                return (account, session)
            })
        else { return nil }
        var session = found.1
        if now.timeIntervalSince(session.lastSeenAt) > Self.sessionIdleTimeout
            || now.timeIntervalSince(session.createdAt) > Self.sessionLifetime
        {
            try closeSession(token: token)
            return nil
        }
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            session.lastSeenAt = now
            let seen = session
            try write { db in try db.update(seen, key: ["token"], columns: ["lastSeenAt"]) }
        }
        return (found.0, session)
    }

    /// Logs out: the token is no longer accepted anywhere.
    public func closeSession(token: String) throws(GradebookError) {
        try write { db in try db.execute("DELETE FROM session WHERE token = ?", SecretToken.digest(token)) }
    }
}

/// One failed login, counted against a username (`account:NAME`) or an address.
struct LoginFailure: StoredRecord {
    static let tableName = "loginFailure"
    var id: Int64?
    var key: String
    var at: Date
}
