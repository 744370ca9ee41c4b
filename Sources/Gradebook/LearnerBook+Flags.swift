import GRDB

extension LearnerBook {
    /// The items flagged for review in an attempt of this learner's.
    public func flaggedItems(attemptID: Int64) throws(GradebookError) -> Set<String> {
        try gradebook.grdbRead { db in
            _ = try fetchAttempt(db, attemptID)
            return Set(try String.fetchAll(db, sql: "SELECT itemID FROM itemFlag WHERE attemptID = ?", arguments: [attemptID]))
        }
    }

    /// Flags (or unflags) an item of an attempt in progress, as its holder: a mark for the
    /// learner to come back to before submitting, which changes no score. Repeating a request
    /// changes nothing.
    public func setFlag(attemptID: Int64, holder: String, itemID: String, flagged: Bool) throws(GradebookError) {
        let now = now()
        try gradebook.grdbWrite { db in
            var attempt = try heldAttempt(db, attemptID, by: holder)
            if flagged {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO itemFlag (attemptID, itemID, flaggedAt) VALUES (?, ?, ?)",
                    arguments: [attemptID, itemID, now])
            } else {
                try db.execute(sql: "DELETE FROM itemFlag WHERE attemptID = ? AND itemID = ?", arguments: [attemptID, itemID])
            }
            attempt.lastActivityAt = now
            try attempt.update(db, columns: ["lastActivityAt", "holder", "heldSince"])
        }
    }
}
