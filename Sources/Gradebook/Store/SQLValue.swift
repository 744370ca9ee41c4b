public import Foundation

/// One value bound to or read from a statement, the same for every store: SQLite and
/// PostgreSQL adapters translate it to and from their own types.
///
/// Booleans and dates are kinds of their own so each store keeps its native type: SQLite
/// stores a boolean as 0/1 and a date as GRDB's UTC text `yyyy-MM-dd HH:mm:ss.SSS` (so files
/// written before the seam read the same), PostgreSQL as `boolean` and `timestamptz`.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case bool(Bool)
    case date(Date)
}

/// A Swift type stored in one column.
public protocol SQLValueConvertible: Sendable {
    /// The value to bind.
    var sqlValue: SQLValue { get }
    /// The value read back; nil when the column holds something of another type.
    static func fromSQL(_ value: SQLValue) -> Self?
}

extension Int64: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(self) }
    public static func fromSQL(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let x): return x
        case .real(let x): return Int64(exactly: x)
        case .bool(let x): return x ? 1 : 0
        default: return nil
        }
    }
}

extension Int: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public static func fromSQL(_ value: SQLValue) -> Int? { Int64.fromSQL(value).flatMap { Int(exactly: $0) } }
}

extension Double: SQLValueConvertible {
    public var sqlValue: SQLValue { .real(self) }
    public static func fromSQL(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let x): return x
        case .integer(let x): return Double(x)
        default: return nil
        }
    }
}

extension Bool: SQLValueConvertible {
    public var sqlValue: SQLValue { .bool(self) }
    /// SQLite has no boolean: any integer (0 is false) reads as one, as GRDB reads it.
    public static func fromSQL(_ value: SQLValue) -> Bool? {
        switch value {
        case .bool(let x): return x
        case .integer(let x): return x != 0
        case .real(let x): return x != 0
        default: return nil
        }
    }
}

extension String: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(self) }
    public static func fromSQL(_ value: SQLValue) -> String? {
        switch value {
        case .text(let x): return x
        case .blob(let bytes): return String(validating: bytes, as: UTF8.self)
        default: return nil
        }
    }
}

extension Data: SQLValueConvertible {
    public var sqlValue: SQLValue { .blob(Array(self)) }
    public static func fromSQL(_ value: SQLValue) -> Data? {
        switch value {
        case .blob(let bytes): return Data(bytes)
        case .text(let text): return Data(text.utf8)
        default: return nil
        }
    }
}

extension Date: SQLValueConvertible {
    public var sqlValue: SQLValue { .date(self) }
    /// A native date (PostgreSQL), the text GRDB writes in SQLite, or a number of seconds since 1970.
    public static func fromSQL(_ value: SQLValue) -> Date? {
        switch value {
        case .date(let x): return x
        case .text(let text): return StoredDateText.date(text)
        case .real(let x): return Date(timeIntervalSince1970: x)
        case .integer(let x): return Date(timeIntervalSince1970: Double(x))
        default: return nil
        }
    }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
    /// `.some(nil)` for NULL, nil for a value of another type.
    public static func fromSQL(_ value: SQLValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.fromSQL(value).map { .some($0) }
    }
}

/// Enums stored as their raw value (statuses, roles, purposes).
extension SQLValueConvertible where Self: RawRepresentable, RawValue: SQLValueConvertible {
    public var sqlValue: SQLValue { rawValue.sqlValue }
    public static func fromSQL(_ value: SQLValue) -> Self? { RawValue.fromSQL(value).flatMap(Self.init(rawValue:)) }
}
