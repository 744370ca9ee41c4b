import GRDB
import Grading

/// The schema. Migrations are never edited once released; new ones are appended.
enum GradebookSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: attempts, answers, resumptions, lesson progress") { db in
            try db.create(table: "attempt") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("assessmentID", .text).notNull().indexed()
                table.column("assessmentVersion", .text).notNull()
                table.column("seed", .integer).notNull()
                table.column("itemIDs", .text).notNull()
                table.column("startedAt", .datetime).notNull()
                table.column("finishedAt", .datetime)
                table.column("status", .text).notNull()
                table.column("score", .double)
                table.column("passed", .boolean)
                table.column("resultJSON", .text)
            }
            try db.create(table: "answer") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("attempt", onDelete: .cascade).notNull()
                table.column("itemID", .text).notNull()
                table.column("sequence", .integer).notNull()
                table.column("responseJSON", .text).notNull()
                table.column("answeredAt", .datetime).notNull()
                table.column("secondsSpent", .double).notNull()
                table.column("score", .double)
                table.uniqueKey(["attemptID", "sequence"])
            }
            try db.create(table: "resumption") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("attempt", onDelete: .cascade).notNull()
                table.column("resumedAt", .datetime).notNull()
                table.column("lastActivityAt", .datetime).notNull()
            }
            try db.create(table: "lessonProgress") { table in
                table.primaryKey("lessonID", .text)
                table.column("firstReadAt", .datetime).notNull()
                table.column("lastReadAt", .datetime).notNull()
                table.column("timesRead", .integer).notNull()
                table.column("quizzesAnswered", .integer).notNull()
                table.column("quizzesCorrect", .integer).notNull()
            }
        }
        migrator.registerMigration("v2: learners, attempt holders and activity, idempotent answers") { db in
            // Every existing record belongs to the one learner there was.
            try db.alter(table: "attempt") { table in
                table.add(column: "learnerID", .text).notNull().defaults(to: Gradebook.localLearner)
                table.add(column: "holder", .text)
                table.add(column: "heldSince", .datetime)
                table.add(column: "lastActivityAt", .datetime)
            }
            try db.execute(
                sql: """
                    UPDATE attempt SET lastActivityAt = MAX(
                        startedAt,
                        COALESCE((SELECT MAX(answeredAt) FROM answer WHERE attemptID = attempt.id), startedAt),
                        COALESCE((SELECT MAX(resumedAt) FROM resumption WHERE attemptID = attempt.id), startedAt))
                    """)
            try db.drop(index: "attempt_on_assessmentID")
            try db.create(index: "attempt_on_learnerID_assessmentID", on: "attempt", columns: ["learnerID", "assessmentID"])
            try db.alter(table: "answer") { table in table.add(column: "clientSequence", .integer) }
            try db.create(
                index: "answer_on_attemptID_clientSequence", on: "answer", columns: ["attemptID", "clientSequence"], unique: true)
            try db.create(table: "lessonProgressByLearner") { table in
                table.column("learnerID", .text).notNull()
                table.column("lessonID", .text).notNull()
                table.column("firstReadAt", .datetime).notNull()
                table.column("lastReadAt", .datetime).notNull()
                table.column("timesRead", .integer).notNull()
                table.column("quizzesAnswered", .integer).notNull()
                table.column("quizzesCorrect", .integer).notNull()
                table.primaryKey(["learnerID", "lessonID"])
            }
            try db.execute(
                sql: """
                    INSERT INTO lessonProgressByLearner
                    SELECT ?, lessonID, firstReadAt, lastReadAt, timesRead, quizzesAnswered, quizzesCorrect FROM lessonProgress
                    """, arguments: [Gradebook.localLearner])
            try db.drop(table: "lessonProgress")
            try db.rename(table: "lessonProgressByLearner", to: "lessonProgress")
        }
        migrator.registerMigration("v3: practice attempts apart from exams") { db in
            // Every attempt made before there was practice was taken under the test's rules.
            try db.alter(table: "attempt") { table in
                table.add(column: "purpose", .text).notNull().defaults(to: AttemptPurpose.exam.rawValue)
            }
        }
        migrator.registerMigration("v4: contested gold answers and the re-scores they caused") { db in
            try db.create(table: "contest") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("learnerID", .text).notNull().indexed()
                table.belongsTo("attempt", onDelete: .cascade).notNull()
                table.column("assessmentID", .text).notNull()
                table.column("itemID", .text).notNull()
                table.column("reason", .text).notNull()
                table.column("proposedJSON", .text)
                table.column("filedAt", .datetime).notNull()
                table.column("status", .text).notNull().indexed()
                table.column("reply", .text)
                table.column("decidedAt", .datetime)
                table.column("goldJSON", .text)
                table.column("replacedGold", .text)
            }
            try db.create(table: "rescore") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("contest", onDelete: .cascade).notNull()
                table.belongsTo("attempt", onDelete: .cascade).notNull()
                table.column("learnerID", .text).notNull().indexed()
                table.column("oldScore", .double).notNull()
                table.column("oldPassed", .boolean).notNull()
                table.column("oldResultJSON", .text).notNull()
                table.column("oldAssessmentVersion", .text).notNull()
                table.column("newScore", .double).notNull()
                table.column("newPassed", .boolean).notNull()
                table.column("rescoredAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v5: readiness checklist marks") { db in
            // One row per ticked entry of the course's readiness checklist; unticking deletes it.
            try db.create(table: "checklistMark") { table in
                table.column("learnerID", .text).notNull()
                table.column("entryID", .text).notNull()
                table.column("checkedAt", .datetime).notNull()
                table.primaryKey(["learnerID", "entryID"])
            }
        }
        migrator.registerMigration("v6: items flagged for review") { db in
            // One row per item a learner flagged in an attempt that lets them go back; unflagging deletes it.
            try db.create(table: "itemFlag") { table in
                table.belongsTo("attempt", onDelete: .cascade).notNull()
                table.column("itemID", .text).notNull()
                table.column("flaggedAt", .datetime).notNull()
                table.primaryKey(["attemptID", "itemID"])
            }
        }
        AccountSchema.register(in: &migrator)
        migrator.registerMigration("v8: covering indexes for attempt lists and counts") { db in
            // Reports are stored in the attempt row before `learnerID` and `purpose`, so a query
            // that reads those from the table walks each report's overflow pages (~10 kB per
            // attempt). These indexes hold every column the lists and the counts read, so
            // neither touches a report however many attempts there are.
            try db.create(
                index: "attempt_list_by_learner", on: "attempt",
                columns: ["learnerID", "startedAt", "id", "assessmentID", "purpose", "finishedAt", "status", "score", "passed"])
            try db.create(
                index: "attempt_list_by_learner_assessment", on: "attempt",
                columns: ["learnerID", "assessmentID", "purpose", "status", "passed", "startedAt", "finishedAt", "score"])
            // The second begins with the columns of the old one, which is no longer needed.
            try db.drop(index: "attempt_on_learnerID_assessmentID")
        }
        JobSchema.register(in: &migrator)
        PasswordResetSchema.register(in: &migrator)
        return migrator
    }()
}
