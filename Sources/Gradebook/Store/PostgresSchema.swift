import Foundation

/// The PostgreSQL schema: its own ordered list of migrations, recorded by name in
/// `groundwork_migrations`. The first is the shape SQLite's migrations v1–v8 leave; later
/// ones are appended, never edited. Each runs in its own transaction.
///
/// Types: ids are `BIGINT GENERATED ALWAYS AS IDENTITY`, other integers `BIGINT`, booleans
/// `boolean`, dates `timestamptz` (kept to the millisecond, as in SQLite), scores `double
/// precision`, and text `text COLLATE "C"`, so text sorts by its bytes as SQLite sorts it.
/// Unquoted camelCase names fold to lower case, and queries written unquoted match them.
enum PostgresSchema {
    struct Migration: Sendable {
        let name: String
        let statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(
            name: "p1: attempts, answers, contests, checklist, flags, accounts (the shape of SQLite v1-v8)",
            statements: [
                """
                CREATE TABLE attempt (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    learnerID TEXT NOT NULL DEFAULT 'local',
                    assessmentID TEXT NOT NULL,
                    assessmentVersion TEXT NOT NULL,
                    seed BIGINT NOT NULL,
                    itemIDs TEXT NOT NULL,
                    startedAt TIMESTAMPTZ NOT NULL,
                    finishedAt TIMESTAMPTZ,
                    status TEXT NOT NULL,
                    score DOUBLE PRECISION,
                    passed BOOLEAN,
                    resultJSON TEXT,
                    holder TEXT,
                    heldSince TIMESTAMPTZ,
                    lastActivityAt TIMESTAMPTZ NOT NULL,
                    purpose TEXT NOT NULL DEFAULT 'exam')
                """,
                // The lists and counts read these alone, never a row with its report.
                """
                CREATE INDEX attempt_list_by_learner ON attempt (learnerID, startedAt, id)
                    INCLUDE (assessmentID, purpose, finishedAt, status, score, passed)
                """,
                """
                CREATE INDEX attempt_list_by_learner_assessment ON attempt (learnerID, assessmentID, purpose, status, passed, startedAt)
                    INCLUDE (finishedAt, score)
                """,
                "CREATE INDEX attempt_on_assessmentID ON attempt (assessmentID)",
                """
                CREATE TABLE answer (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    attemptID BIGINT NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
                    itemID TEXT NOT NULL,
                    sequence BIGINT NOT NULL,
                    responseJSON TEXT NOT NULL,
                    answeredAt TIMESTAMPTZ NOT NULL,
                    secondsSpent DOUBLE PRECISION NOT NULL,
                    score DOUBLE PRECISION,
                    clientSequence BIGINT,
                    UNIQUE (attemptID, sequence),
                    UNIQUE (attemptID, clientSequence))
                """,
                """
                CREATE TABLE resumption (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    attemptID BIGINT NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
                    resumedAt TIMESTAMPTZ NOT NULL,
                    lastActivityAt TIMESTAMPTZ NOT NULL)
                """,
                "CREATE INDEX resumption_on_attemptID ON resumption (attemptID)",
                """
                CREATE TABLE lessonProgress (
                    learnerID TEXT NOT NULL,
                    lessonID TEXT NOT NULL,
                    firstReadAt TIMESTAMPTZ NOT NULL,
                    lastReadAt TIMESTAMPTZ NOT NULL,
                    timesRead BIGINT NOT NULL,
                    quizzesAnswered BIGINT NOT NULL,
                    quizzesCorrect BIGINT NOT NULL,
                    PRIMARY KEY (learnerID, lessonID))
                """,
                """
                CREATE TABLE contest (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    learnerID TEXT NOT NULL,
                    attemptID BIGINT NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
                    assessmentID TEXT NOT NULL,
                    itemID TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    proposedJSON TEXT,
                    filedAt TIMESTAMPTZ NOT NULL,
                    status TEXT NOT NULL,
                    reply TEXT,
                    decidedAt TIMESTAMPTZ,
                    goldJSON TEXT,
                    replacedGold TEXT)
                """,
                "CREATE INDEX contest_on_learnerID ON contest (learnerID)",
                "CREATE INDEX contest_on_attemptID ON contest (attemptID)",
                "CREATE INDEX contest_on_status ON contest (status)",
                """
                CREATE TABLE rescore (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    contestID BIGINT NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
                    attemptID BIGINT NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
                    learnerID TEXT NOT NULL,
                    oldScore DOUBLE PRECISION NOT NULL,
                    oldPassed BOOLEAN NOT NULL,
                    oldResultJSON TEXT NOT NULL,
                    oldAssessmentVersion TEXT NOT NULL,
                    newScore DOUBLE PRECISION NOT NULL,
                    newPassed BOOLEAN NOT NULL,
                    rescoredAt TIMESTAMPTZ NOT NULL)
                """,
                "CREATE INDEX rescore_on_contestID ON rescore (contestID)",
                "CREATE INDEX rescore_on_attemptID ON rescore (attemptID)",
                "CREATE INDEX rescore_on_learnerID ON rescore (learnerID)",
                """
                CREATE TABLE checklistMark (
                    learnerID TEXT NOT NULL,
                    entryID TEXT NOT NULL,
                    checkedAt TIMESTAMPTZ NOT NULL,
                    PRIMARY KEY (learnerID, entryID))
                """,
                """
                CREATE TABLE itemFlag (
                    attemptID BIGINT NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
                    itemID TEXT NOT NULL,
                    flaggedAt TIMESTAMPTZ NOT NULL,
                    PRIMARY KEY (attemptID, itemID))
                """,
                """
                CREATE TABLE account (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    username TEXT NOT NULL UNIQUE,
                    passwordHash TEXT NOT NULL,
                    role TEXT NOT NULL,
                    createdAt TIMESTAMPTZ NOT NULL)
                """,
                """
                CREATE TABLE cohort (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    createdAt TIMESTAMPTZ NOT NULL)
                """,
                """
                CREATE TABLE cohortMember (
                    cohortID BIGINT NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
                    accountID BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
                    role TEXT NOT NULL,
                    joinedAt TIMESTAMPTZ NOT NULL,
                    PRIMARY KEY (cohortID, accountID))
                """,
                "CREATE INDEX cohortMember_on_accountID ON cohortMember (accountID)",
                """
                CREATE TABLE session (
                    token TEXT PRIMARY KEY,
                    accountID BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
                    formToken TEXT NOT NULL,
                    createdAt TIMESTAMPTZ NOT NULL,
                    lastSeenAt TIMESTAMPTZ NOT NULL)
                """,
                "CREATE INDEX session_on_accountID ON session (accountID)",
                """
                CREATE TABLE loginFailure (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    key TEXT NOT NULL,
                    at TIMESTAMPTZ NOT NULL)
                """,
                "CREATE INDEX loginFailure_on_key_at ON loginFailure (key, at)",
                """
                CREATE TABLE invitation (
                    code TEXT PRIMARY KEY,
                    cohortID BIGINT NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
                    role TEXT NOT NULL,
                    createdBy TEXT NOT NULL,
                    createdAt TIMESTAMPTZ NOT NULL,
                    expiresAt TIMESTAMPTZ NOT NULL,
                    usesLeft BIGINT NOT NULL)
                """,
                "CREATE INDEX invitation_on_cohortID ON invitation (cohortID)",
                """
                CREATE TABLE auditEntry (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    at TIMESTAMPTZ NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    detail TEXT NOT NULL)
                """,
            ].map(collatingText)),
        Migration(
            name: "p2: batch jobs for workers, and the re-scores they make (SQLite v9)",
            statements: [
                """
                CREATE TABLE job (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    kind TEXT NOT NULL,
                    assessmentID TEXT NOT NULL,
                    cohortID BIGINT REFERENCES cohort (id) ON DELETE CASCADE,
                    status TEXT NOT NULL,
                    requestedBy TEXT NOT NULL,
                    createdAt TIMESTAMPTZ NOT NULL,
                    runAfter TIMESTAMPTZ NOT NULL,
                    tries BIGINT NOT NULL,
                    worker TEXT,
                    claimedAt TIMESTAMPTZ,
                    leaseUntil TIMESTAMPTZ,
                    finishedAt TIMESTAMPTZ,
                    resultJSON TEXT,
                    error TEXT)
                """,
                "CREATE INDEX jobToDo ON job (status, id)",
                "CREATE INDEX jobByCohort ON job (cohortID, id)",
                "ALTER TABLE rescore ALTER COLUMN contestID DROP NOT NULL",
                "ALTER TABLE rescore ADD COLUMN jobID BIGINT REFERENCES job (id) ON DELETE CASCADE",
                "ALTER TABLE rescore ADD CONSTRAINT rescore_one_cause CHECK ((contestID IS NULL) <> (jobID IS NULL))",
                "CREATE INDEX rescore_on_jobID ON rescore (jobID)",
            ].map(collatingText)),
        PasswordResetSchema.postgres,
    ]

