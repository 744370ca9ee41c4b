import Foundation
import GRDB

/// A gradebook as Groundwork wrote it before there were learners: the v1 schema exactly as
/// GRDB created it (column `attemptId` included), in rollback-journal mode, with rows.
enum V1Gradebook {
    static let schema = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1: attempts, answers, resumptions, lesson progress');
        CREATE TABLE "attempt" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "assessmentID" TEXT NOT NULL, "assessmentVersion" TEXT NOT NULL,
            "seed" INTEGER NOT NULL, "itemIDs" TEXT NOT NULL, "startedAt" DATETIME NOT NULL, "finishedAt" DATETIME, "status" TEXT NOT NULL,
            "score" DOUBLE, "passed" BOOLEAN, "resultJSON" TEXT);
        CREATE INDEX "attempt_on_assessmentID" ON "attempt"("assessmentID");
        CREATE TABLE "answer" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "attemptId" INTEGER NOT NULL REFERENCES "attempt"("id") ON DELETE CASCADE,
            "itemID" TEXT NOT NULL, "sequence" INTEGER NOT NULL, "responseJSON" TEXT NOT NULL, "answeredAt" DATETIME NOT NULL,
            "secondsSpent" DOUBLE NOT NULL, "score" DOUBLE, UNIQUE ("attemptID", "sequence"));
        CREATE INDEX "answer_on_attemptId" ON "answer"("attemptId");
        CREATE TABLE "resumption" ("id" INTEGER PRIMARY KEY AUTOINCREMENT,
            "attemptId" INTEGER NOT NULL REFERENCES "attempt"("id") ON DELETE CASCADE, "resumedAt" DATETIME NOT NULL,
            "lastActivityAt" DATETIME NOT NULL);
        CREATE INDEX "resumption_on_attemptId" ON "resumption"("attemptId");
        CREATE TABLE "lessonProgress" ("lessonID" TEXT PRIMARY KEY NOT NULL, "firstReadAt" DATETIME NOT NULL, "lastReadAt" DATETIME NOT NULL,
            "timesRead" INTEGER NOT NULL, "quizzesAnswered" INTEGER NOT NULL, "quizzesCorrect" INTEGER NOT NULL);
        """

    /// One finished attempt (#1) and one in progress (#2, two answers, one resumption), and two lessons read.
    static let rows = """
        INSERT INTO attempt VALUES (1, 'yes-no', 'v', 7, '["q1","q2","q3","q4"]', '2027-01-15 08:00:00.000', '2027-01-15 08:05:00.000',
            'submitted', 0.75, 1, '{"score":0.75}');
        INSERT INTO attempt VALUES (2, 'yes-no', 'v', 8, '["q1","q2","q3","q4"]', '2027-01-16 08:00:00.000', NULL, 'inProgress', NULL, NULL, NULL);
        INSERT INTO answer VALUES (1, 1, 'q1', 1, '"yes"', '2027-01-15 08:01:00.000', 60, 1);
        INSERT INTO answer VALUES (2, 2, 'q1', 1, '"yes"', '2027-01-16 08:00:30.000', 30, NULL);
        INSERT INTO answer VALUES (3, 2, 'q2', 2, '"no"', '2027-01-16 08:02:00.000', 60, NULL);
        INSERT INTO resumption VALUES (1, 2, '2027-01-16 08:01:30.000', '2027-01-16 08:00:30.000');
        INSERT INTO lessonProgress VALUES ('labels', '2027-01-10 09:00:00.000', '2027-01-12 09:00:00.000', 2, 3, 2);
        INSERT INTO lessonProgress VALUES ('boxes', '2027-01-11 09:00:00.000', '2027-01-11 09:00:00.000', 1, 0, 0);
        """

    /// Writes the v1 file at `path` (its folder created), as a v1 Groundwork left it.
    static func write(to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: schema + rows) }
        try queue.close()
    }
}
