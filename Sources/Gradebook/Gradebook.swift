public import Foundation

/// The store of learners' records: attempts at assessments with every answer, lesson
/// progress, and a class server's accounts. ``learner(_:)`` gives one learner's part of it;
/// every query and write goes through that, so two learners' records never mix.
///
/// The records live in a ``GradebookStore``: by default one SQLite file under a data
/// directory (``open(directory:clock:)``), or a PostgreSQL database that several servers share
/// (``open(database:clock:)``). Every write is its own committed transaction, made the moment
/// something happens, so a killed process loses nothing it had recorded. A file or database
/// that is not a gradebook, is damaged, or that a newer Groundwork wrote is refused with an
/// error and never modified.
public struct Gradebook: Sendable {
    /// The database file's name inside the data directory.
    public static let fileName = "gradebook.sqlite"
    /// The learner of a single-user install (the terminal, the web app without accounts); the
    /// records of gradebooks written before there were learners belong to it.
    public static let localLearner = "local"
    /// How long a writer waits for another before the write fails with ``GradebookError/busy(path:)``.
    static let busyTimeout: TimeInterval = 10

    /// Where the tables live.
    let store: any GradebookStore
    let clock: @Sendable () -> Date
    /// The database file, or the PostgreSQL URL without its password.
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

    /// Opens the gradebook in the PostgreSQL database of `url`
    /// (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?pool=N&schema=NAME]`), creating its
    /// tables or migrating older ones.
    ///
    /// - Throws: ``GradebookError`` for a bad URL, a server that cannot be reached, a refused
    ///   login, a missing database or one a newer Groundwork migrated; never with the password.
    public static func open(database url: String, clock: @escaping @Sendable () -> Date = { Date() }) throws(GradebookError) -> Gradebook {
        Gradebook(store: try PostgresStore.open(url: url), clock: clock)
    }

    /// Whether `text` is a PostgreSQL URL (for ``open(database:clock:)``) rather than a path.
    public static func isDatabaseURL(_ text: String) -> Bool { PostgresAddress.isURL(text) }

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

    /// Reads in one consistent snapshot; a read never writes.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws(GradebookError) -> T {
        do {
            return try store.read(body)
        } catch {
            throw store.gradebookError(error)
        }
    }

    /// Writes in one transaction and returns once it committed. On SQLite the transaction may
    /// be shared with writes that arrive at the same time (``GroupCommit``) and waits for
    /// another process's writer up to the busy timeout; on PostgreSQL `body` may run again
    /// after a conflict (see ``PostgresStore``), so it must do nothing but its queries.
    func write<T>(_ body: (any SQLConnection) throws -> T) throws(GradebookError) -> T {
        do {
            return try store.write(body)
        } catch {
            throw store.gradebookError(error)
        }
    }
}
