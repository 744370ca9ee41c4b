/// Which SQL a store speaks, for the few statements written differently on each.
public enum SQLDialect: Sendable, Equatable {
    case sqlite
    case postgres
}

/// A connection inside one transaction of a store (``GradebookStore``). SQL is written once,
/// with `?` placeholders, in the common part of SQLite's and PostgreSQL's dialects; the
/// PostgreSQL adapter numbers the placeholders (`$1`, `$2`, …) itself.
public protocol SQLConnection {
    var dialect: SQLDialect { get }
    /// Runs a statement that returns no rows.
    func execute(sql: String, arguments: [SQLValue]) throws
    /// Runs a query and returns every row.
    func rows(sql: String, arguments: [SQLValue]) throws -> [SQLRow]
    /// Runs an `INSERT` into a table whose key is an integer `id` made by the store, and
    /// returns that id (SQLite's row id, PostgreSQL's `RETURNING id`).
    func insert(sql: String, arguments: [SQLValue]) throws -> Int64
}

extension SQLConnection {
    public func execute(_ sql: String, _ arguments: any SQLValueConvertible...) throws {
        try execute(sql: sql, arguments: arguments.map(\.sqlValue))
    }

    public func rows(_ sql: String, _ arguments: any SQLValueConvertible...) throws -> [SQLRow] {
        try rows(sql: sql, arguments: arguments.map(\.sqlValue))
    }

    /// The records a query selects, decoded column by column (see ``SQLRowDecoder``).
    public func fetchAll<Record: Decodable>(
        _ type: Record.Type, _ sql: String, _ arguments: any SQLValueConvertible...
    ) throws -> [Record] {
        try rows(sql: sql, arguments: arguments.map(\.sqlValue)).map { try SQLRowDecoder.decode(Record.self, from: $0) }
    }

    /// The first record a query selects, if any.
    public func fetchOne<Record: Decodable>(
        _ type: Record.Type, _ sql: String, _ arguments: any SQLValueConvertible...
    ) throws -> Record? {
        try rows(sql: sql, arguments: arguments.map(\.sqlValue)).first.map { try SQLRowDecoder.decode(Record.self, from: $0) }
    }

    /// The first column of the first row (a count, a maximum); nil when there is no row or it is NULL.
    public func value<T: SQLValueConvertible>(_ type: T.Type, _ sql: String, _ arguments: any SQLValueConvertible...) throws -> T? {
        guard let row = try rows(sql: sql, arguments: arguments.map(\.sqlValue)).first else { return nil }
        return try row.first(T?.self)
    }

    /// The first column of every row.
    public func values<T: SQLValueConvertible>(_ type: T.Type, _ sql: String, _ arguments: any SQLValueConvertible...) throws -> [T] {
        try rows(sql: sql, arguments: arguments.map(\.sqlValue)).map { try $0.first(T.self) }
    }
}
