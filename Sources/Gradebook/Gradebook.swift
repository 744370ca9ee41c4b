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

    let writer: any DatabaseWriter
    /// Concurrent writes of this process share a commit (see ``GroupCommit``).
    let commits = GroupCommit()
    let clock: @Sendable () -> Date
    /// The database file.
    public let path: String

    /// Opens (or creates) the gradebook in `directory`, migrating an older one.
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
            throw GradebookError(error, path: directory)
        }
        if FileManager.default.fileExists(atPath: path) { try GradebookFile.inspect(path) }
        do {
            let pool = try DatabasePool(path: path, configuration: GradebookFile.configuration())
            try GradebookFile.migrate(pool)
            return Gradebook(writer: pool, clock: clock, path: path)
        } catch {
            throw GradebookError(error, path: path)
        }
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
    func read<T>(_ body: (Database) throws -> T) throws(GradebookError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw GradebookError(error, path: path)
        }
    }

    /// Writes in one immediate transaction (shared with writes that arrive at the same time),
    /// waiting for another process's writer up to the busy timeout; returns once committed.
    func write<T>(_ body: (Database) throws -> T) throws(GradebookError) -> T {
        do {
            return try commits.write(writer, body)
        } catch {
            throw GradebookError(error, path: path)
        }
    }
}