    /// Every `TEXT` column of `statement` compared by its bytes.
    private static func collatingText(_ statement: String) -> String {
        [" ", ",", ")"].reduce(statement) { sql, after in sql.replacingOccurrences(of: " TEXT" + after, with: " TEXT COLLATE \"C\"" + after)
        }
    }

    /// An arbitrary constant: the key of the advisory lock that lets one server migrate at a time.
    static let migrationLock: Int64 = 0x6772_6f75_6e64_776b

    /// Applies the migrations the database lacks, holding a session advisory lock, so two
    /// servers starting at once take turns and the second finds the work done.
    ///
    /// - Throws: ``GradebookError/newerVersion(path:unknownMigrations:)`` when the database
    ///   has migrations this version does not know (it is then left untouched).
    static func migrate(_ store: PostgresStore) throws {
        try store.pool.withConnection { connection in
            try connection.execute("SELECT pg_advisory_lock(?)", migrationLock)
            defer { _ = try? connection.execute("SELECT pg_advisory_unlock(?)", migrationLock) }
            if let schema = store.address.schema { try connection.execute("CREATE SCHEMA IF NOT EXISTS \(schema)") }
            try connection.execute(
                "CREATE TABLE IF NOT EXISTS groundwork_migrations (name TEXT PRIMARY KEY, appliedAt TIMESTAMPTZ NOT NULL)")
            let applied = Set(try connection.values(String.self, "SELECT name FROM groundwork_migrations"))
            let unknown = applied.subtracting(migrations.map(\.name)).sorted()
            guard unknown.isEmpty else { throw GradebookError.newerVersion(path: store.location, unknownMigrations: unknown) }
            for migration in migrations where !applied.contains(migration.name) {
                try connection.transaction("BEGIN") { db in
                    for statement in migration.statements { try db.execute(statement) }
                    try db.execute("INSERT INTO groundwork_migrations (name, appliedAt) VALUES (?, now())", migration.name)
                }
            }
        }
    }
}
