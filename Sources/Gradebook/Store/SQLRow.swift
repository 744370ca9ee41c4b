/// One result row: its column names and values, whichever store produced it.
///
/// Names are matched without regard to case: PostgreSQL folds unquoted names to lower case
/// (`learnerID` comes back as `learnerid`), SQLite keeps them as written, and the same SQL
/// runs on both.
public struct SQLRow: Sendable {
    public let layout: SQLColumns
    public let values: [SQLValue]

    /// A row of a result whose rows share one `layout` (built once per query, not per row).
    public init(layout: SQLColumns, values: [SQLValue]) {
        self.layout = layout
        self.values = values
    }

    public var columns: [String] { layout.names }

    /// The value of column `name`; nil when the row has no such column.
    public subscript(_ name: String) -> SQLValue? {
        layout.position(of: name).map { values[$0] }
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

/// The column names of a result, and where each is: looked up as written first (SQLite keeps
/// the case), then in lower case (PostgreSQL folds it).
public final class SQLColumns: Sendable {
    public let names: [String]
    private let exact: [String: Int]
    private let folded: [String: Int]

    public init(_ names: [String]) {
        self.names = names
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        for (position, name) in names.enumerated() {
            if exact[name] == nil { exact[name] = position }
            if folded[name.lowercased()] == nil { folded[name.lowercased()] = position }
        }
        self.exact = exact
        self.folded = folded
    }

    func position(of name: String) -> Int? { exact[name] ?? folded[name.lowercased()] }
}

/// A stored value that does not fit the Swift type that reads it: a damaged row, or a
/// schema a query does not match.
public struct SQLDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let column: String
    public let problem: String

    public var description: String { "column '\(column)' \(problem)" }
}
