import Foundation
import GRDB

/// Opening the file safely: what is checked before anything may write to it, and how.
enum GradebookFile {
    /// Checks an existing file before it is converted to WAL or migrated.
    ///
    /// The file is opened read-write (yet only read), so SQLite can recover it after a crash
    /// mid-commit: it rolls back a hot `-journal` or replays a `-wal`, which a read-only
    /// connection cannot do. Only then is damage judged, by `integrity_check` (which, unlike
    /// `quick_check`, also finds indexes that disagree with their tables).
    ///
    /// `integrity_check` reads the whole file (at 10,000 attempts, ~200 MB), so it runs where
    /// it matters and once: before a migration rewrites the file, after a writer left it
    /// mid-commit (a `-journal` or `-wal` beside it, also there while another process has it
    /// open) and on a file that is not a gradebook yet. A gradebook closed cleanly at the
    /// current schema opens on SQLite's own checks of its header and schema; damage a query
    /// meets later is reported as ``GradebookError/corrupt(path:reason:)`` all the same.
    static func inspect(_ path: String) throws(GradebookError) {
        let unknown: [String]
        let leftMidCommit = ["-journal", "-wal"].contains { FileManager.default.fileExists(atPath: path + $0) }
        do {
            // A queue, unlike a pool, leaves the journal mode alone: a refused file stays as it was.
            let inspector = try DatabaseQueue(path: path, configuration: configuration())
            defer { try? inspector.close() }
            unknown = try inspector.read { db in
                guard try db.tableExists("grdb_migrations") else {
                    try requireIntact(db, path)
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                    if tables > 0 { throw GradebookError.corrupt(path: path, reason: "it is a SQLite file but not a Groundwork gradebook") }
                    return []
                }
                let migrations = GradebookSchema.migrator.migrations
                let applied = try GradebookSchema.migrator.appliedIdentifiers(db)
                if leftMidCommit || !applied.isSuperset(of: migrations) { try requireIntact(db, path) }
                return applied.subtracting(migrations).sorted()
            }
        } catch {
            throw GradebookError(error, path: path)
        }
        if !unknown.isEmpty { throw GradebookError.newerVersion(path: path, unknownMigrations: unknown) }
    }

    private static func requireIntact(_ db: Database, _ path: String) throws {
        let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if problems != ["ok"] { throw GradebookError.corrupt(path: path, reason: problems.prefix(3).joined(separator: "; ")) }
    }

    /// Applies the migrations the file lacks. Two processes opening an old file at once may
    /// both try; the one that finds the work done by the other has nothing left to do.
    static func migrate(_ writer: some DatabaseWriter) throws {
        let migrator = GradebookSchema.migrator
        guard try !writer.read(migrator.hasCompletedMigrations) else { return }
        do {
            try migrator.migrate(writer)
        } catch {
            guard try writer.read(migrator.hasCompletedMigrations) else { throw error }
        }
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(Gradebook.busyTimeout)
        configuration.label = "Gradebook"
        return configuration
    }
}
