public import Foundation

/// What an account may do on a class server. Each role includes the one before it: a mentor
/// is also a learner (takes tests under their own record), an admin also a mentor of every
/// cohort.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable, SQLValueConvertible {
    case learner
    case mentor
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A person who signs in to a class server.
public struct Account: StoredRecord, Sendable, Equatable, Identifiable {
    public static let tableName = "account"

    public var id: Int64?
    /// Lower case letters, digits, '.', '_' and '-'; unique.
    public var username: String
    /// bcrypt (`$2b$…`), never the password.
    var passwordHash: String
    public var role: Role
    public var createdAt: Date

    /// The gradebook learner whose attempts are this account's: `account-ID`, never the
    /// local learner nor a benchmark's `bench-` learner.
    public var learnerID: String { Self.learnerID(id ?? 0) }

    public static func learnerID(_ id: Int64) -> String { "account-\(id)" }
}

/// A group of learners with their mentors (a class, a bootcamp intake).
public struct Cohort: StoredRecord, Sendable, Equatable, Identifiable {
    public static let tableName = "cohort"

    public var id: Int64?
    public var name: String
    public var createdAt: Date
}

/// One account in one cohort, as a learner or as its mentor.
public struct CohortMember: StoredRecord, Sendable, Equatable {
    public static let tableName = "cohortMember"

    public enum Place: String, Codable, Sendable, SQLValueConvertible {
        case learner
        case mentor
    }

    public var cohortID: Int64
    public var accountID: Int64
    public var role: Place
    public var joinedAt: Date
}

/// A signed-in browser. The cookie carries a secret token; the gradebook keeps only its
/// SHA-256 digest (``SecretToken/digest(_:)``), so a copy of the database (a backup, a read
/// replica, a leaked dump) signs nobody in. The form token is what its forms and scripts must
/// repeat (see the web app's session middleware).
public struct AccountSession: StoredRecord, Sendable, Equatable {
    public static let tableName = "session"
    /// The digest of the cookie's token, in the column `token`.
    public var tokenDigest: String
    public var accountID: Int64
    public var formToken: String
    public var createdAt: Date
    public var lastSeenAt: Date

    enum CodingKeys: String, CodingKey {
        case tokenDigest = "token"
        case accountID, formToken, createdAt, lastSeenAt
    }
}

/// What a login gives the browser: the account, its new session, and the token for the cookie
/// (which is nowhere else: the gradebook has only its digest).
public struct SignedIn: Sendable {
    public let account: Account
    public let session: AccountSession
    public let token: String
}

/// A code (or the link carrying it) that makes an account in, or adds one to, a cohort.
public struct Invitation: StoredRecord, Sendable, Equatable {
    public static let tableName = "invitation"

    public var code: String
    public var cohortID: Int64
    /// The place the newcomer takes: learner, or mentor (an admin's invitation only).
    public var role: CohortMember.Place
    /// The username of who made it.
    public var createdBy: String
    public var createdAt: Date
    public var expiresAt: Date
    public var usesLeft: Int
}

/// One change that matters after the fact: a gold answer changed or kept, a role given or
/// taken away, a cohort made. Never updated or deleted.
public struct AuditEntry: StoredRecord, Sendable, Equatable {
    public static let tableName = "auditEntry"

    public var id: Int64?
    public var at: Date
    /// The username who did it, or `local` / `cli` when there are no accounts.
    public var actor: String
    public var action: String
    /// What it was done to (`account:ana`, `contest:3`, `cohort:1`).
    public var subject: String
    public var detail: String
}
