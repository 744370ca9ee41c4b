import Foundation
import GRDB

extension Gradebook {
    /// Adds an entry to the audit log (a decision on a contest, say) in its own transaction.
    public func audit(actor: String, action: String, subject: String, detail: String) throws(GradebookError) {
        let now = now()
        try grdbWrite { db in try Self.audit(db, at: now, actor: actor, action: action, subject: subject, detail: detail) }
    }

    /// The newest `limit` entries of the audit log, newest first.
    public func auditLog(limit: Int = 200) throws(GradebookError) -> [AuditEntry] {
        try grdbRead { db in try AuditEntry.order(Column("at").desc, Column("id").desc).limit(limit).fetchAll(db) }
    }

    /// Adds an entry inside a write already under way, so it commits with the change it logs.
    static func audit(_ db: Database, at: Date, actor: String, action: String, subject: String, detail: String) throws {
        var entry = AuditEntry(at: at, actor: actor, action: action, subject: subject, detail: detail)
        try entry.insert(db)
    }
}
