extension LearnerBook {
    /// The items flagged for review in an attempt of this learner's.
    public func flaggedItems(attemptID: Int64) throws(GradebookError) -> Set<String> {
        try gradebook.read { db in
            _ = try fetchAttempt(db, attemptID)
            return Set(try db.values(String.self, "SELECT itemID FROM itemFlag WHERE attemptID = ?", attemptID))
        }
    }

    /// Flags (or unflags) an item of an attempt in progress, as its holder: a mark for the
    /// learner to come back to before submitting, which changes no score. Repeating a request
    /// changes nothing.
    public func setFlag(attemptID: Int64, holder: String, itemID: String, flagged: Bool) throws(GradebookError) {
        let now = now()
        try gradebook.write { db in
            var attempt = try heldAttempt(db, attemptID, by: holder)
            if flagged {
                try db.execute(
                    "INSERT INTO itemFlag (attemptID, itemID, flaggedAt) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", attemptID, itemID, now)
            } else {
                try db.execute("DELETE FROM itemFlag WHERE attemptID = ? AND itemID = ?", attemptID, itemID)
            }
            attempt.lastActivityAt = now
            try db.update(attempt, columns: ["lastActivityAt", "holder", "heldSince"])
        }
    }
}
