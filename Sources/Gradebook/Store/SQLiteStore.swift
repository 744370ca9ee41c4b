import Foundation
import GRDB

/// The gradebook in one SQLite file under a data directory, through GRDB: a pool in WAL mode
/// with a busy timeout, so readers never wait for the writer and two writers (the web app's
/// requests, a terminal `take`) wait for each other rather than fail. Writes of this process
/// that arrive together share one commit (``GroupCommit``).
struct SQLiteStore: GradebookStore {
    let writer: any DatabaseWriter
    let commits = GroupCommit()
    /// The database file.
    let path: String

    var location: String { path }

    /// Opens (or creates) `gradebook.sqlite` in `directory`, checking an existing file first
    /// (``GradebookFile/inspect(_:)``) and migrating an older one.
    static func open(directory: String) throws(GradebookError) -> SQLiteStore {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(Gradebook.fileName).path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw GradebookError(error, path: directory)
        }
        if FileManager.default.fileExists(atPath: path) { try GradebookFile.inspect(path) }
        do {
            let pool = try DatabasePool(path: path, configuration: GradebookFile.configuration())
            try GradebookFile.migrate(pool)
            return SQLiteStore(writer: pool, path: path)
        } catch {
            throw GradebookError(error, path: path)
        }
    }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try writer.read { db in try body(SQLiteConnection(db: db)) }
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try commits.write(writer) { db in try body(SQLiteConnection(db: db)) }
    }

    func gradebookError(_ error: any Error) -> GradebookError { GradebookError(error, path: path) }
}

/// A GRDB connection inside a transaction, speaking ``SQLValue``.
struct SQLiteConnection: SQLConnection {
    let db: Database

    var dialect: SQLDialect { .sqlite }

    func execute(sql: String, arguments: [SQLValue]) throws {
        try db.execute(sql: sql, arguments: Self.arguments(arguments))
    }

    func rows(sql: String, arguments: [SQLValue]) throws -> [SQLRow] {
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: Self.arguments(arguments))
        var rows: [SQLRow] = []
        var layout: SQLColumns?
        // A cursor's row is reused from step to step: its values are copied out at once.
        while let row = try cursor.next() {
            let columns = layout ?? SQLColumns(Array(row.columnNames))
            layout = columns
            rows.append(SQLRow(layout: columns, values: row.databaseValues.map(Self.value)))
        }
        return rows
    }

    func insert(sql: String, arguments: [SQLValue]) throws -> Int64 {
        try execute(sql: sql, arguments: arguments)
        return db.lastInsertedRowID
    }

    /// Dates as GRDB has always stored them (UTC text with milliseconds), booleans as 0 and 1.
    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(
            values.map { value -> DatabaseValue in
                switch value {
                case .null: return .null
                case .integer(let x): return x.databaseValue
                case .real(let x): return x.databaseValue
                case .text(let x): return x.databaseValue
                case .blob(let bytes): return Data(bytes).databaseValue
                case .bool(let x): return x.databaseValue
                case .date(let x): return x.databaseValue
                }
            })
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let x): return .integer(x)
        case .double(let x): return .real(x)
        case .string(let x): return .text(x)
        case .blob(let data): return .blob(Array(data))
        }
    }
}
