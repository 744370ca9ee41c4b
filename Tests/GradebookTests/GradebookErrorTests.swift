import Foundation
import GRDB
import Testing

@testable import Gradebook

struct GradebookErrorTests {
    @Test func aDataFolderThatCannotBeCreatedIsRefusedWithAValue() throws {
        let directory = DataDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let file = directory.path + "/a-file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect {
            try Gradebook.open(directory: file + "/data")
        } throws: { error in
            guard case .unavailable(let path, _) = error as? GradebookError else { return false }
            return path == file + "/data"
        }
    }

    /// Root ignores mode bits (CI runs as root), so there chmod cannot make a folder read-only;
    /// the mapping below covers the error itself, and `CommandLineTests` runs the program as
    /// `nobody` (setpriv) to check the whole path under root.
    @Test(.disabled(if: getuid() == 0, "root writes to folders whatever their mode bits"))
    func aReadOnlyDataFolderIsReadOnly() throws {
        let directory = DataDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        chmod(directory.path, 0o500)
        defer { chmod(directory.path, 0o700) }
        #expect(throws: GradebookError.readOnly(path: directory.file)) { try Gradebook.open(directory: directory.path) }
    }

    @Test(arguments: [
        (ResultCode.SQLITE_READONLY, GradebookError.readOnly(path: "/g")),
        (.SQLITE_FULL, .diskFull(path: "/g")),
        (.SQLITE_BUSY, .busy(path: "/g")),
        (.SQLITE_CORRUPT, .corrupt(path: "/g", reason: "m")),
        (.SQLITE_NOTADB, .corrupt(path: "/g", reason: "m")),
        (.SQLITE_IOERR, .unavailable(path: "/g", reason: "m")),
    ])
    func sqliteFailuresMapToTheirCases(code: ResultCode, expected: GradebookError) {
        #expect(GradebookError(DatabaseError(resultCode: code, message: "m"), path: "/g") == expected)
    }

    @Test func fileSystemFailuresMapToTheirCases() {
        #expect(GradebookError(CocoaError(.fileWriteNoPermission), path: "/g") == .readOnly(path: "/g"))
        #expect(GradebookError(CocoaError(.fileWriteVolumeReadOnly), path: "/g") == .readOnly(path: "/g"))
        #expect(GradebookError(CocoaError(.fileWriteOutOfSpace), path: "/g") == .diskFull(path: "/g"))
        #expect(GradebookError(POSIXError(.EACCES), path: "/g") == .readOnly(path: "/g"))
        #expect(GradebookError(POSIXError(.ENOSPC), path: "/g") == .diskFull(path: "/g"))
        #expect(GradebookError(GradebookError.busy(path: "/h"), path: "/g") == .busy(path: "/h"))
    }

    @Test func noDescriptionGivesCommandLineAdvice() {
        let errors: [GradebookError] = [
            .corrupt(path: "/g", reason: "r"), .newerVersion(path: "/g", unknownMigrations: ["v9"]), .readOnly(path: "/g"),
            .diskFull(path: "/g"), .busy(path: "/g"), .unavailable(path: "/g", reason: "r"), .unknownAttempt(1), .attemptFinished(1),
            .heldElsewhere(attemptID: 1, holder: "cli:1@h", since: Date()), .answerConflict(attemptID: 1, clientSequence: 2),
        ]
        for error in errors {
            #expect(!error.description.contains("--"), "\(error)")
            #expect(!error.description.contains("groundwork "), "\(error)")
        }
        #expect(!RecordedAttemptError.assessmentChanged(attempt: 1, reason: "r").description.contains("groundwork "))
    }
}
