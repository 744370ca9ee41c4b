import Foundation

extension Gradebook {
    /// Adds an entry to the audit log (a decision on a contest, say) in its own transaction.
    public func audit(actor: String, action: String, subject: String, detail: String) throws(GradebookError) {
        let now = now()
        try write { db in try Self.audit(db, at: now, actor: actor, action: action, subject: subject, detail: detail) }
    }

    /// The newest `limit` entries of the audit log, newest first.
    public func auditLog(limit: Int = 200) throws(GradebookError) -> [AuditEntry] {
        try read { db in try db.fetchAll(AuditEntry.self, "SELECT * FROM auditEntry ORDER BY at DESC, id DESC LIMIT ?", limit) }
    }

    /// Adds an entry inside a write already under way, so it commits with the change it logs.
    static func audit(_ db: any SQLConnection, at: Date, actor: String, action: String, subject: String, detail: String) throws {
        _ = try db.insertNew(AuditEntry(at: at, actor: actor, action: action, subject: subject, detail: detail))
    }
}
