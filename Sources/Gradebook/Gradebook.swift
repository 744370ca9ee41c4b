public import Foundation
import GRDB

/// The store of learners' records: attempts at assessments with every answer, and lesson
/// progress, in one SQLite file under a data directory. ``learner(_:)`` gives one learner's
/// part of it; every query and write goes through that, so two learners' records never mix.
///
/// The file is opened as a pool in WAL mode with a busy timeout: readers never wait for the
/// writer, and two writers (the web app's requests, a terminal `take`) wait for each other
/// rather than fail. Every write is its own committed transaction, made the moment something
/// happens, so a killed process loses nothing it had recorded. A file that is not a
/// gradebook, is damaged, or that a newer Groundwork wrote is refused with an error and never
/// modified.
public struct Gradebook: Sendable {
    /// The database file's name inside the data directory.
    public static let fileName = "gradebook.sqlite"
    /// The learner of a single-user install (the terminal, the web app without accounts); the
    /// records of gradebooks written before there were learners belong to it.
    public static let localLearner = "local"
    /// How long a writer waits for another before the write fails with ``GradebookError/busy(path:)``.
    static let busyTimeout: TimeInterval = 10

    /// Where the tables live (a SQLite file; see ``GradebookStore``).
    let store: any GradebookStore
    let clock: @Sendable () -> Date
    /// The database file.
    public var path: String { store.location }

    /// Opens (or creates) the gradebook in `directory`, migrating an older one.
    ///
    /// - Parameters:
    ///   - directory: The data directory; created if missing.
    ///   - clock: The time source, replaceable in tests.
    /// - Throws: ``GradebookError`` when the file is damaged, newer, or cannot be written.
    public static func open(directory: String, clock: @escaping @Sendable () -> Date = { Date() }) throws(GradebookError) -> Gradebook {
        Gradebook(store: try SQLiteStore.open(directory: directory), clock: clock)
    }

    /// One learner's records.
    public func learner(_ id: String) -> LearnerBook { LearnerBook(gradebook: self, learnerID: id) }

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

    /// Reads in a snapshot; a read never writes.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws(GradebookError) -> T {
        do {
            return try store.read(body)
        } catch {
            throw store.gradebookError(error)
        }
    }

    /// Writes in one transaction and returns once it committed (on SQLite shared with writes
    /// that arrive at the same time, waiting for another process's writer up to the busy timeout).
    func write<T>(_ body: (any SQLConnection) throws -> T) throws(GradebookError) -> T {
        do {
            return try store.write(body)
        } catch {
            throw store.gradebookError(error)
        }
    }

    /// The GRDB database of a SQLite store, for code not yet written against ``SQLConnection``.
    func grdbRead<T>(_ body: (Database) throws -> T) throws(GradebookError) -> T {
        try read { connection in try body(Self.database(connection)) }
    }

    func grdbWrite<T>(_ body: (Database) throws -> T) throws(GradebookError) -> T {
        try write { connection in try body(Self.database(connection)) }
    }

    private static func database(_ connection: any SQLConnection) -> Database {
        guard let sqlite = connection as? SQLiteConnection else { preconditionFailure("GRDB queries run on SQLite only") }
        return sqlite.db
    }
}
