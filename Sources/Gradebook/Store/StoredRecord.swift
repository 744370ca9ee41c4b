/// A Codable record kept in one table, one property per column.
public protocol StoredRecord: Codable {
    static var tableName: String { get }
}

extension SQLConnection {
    /// Inserts `record` as it is (a table keyed by its own columns).
    public func insert<Record: StoredRecord>(_ record: Record) throws {
        let columns = try SQLRowEncoder.columns(of: record)
        try execute(sql: Self.insertSQL(Record.tableName, columns.map(\.name)), arguments: columns.map(\.value))
    }

    /// Inserts `record` without its `id`, which the store makes, and returns that id.
    public func insertNew<Record: StoredRecord>(_ record: Record) throws -> Int64 {
        let columns = try SQLRowEncoder.columns(of: record).filter { $0.name != "id" }
        return try insert(sql: Self.insertSQL(Record.tableName, columns.map(\.name)), arguments: columns.map(\.value))
    }

    /// Writes `columns` (all but the key, by default) of the row whose `key` columns match the record's.
    public func update<Record: StoredRecord>(_ record: Record, key: [String] = ["id"], columns: [String]? = nil) throws {
        let all = try SQLRowEncoder.columns(of: record)
        let set = all.filter { column in !key.contains(column.name) && (columns?.contains(column.name) ?? true) }
        let keys = try key.map { name in
            guard let column = all.first(where: { $0.name == name }) else {
                throw SQLDecodingError(column: name, problem: "is not a column of \(Record.tableName)")
            }
            return column
        }
        try execute(
            sql: "UPDATE \(Record.tableName) SET \(set.map { "\($0.name) = ?" }.joined(separator: ", ")) WHERE "
                + keys.map { "\($0.name) = ?" }.joined(separator: " AND "),
            arguments: set.map(\.value) + keys.map(\.value))
    }

    /// Inserts `record`, or updates the other columns of the row with the same `key`.
    public func upsert<Record: StoredRecord>(_ record: Record, key: [String]) throws {
        let columns = try SQLRowEncoder.columns(of: record)
        let others = columns.map(\.name).filter { !key.contains($0) }
        try execute(
            sql: Self.insertSQL(Record.tableName, columns.map(\.name)) + " ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET "
                + others.map { "\($0) = excluded.\($0)" }.joined(separator: ", "),
            arguments: columns.map(\.value))
    }

    private static func insertSQL(_ table: String, _ names: [String]) -> String {
        "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
    }
}
