import GRDB

/// Password reset links (migration `v10`; `p3` on PostgreSQL): an admin makes one for an
/// account that forgot its password; the link's code is stored as its digest only.
enum PasswordResetSchema {
    static let migrationName = "v10: password reset links"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(migrationName) { db in
            try db.create(table: "passwordReset") { table in
                table.column("codeDigest", .text).primaryKey()
                table.belongsTo("account", onDelete: .cascade).notNull()
                table.column("createdBy", .text).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("expiresAt", .datetime).notNull()
            }
        }
    }

    static let postgres = PostgresSchema.Migration(
        name: "p3: password reset links (SQLite v10)",
        statements: [
            """
            CREATE TABLE passwordReset (
                codeDigest TEXT COLLATE "C" PRIMARY KEY,
                accountID BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
                createdBy TEXT COLLATE "C" NOT NULL,
                createdAt TIMESTAMPTZ NOT NULL,
                expiresAt TIMESTAMPTZ NOT NULL)
            """,
            "CREATE INDEX passwordReset_on_accountID ON passwordReset (accountID)",
        ])
}
