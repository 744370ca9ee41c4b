public import Foundation
import GRDB

extension LearnerBook {
    /// The checklist entries this learner has ticked, with when; entries the course no longer
    /// lists are kept (a course update must not lose a learner's marks) and simply not shown.
    public func checklistMarks() throws(GradebookError) -> [String: Date] {
        try gradebook.grdbRead { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT entryID, checkedAt FROM checklistMark WHERE learnerID = ?", arguments: [learnerID])
            var marks: [String: Date] = [:]
            for row in rows { marks[row["entryID"]] = row["checkedAt"] }
            return marks
        }
    }

    /// Ticks (or unticks) one checklist entry. Ticking twice keeps the first time; unticking
    /// an entry that is not ticked does nothing, so a repeated request changes nothing.
    public func setChecklistMark(_ entryID: String, checked: Bool) throws(GradebookError) {
        let now = now()
        try gradebook.grdbWrite { db in
            if checked {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO checklistMark (learnerID, entryID, checkedAt) VALUES (?, ?, ?)",
                    arguments: [learnerID, entryID, now])
            } else {
                try db.execute(
                    sql: "DELETE FROM checklistMark WHERE learnerID = ? AND entryID = ?", arguments: [learnerID, entryID])
            }
        }
    }
}
