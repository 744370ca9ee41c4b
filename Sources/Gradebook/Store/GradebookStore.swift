/// Where a gradebook's tables live: a SQLite file (``SQLiteStore``) or a PostgreSQL
/// database. Every query of the gradebook runs inside ``read(_:)`` or ``write(_:)``, written
/// once against ``SQLConnection``.
protocol GradebookStore: Sendable {
    /// What to name in messages: the file's path, or the database URL without its password.
    var location: String { get }
    /// Runs `body` in a transaction that sees one consistent state and writes nothing.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// Runs `body` in one write transaction and returns once it committed; a throw rolls it back.
    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// The ``GradebookError`` for a failure of this store (a SQLite code, a server's error).
    func gradebookError(_ error: any Error) -> GradebookError
}
