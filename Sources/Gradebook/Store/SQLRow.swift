/// One result row: its column names and values, whichever store produced it.
///
/// Names are matched without regard to case: PostgreSQL folds unquoted names to lower case
/// (`learnerID` comes back as `learnerid`), SQLite keeps them as written, and the same SQL
/// runs on both.
public struct SQLRow: Sendable {
    public let columns: [String]
    public let values: [SQLValue]
    private let index: [String: Int]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
        var index: [String: Int] = [:]
        for (position, name) in columns.enumerated() where index[name.lowercased()] == nil { index[name.lowercased()] = position }
        self.index = index
    }

    /// The value of column `name`; nil when the row has no such column.
    public subscript(_ name: String) -> SQLValue? {
        index[name.lowercased()].map { values[$0] }
    }

    /// The value of column `name` as `T`.
    ///
    /// - Throws: ``SQLDecodingError`` when the column is missing or holds another type.
    public func decode<T: SQLValueConvertible>(_ type: T.Type = T.self, _ name: String) throws -> T {
        guard let value = self[name] else { throw SQLDecodingError(column: name, problem: "is not in the result") }
        guard let decoded = T.fromSQL(value) else { throw SQLDecodingError(column: name, problem: "holds \(value), not \(T.self)") }
        return decoded
    }

    /// The first column as `T` (a count, an aggregate).
    public func first<T: SQLValueConvertible>(_ type: T.Type = T.self) throws -> T {
        guard let name = columns.first else { throw SQLDecodingError(column: "", problem: "the row has no column") }
        return try decode(T.self, name)
    }
}

/// A stored value that does not fit the Swift type that reads it: a damaged row, or a
/// schema a query does not match.
public struct SQLDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let column: String
    public let problem: String

    public var description: String { "column '\(column)' \(problem)" }
}
