public import Foundation
import GRDB

/// A learner's record: attempts at assessments with every answer, and lesson progress, in one
/// SQLite file under a data directory.
///
/// Every write is its own committed transaction, made the moment something happens, so a
/// killed process loses nothing it had recorded. A file that is not a gradebook, or that a
/// newer Groundwork wrote, is refused with an error and never modified.
public struct Gradebook: Sendable {
    /// The database file's name inside the data directory.
    public static let fileName = "gradebook.sqlite"

    let queue: DatabaseQueue
    let clock: @Sendable () -> Date
    /// The database file.
    public let path: String

    /// Opens (or creates) the gradebook in `directory`.
    ///
    /// - Parameters:
    ///   - directory: The data directory; created if missing.
    ///   - clock: The time source, replaceable in tests.
    /// - Throws: ``GradebookError`` when the file is damaged, newer, or cannot be written.
    public static func open(directory: String, clock: @escaping @Sendable () -> Date = { Date() }) throws(GradebookError) -> Gradebook {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(fileName).path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: directory, reason: error.localizedDescription)
        }
        if FileManager.default.fileExists(atPath: path) { try inspect(path) }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: false))
            try migrator.migrate(queue)
            return Gradebook(queue: queue, clock: clock, path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw .corrupt(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw .unwritable(path: path, reason: "\(error)")
        }
    }

    /// The gradebook's idea of now (its clock; a test's fixed time in tests).
    public func now() -> Date { clock() }

    /// The per-user default: `$GROUNDWORK_DATA`, else `$XDG_DATA_HOME/groundwork`, else
    /// `~/.local/share/groundwork`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["GROUNDWORK_DATA"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/groundwork" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/groundwork"
    }

    /// Checks an existing file read-only before anything may write to it.
    private static func inspect(_ path: String) throws(GradebookError) {
        do {
            let reader = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
            defer { try? reader.close() }
            let unknown: [String] = try reader.read { db in
                let quick = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "ok"
                if quick != "ok" { throw GradebookError.corrupt(path: path, reason: quick) }
                guard try db.tableExists("grdb_migrations") else {
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                    if tables > 0 { throw GradebookError.corrupt(path: path, reason: "it is a SQLite file but not a Groundwork gradebook") }
                    return []
                }
                let known = Set(migrator.migrations)
                return try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted()
            }
            if !unknown.isEmpty { throw GradebookError.newerVersion(path: path, unknownMigrations: unknown) }
        } catch let error as GradebookError {
            throw error
        } catch let error as DatabaseError {
            throw .corrupt(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw .corrupt(path: path, reason: "\(error)")
        }
    }

    private static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.foreignKeysEnabled = true
        configuration.label = "Gradebook"
        return configuration
    }

    /// The schema. Migrations are never edited once released; new ones are appended.
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
        return migrator
    }()
}
