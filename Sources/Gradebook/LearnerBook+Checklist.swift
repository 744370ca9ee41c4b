public import Foundation

extension LearnerBook {
    /// The checklist entries this learner has ticked, with when; entries the course no longer
    /// lists are kept (a course update must not lose a learner's marks) and simply not shown.
    public func checklistMarks() throws(GradebookError) -> [String: Date] {
        try gradebook.read { db in
            var marks: [String: Date] = [:]
            for row in try db.rows("SELECT entryID, checkedAt FROM checklistMark WHERE learnerID = ?", learnerID) {
                marks[try row.decode(String.self, "entryID")] = try row.decode(Date.self, "checkedAt")
            }
            return marks
        }
    }

    /// Ticks (or unticks) one checklist entry. Ticking twice keeps the first time; unticking
    /// an entry that is not ticked does nothing, so a repeated request changes nothing.
    public func setChecklistMark(_ entryID: String, checked: Bool) throws(GradebookError) {
        let now = now()
        try gradebook.write { db in
            if checked {
                try db.execute(
                    "INSERT INTO checklistMark (learnerID, entryID, checkedAt) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", learnerID, entryID,
                    now)
            } else {
                try db.execute("DELETE FROM checklistMark WHERE learnerID = ? AND entryID = ?", learnerID, entryID)
            }
        }
    }
}
