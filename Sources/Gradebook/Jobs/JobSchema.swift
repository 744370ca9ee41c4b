import GRDB

/// The job table (migration `v9`), and re-scores made by jobs as well as by contests.
enum JobSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9: batch jobs for workers, and the re-scores they make") { db in
            try db.create(table: "job") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("kind", .text).notNull()
                table.column("assessmentID", .text).notNull()
                table.belongsTo("cohort", onDelete: .cascade)
                table.column("status", .text).notNull()
                table.column("requestedBy", .text).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("runAfter", .datetime).notNull()
                table.column("tries", .integer).notNull()
                table.column("worker", .text)
                table.column("claimedAt", .datetime)
                table.column("leaseUntil", .datetime)
                table.column("finishedAt", .datetime)
                table.column("resultJSON", .text)
                table.column("error", .text)
            }
            // A worker's claim looks only at jobs still to do, oldest first.
            try db.create(index: "jobToDo", on: "job", columns: ["status", "id"])
            try db.create(index: "jobByCohort", on: "job", columns: ["cohortID", "id"])
            // A re-score is now made by an accepted contest or by a job: the table is
            // rebuilt (SQLite cannot relax NOT NULL in place) with exactly one of the two.
            try db.create(table: "newRescore") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("contest", onDelete: .cascade)
                table.belongsTo("job", onDelete: .cascade)
                table.belongsTo("attempt", onDelete: .cascade).notNull()
                table.column("learnerID", .text).notNull()
                table.column("oldScore", .double).notNull()
                table.column("oldPassed", .boolean).notNull()
                table.column("oldResultJSON", .text).notNull()
                table.column("oldAssessmentVersion", .text).notNull()
                table.column("newScore", .double).notNull()
                table.column("newPassed", .boolean).notNull()
                table.column("rescoredAt", .datetime).notNull()
                table.check(sql: "(contestID IS NULL) <> (jobID IS NULL)")
            }
            try db.execute(
                sql: """
                    INSERT INTO newRescore (id, contestID, jobID, attemptID, learnerID, oldScore, oldPassed, oldResultJSON,
                                            oldAssessmentVersion, newScore, newPassed, rescoredAt)
                    SELECT id, contestID, NULL, attemptID, learnerID, oldScore, oldPassed, oldResultJSON,
                           oldAssessmentVersion, newScore, newPassed, rescoredAt FROM rescore
                    """)
            try db.drop(table: "rescore")
            try db.rename(table: "newRescore", to: "rescore")
            try db.create(index: "rescoreByLearner", on: "rescore", columns: ["learnerID"])
        }
    }
}
