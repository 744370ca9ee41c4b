import Foundation

/// Decodes a `Decodable` record from a row, one property per column: what lets the same
/// Codable records (``Attempt``, ``Answer``, ``Account``…) come from either store.
///
/// A property of a ``SQLValueConvertible`` type reads its column directly; any other
/// (an array of item ids) is JSON text in its column, as GRDB stored it.
public enum SQLRowDecoder {
    public static func decode<Record: Decodable>(_ type: Record.Type, from row: SQLRow) throws -> Record {
        try Record(from: RowDecoder(row: row))
    }
}

private struct RowDecoder: Decoder {
    let row: SQLRow
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowContainer<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "a row decodes as a keyed record"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: [], debugDescription: "a row decodes as a keyed record"))
    }
}

private struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: SQLRow
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { row.columns.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { row[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = row[key.stringValue] else { return true }
        return value == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let value = row[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [key], debugDescription: "no column '\(key.stringValue)'"))
        }
        if let convertible = T.self as? any SQLValueConvertible.Type {
            guard let decoded = convertible.fromSQL(value) as? T else {
                throw DecodingError.typeMismatch(
                    T.self, .init(codingPath: [key], debugDescription: "column '\(key.stringValue)' holds \(value)"))
            }
            return decoded
        }
        guard let json = Data.fromSQL(value) else {
            throw DecodingError.typeMismatch(
                T.self, .init(codingPath: [key], debugDescription: "column '\(key.stringValue)' holds \(value), not JSON"))
        }
        return try JSONDecoder().decode(T.self, from: json)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: [key], debugDescription: "a column holds no nested record"))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "a column holds no nested list"))
    }

    func superDecoder() throws -> any Decoder { RowDecoder(row: row) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(row: row) }
}
