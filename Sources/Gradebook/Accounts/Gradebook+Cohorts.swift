import Foundation
import HummingbirdBcrypt

extension Gradebook {
    /// Makes a cohort, in the audit log.
    public func createCohort(name: String, actor: String) throws -> Cohort {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...80).contains(name.count) else { throw AccountError(.invalid, "a cohort's name is 1 to 80 characters", field: "name") }
        let now = now()
        return try write { db -> Result<Cohort, AccountError> in
            guard try db.rows("SELECT id FROM cohort WHERE name = ?", name).isEmpty else {
                return .failure(AccountError(.invalid, "there is already a cohort '\(name)'", field: "name"))
            }
            var cohort = Cohort(name: name, createdAt: now)
            cohort.id = try db.insertNew(cohort)
            try Self.audit(db, at: now, actor: actor, action: "cohort.create", subject: "cohort:\(cohort.id ?? 0)", detail: name)
            return .success(cohort)
        }.get()
    }

    /// Every cohort by name; only those `mentor` is a mentor of, when given.
    public func cohorts(mentoredBy mentor: Int64? = nil) throws(GradebookError) -> [Cohort] {
        try read { db in
            guard let mentor else { return try db.fetchAll(Cohort.self, "SELECT * FROM cohort ORDER BY name") }
            return try db.fetchAll(
                Cohort.self,
                """
                SELECT cohort.* FROM cohort JOIN cohortMember ON cohortMember.cohortID = cohort.id
                WHERE cohortMember.accountID = ? AND cohortMember.role = ? ORDER BY cohort.name
                """, mentor, CohortMember.Place.mentor)
        }
    }

    public func cohort(id: Int64) throws(GradebookError) -> Cohort? {
        try read { db in try Self.cohort(db, id) }
    }

    /// The accounts of a cohort with their place in it, mentors first, then by username.
    public func members(ofCohort id: Int64) throws(GradebookError) -> [(account: Account, place: CohortMember.Place)] {
        try read { db in
            let rows = try db.rows(
                "SELECT account.*, cohortMember.role AS place FROM cohortMember JOIN account ON account.id = cohortMember.accountID WHERE cohortMember.cohortID = ?",
                id)
            return try rows.map { row in
                (try SQLRowDecoder.decode(Account.self, from: row), try row.decode(CohortMember.Place.self, "place"))
            }
            .sorted { ($0.place == .mentor ? 0 : 1, $0.account.username) < ($1.place == .mentor ? 0 : 1, $1.account.username) }
        }
    }

    /// Whether account `accountID` mentors a cohort that learner `learnerID` is in: what lets a
    /// mentor see that learner's attempts and contests.
    public func mentors(_ accountID: Int64, learner learnerID: String) throws(GradebookError) -> Bool {
        try read { db in
            try db.value(
                Bool.self,
                """
                SELECT EXISTS (SELECT 1 FROM cohortMember AS m JOIN cohortMember AS l ON l.cohortID = m.cohortID
                WHERE m.accountID = ? AND m.role = ? AND l.role = ? AND 'account-' || l.accountID = ?)
                """, accountID, CohortMember.Place.mentor, CohortMember.Place.learner, learnerID) ?? false
        }
    }

    /// Puts an account in a cohort (or changes its place there), in the audit log.
    public func addMember(_ accountID: Int64, toCohort cohortID: Int64, as place: CohortMember.Place, actor: String) throws {
        let now = now()
        try write { db -> Result<Void, AccountError> in
            guard let account = try Self.account(db, id: accountID) else {
                return .failure(AccountError(.notFound, "no such account"))
            }
            guard try Self.cohort(db, cohortID) != nil else { return .failure(AccountError(.notFound, "no cohort #\(cohortID)")) }
            try db.upsert(
                CohortMember(cohortID: cohortID, accountID: accountID, role: place, joinedAt: now), key: ["cohortID", "accountID"])
            try Self.audit(
                db, at: now, actor: actor, action: "cohort.member", subject: "cohort:\(cohortID)",
                detail: "\(account.username) as \(place.rawValue)")
            return .success(())
        }.get()
    }

    // MARK: Invitations

    /// Makes an invitation code into a cohort, valid for `days` and `uses` redemptions.
    public func invite(
        toCohort cohortID: Int64, as place: CohortMember.Place, by actor: String, days: Int = 14, uses: Int = 50
    ) throws -> Invitation {
        guard (1...365).contains(days) else { throw AccountError(.invalid, "an invitation lasts 1 to 365 days", field: "days") }
        guard (1...1000).contains(uses) else { throw AccountError(.invalid, "an invitation is used 1 to 1000 times", field: "uses") }
        let now = now()
        let invitation = Invitation(
            code: SecretToken.invitationCode(), cohortID: cohortID, role: place, createdBy: actor, createdAt: now,
            expiresAt: now.addingTimeInterval(Double(days) * 86400), usesLeft: uses)
        try write { db -> Result<Void, AccountError> in
            guard try Self.cohort(db, cohortID) != nil else { return .failure(AccountError(.notFound, "no cohort #\(cohortID)")) }
            try db.insert(invitation)
            try Self.audit(
                db, at: now, actor: actor, action: "invitation.create", subject: "cohort:\(cohortID)",
                detail: "\(place.rawValue), \(uses) uses, \(days) days")
            return .success(())
        }.get()
        return invitation
    }

    /// The invitations of a cohort still usable, newest first.
    public func invitations(ofCohort cohortID: Int64) throws(GradebookError) -> [Invitation] {
        let now = now()
        return try read { db in
            try db.fetchAll(
                Invitation.self, "SELECT * FROM invitation WHERE cohortID = ? AND usesLeft > 0 AND expiresAt > ? ORDER BY createdAt DESC",
                cohortID, now)
        }
    }

    /// The usable invitation with this code (typed in any case, with or without dashes) and
    /// its cohort; nil when unknown, used up or expired.
    public func invitation(code: String) throws(GradebookError) -> (Invitation, Cohort)? {
        guard let code = SecretToken.normalizedCode(code) else { return nil }
        let now = now()
        return try read { db in
            guard let invitation = try Self.invitation(db, code), invitation.usesLeft > 0, invitation.expiresAt > now,
                let cohort = try Self.cohort(db, invitation.cohortID)
            else { return nil }
            return (invitation, cohort)
        }
    }

    /// Uses an invitation: a new account (`username`, `password`) is made, or the signed-in
    /// `existing` one is taken, and put in the cohort; all in one transaction, so a code used
    /// up meanwhile makes nothing.
    public func redeem(
        code: String, existing: Int64? = nil, username: String = "", password: String = "", cost: UInt8 = Credentials.defaultCost
    ) throws -> (Account, Cohort) {
        let gone = AccountError(.notFound, "this invitation is unknown, used up or expired; ask your mentor for a new one", field: "code")
        guard let normalized = SecretToken.normalizedCode(code) else { throw gone }
        var fresh: Account?
        if existing == nil {
            let name = try Credentials.username(username)
            try Credentials.check(password: password)
            fresh = Account(username: name, passwordHash: Bcrypt.hash(password, cost: cost), role: .learner, createdAt: now())
        }
        let now = now()
        return try write { db -> Result<(Account, Cohort), AccountError> in
            guard var invitation = try Self.invitation(db, normalized), invitation.usesLeft > 0, invitation.expiresAt > now,
                let cohort = try Self.cohort(db, invitation.cohortID)
            else { return .failure(gone) }
            var account: Account
            if let existing {
                guard let found = try Self.account(db, id: existing) else { return .failure(gone) }
                account = found
            } else {
                account = fresh!
                guard try Self.account(db, username: account.username) == nil else {
                    return .failure(AccountError(.invalid, "the username '\(account.username)' is taken", field: "username"))
                }
                if invitation.role == .mentor { account.role = .mentor }
                account.id = try db.insertNew(account)
                try Self.audit(
                    db, at: now, actor: account.username, action: "account.create", subject: "account:\(account.username)",
                    detail: "role \(account.role.rawValue), by invitation to cohort \(cohort.id ?? 0)")
            }
            if invitation.role == .mentor && account.role == .learner {
                account.role = .mentor
                try db.update(account)
                try Self.audit(
                    db, at: now, actor: account.username, action: "role.change", subject: "account:\(account.username)",
                    detail: "learner → mentor, by invitation to cohort \(cohort.id ?? 0)")
            }
            invitation.usesLeft -= 1
            try db.update(invitation, key: ["code"], columns: ["usesLeft"])
            try db.upsert(
                CohortMember(cohortID: cohort.id!, accountID: account.id!, role: invitation.role, joinedAt: now),
                key: ["cohortID", "accountID"])
            try Self.audit(
                db, at: now, actor: account.username, action: "cohort.member", subject: "cohort:\(cohort.id ?? 0)",
                detail: "\(account.username) as \(invitation.role.rawValue), by invitation")
            return .success((account, cohort))
        }.get()
    }

    static func cohort(_ db: any SQLConnection, _ id: Int64) throws -> Cohort? {
        try db.fetchOne(Cohort.self, "SELECT * FROM cohort WHERE id = ?", id)
    }

    static func invitation(_ db: any SQLConnection, _ code: String) throws -> Invitation? {
        try db.fetchOne(Invitation.self, "SELECT * FROM invitation WHERE code = ?", code)
    }
}
