import Foundation
import Gradebook
import HTTPTypes
import Testing

@testable import GroundworkWeb

/// What a learner is told when the gradebook fails: the status and whether anything changed,
/// never where the gradebook is (a file path or a database's address, which go to the log).
struct ErrorPageTests {
    static let path = "postgres://groundwork@db.internal:5432/class"

    @Test(arguments: [
        GradebookError.corrupt(path: path, reason: "page 7 is damaged"),
        .newerVersion(path: path, unknownMigrations: ["v99"]),
        .readOnly(path: path),
        .diskFull(path: path),
        .busy(path: path),
        .unavailable(path: path, reason: "cannot connect to PostgreSQL at db.internal:5432 (connection refused)"),
    ])
    func serverFaultsAre503sThatNameNoPathAndAreLogged(error: GradebookError) {
        let (status, message, _) = ErrorPages.describe(error as any Error)
        #expect(status == .serviceUnavailable)
        #expect(!message.contains("db.internal") && !message.contains("5432") && !message.contains("postgres"))
        #expect(message.contains("nothing was changed"))
        #expect(ErrorPages.isServerFault(error))
    }

    @Test func aLearnersOwnMistakesKeepTheirStatus() {
        #expect(ErrorPages.describe(GradebookError.unknownAttempt(4) as any Error).0 == .notFound)
        #expect(ErrorPages.describe(GradebookError.attemptFinished(4) as any Error).0 == .conflict)
        let conflict = ErrorPages.describe(GradebookError.answerConflict(attemptID: 4, clientSequence: 2) as any Error)
        #expect(conflict.0 == .conflict && conflict.2 == "seq")
        #expect(!ErrorPages.isServerFault(.unknownAttempt(4)))
    }
}
