import Foundation
import GRDB
import HummingbirdBcrypt

extension Gradebook {
    /// Makes a cohort, in the audit log.
    public func createCohort(name: String, actor: String) throws -> Cohort {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...80).contains(name.count) else { throw AccountError(.invalid, "a cohort's name is 1 to 80 characters", field: "name") }
        let now = now()
        return try grdbWrite { db -> Result<Cohort, AccountError> in
            guard try Cohort.filter(Column("name") == name).fetchCount(db) == 0 else {
                return .failure(AccountError(.invalid, "there is already a cohort '\(name)'", field: "name"))
            }
            var cohort = Cohort(name: name, createdAt: now)
            try cohort.insert(db)
            try Self.audit(db, at: now, actor: actor, action: "cohort.create", subject: "cohort:\(cohort.id ?? 0)", detail: name)
            return .success(cohort)
        }.get()
    }

    /// Every cohort by name; only those `mentor` is a mentor of, when given.
    public func cohorts(mentoredBy mentor: Int64? = nil) throws(GradebookError) -> [Cohort] {
        try grdbRead { db in
            guard let mentor else { return try Cohort.order(Column("name")).fetchAll(db) }
            return try Cohort.fetchAll(
                db,
                sql: """
                    SELECT cohort.* FROM cohort JOIN cohortMember ON cohortMember.cohortID = cohort.id
                    WHERE cohortMember.accountID = ? AND cohortMember.role = ? ORDER BY cohort.name
                    """, arguments: [mentor, CohortMember.Place.mentor.rawValue])
        }
    }

    public func cohort(id: Int64) throws(GradebookError) -> Cohort? {
        try grdbRead { db in try Cohort.fetchOne(db, key: id) }
    }

    /// The accounts of a cohort with their place in it, mentors first, then by username.
    public func members(ofCohort id: Int64) throws(GradebookError) -> [(account: Account, place: CohortMember.Place)] {
        try grdbRead { db in
            let members = try CohortMember.filter(Column("cohortID") == id).fetchAll(db)
            let accounts = try Account.filter(keys: members.map(\.accountID)).fetchAll(db)
            let places = Dictionary(uniqueKeysWithValues: members.map { ($0.accountID, $0.role) })
            return accounts.compactMap { account in account.id.flatMap { places[$0] }.map { (account, $0) } }
                .sorted { ($0.place == .mentor ? 0 : 1, $0.account.username) < ($1.place == .mentor ? 0 : 1, $1.account.username) }
        }
    }

    /// Whether account `accountID` mentors a cohort that learner `learnerID` is in: what lets a
    /// mentor see that learner's attempts and contests.
    public func mentors(_ accountID: Int64, learner learnerID: String) throws(GradebookError) -> Bool {
        try grdbRead { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM cohortMember AS m JOIN cohortMember AS l ON l.cohortID = m.cohortID
                    WHERE m.accountID = ? AND m.role = ? AND l.role = ? AND 'account-' || l.accountID = ?)
                    """,
                arguments: [accountID, CohortMember.Place.mentor.rawValue, CohortMember.Place.learner.rawValue, learnerID]) ?? false
        }
    }

    /// Puts an account in a cohort (or changes its place there), in the audit log.
    public func addMember(_ accountID: Int64, toCohort cohortID: Int64, as place: CohortMember.Place, actor: String) throws {
        let now = now()
        try grdbWrite { db -> Result<Void, AccountError> in
            guard let account = try Account.fetchOne(db, key: accountID) else {
                return .failure(AccountError(.notFound, "no such account"))
            }
            guard try Cohort.fetchOne(db, key: cohortID) != nil else { return .failure(AccountError(.notFound, "no cohort #\(cohortID)")) }
            try CohortMember(cohortID: cohortID, accountID: accountID, role: place, joinedAt: now).upsert(db)
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
        try grdbWrite { db -> Result<Void, AccountError> in
            guard try Cohort.fetchOne(db, key: cohortID) != nil else { return .failure(AccountError(.notFound, "no cohort #\(cohortID)")) }
            try invitation.insert(db)
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
        return try grdbRead { db in
            try Invitation.filter(Column("cohortID") == cohortID && Column("usesLeft") > 0 && Column("expiresAt") > now)
                .order(Column("createdAt").desc).fetchAll(db)
        }
    }

    /// The usable invitation with this code (typed in any case, with or without dashes) and
    /// its cohort; nil when unknown, used up or expired.
    public func invitation(code: String) throws(GradebookError) -> (Invitation, Cohort)? {
        guard let code = SecretToken.normalizedCode(code) else { return nil }
        let now = now()
        return try grdbRead { db in
            guard let invitation = try Invitation.fetchOne(db, key: code), invitation.usesLeft > 0, invitation.expiresAt > now,
                let cohort = try Cohort.fetchOne(db, key: invitation.cohortID)
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
        return try grdbWrite { db -> Result<(Account, Cohort), AccountError> in
            guard var invitation = try Invitation.fetchOne(db, key: normalized), invitation.usesLeft > 0, invitation.expiresAt > now,
                let cohort = try Cohort.fetchOne(db, key: invitation.cohortID)
            else { return .failure(gone) }
            var account: Account
            if let existing {
                guard let found = try Account.fetchOne(db, key: existing) else { return .failure(gone) }
                account = found
            } else {
                account = fresh!
                guard try Account.filter(Column("username") == account.username).fetchCount(db) == 0 else {
                    return .failure(AccountError(.invalid, "the username '\(account.username)' is taken", field: "username"))
                }
                if invitation.role == .mentor { account.role = .mentor }
                try account.insert(db)
                try Self.audit(
                    db, at: now, actor: account.username, action: "account.create", subject: "account:\(account.username)",
                    detail: "role \(account.role.rawValue), by invitation to cohort \(cohort.id ?? 0)")
            }
            if invitation.role == .mentor && account.role == .learner {
                account.role = .mentor
                try account.update(db)
                try Self.audit(
                    db, at: now, actor: account.username, action: "role.change", subject: "account:\(account.username)",
                    detail: "learner → mentor, by invitation to cohort \(cohort.id ?? 0)")
            }
            invitation.usesLeft -= 1
            try invitation.update(db)
            try CohortMember(cohortID: cohort.id!, accountID: account.id!, role: invitation.role, joinedAt: now).upsert(db)
            try Self.audit(
                db, at: now, actor: account.username, action: "cohort.member", subject: "cohort:\(cohort.id ?? 0)",
                detail: "\(account.username) as \(invitation.role.rawValue), by invitation")
            return .success((account, cohort))
        }.get()
    }
}
