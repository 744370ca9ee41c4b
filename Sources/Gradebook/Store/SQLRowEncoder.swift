import Foundation

/// Encodes an `Encodable` record into its columns, the mirror of ``SQLRowDecoder``: a nil
/// property becomes NULL (so an update clears it), a non-``SQLValueConvertible`` one JSON
/// text encoded as GRDB did (sorted keys), so SQLite files keep one format.
public enum SQLRowEncoder {
    public static func columns<Record: Encodable>(of record: Record) throws -> [(name: String, value: SQLValue)] {
        let storage = ColumnStorage()
        try record.encode(to: RowEncoder(storage: storage))
        return storage.columns
    }
}

private final class ColumnStorage {
    var columns: [(name: String, value: SQLValue)] = []

    func set(_ name: String, _ value: SQLValue) {
        if let index = columns.firstIndex(where: { $0.name == name }) {
            columns[index].value = value
        } else {
            columns.append((name, value))
        }
    }
}

private struct RowEncoder: Encoder {
    let storage: ColumnStorage
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ColumnContainer<Key>(storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { preconditionFailure("a record encodes as columns, not a list") }
    func singleValueContainer() -> any SingleValueEncodingContainer { preconditionFailure("a record encodes as columns, not one value") }
}

private struct ColumnContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: ColumnStorage
    var codingPath: [any CodingKey] { [] }

    private static var json: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }

    mutating func encodeNil(forKey key: Key) throws { storage.set(key.stringValue, .null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let convertible = value as? any SQLValueConvertible {
            storage.set(key.stringValue, convertible.sqlValue)
        } else {
            storage.set(key.stringValue, .text(String(decoding: try Self.json.encode(value), as: UTF8.self)))
        }
    }

    // Optionals are written as NULL rather than left out, so updating a record clears them.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try put(value.map(Double.init), key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try put(value.map(Int64.init), key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try put(value.map(Int64.init), key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try put(value.map(Int64.init), key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try put(value.map { Int64(bitPattern: UInt64($0)) }, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try put(value.map(Int64.init), key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try put(value.map(Int64.init), key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try put(value.map(Int64.init), key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try put(value.map { Int64(bitPattern: $0) }, key) }

    private func put(_ value: (some SQLValueConvertible)?, _ key: Key) throws { storage.set(key.stringValue, value.sqlValue) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<
        NestedKey
    > {
        preconditionFailure("a column holds no nested record")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("a column holds no nested list")
    }

    mutating func superEncoder() -> any Encoder { RowEncoder(storage: storage) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { RowEncoder(storage: storage) }
}
