import GRDB

/// The class server's tables, added by migration `v7`. Everything a server needs to
/// remember between requests (sessions, their form tokens, failed logins) lives here, never
/// in a server's memory, so any number of server processes can share one gradebook.
enum AccountSchema {
    static let migrationName = "v7: accounts, cohorts, sessions, login throttling, invitations, audit log"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(migrationName) { db in
            try db.create(table: "account") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("username", .text).notNull().unique()
                table.column("passwordHash", .text).notNull()
                table.column("role", .text).notNull()
                table.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "cohort") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull().unique()
                table.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "cohortMember") { table in
                table.belongsTo("cohort", onDelete: .cascade).notNull()
                table.belongsTo("account", onDelete: .cascade).notNull()
                table.column("role", .text).notNull()
                table.column("joinedAt", .datetime).notNull()
                table.primaryKey(["cohortID", "accountID"])
            }
            try db.create(table: "session") { table in
                table.primaryKey("token", .text)
                table.belongsTo("account", onDelete: .cascade).notNull()
                table.column("formToken", .text).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("lastSeenAt", .datetime).notNull()
            }
            try db.create(table: "loginFailure") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("key", .text).notNull()
                table.column("at", .datetime).notNull()
            }
            try db.create(index: "loginFailure_on_key_at", on: "loginFailure", columns: ["key", "at"])
            try db.create(table: "invitation") { table in
                table.primaryKey("code", .text)
                table.belongsTo("cohort", onDelete: .cascade).notNull()
                table.column("role", .text).notNull()
                table.column("createdBy", .text).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("expiresAt", .datetime).notNull()
                table.column("usesLeft", .integer).notNull()
            }
            try db.create(table: "auditEntry") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .datetime).notNull()
                table.column("actor", .text).notNull()
                table.column("action", .text).notNull()
                table.column("subject", .text).notNull()
                table.column("detail", .text).notNull()
            }
        }
    }
}
