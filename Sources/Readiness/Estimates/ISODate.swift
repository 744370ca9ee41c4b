public import Foundation

/// A moment that encodes as ISO 8601 text (`2026-12-03T09:00:00Z`), as the report JSON
/// writes times, rather than Foundation's default number of seconds since 2001.
public struct ISODate: Sendable, Hashable, Encodable {
    public var date: Date

    public init(_ date: Date) { self.date = date }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(date.formatted(.iso8601))
    }
}
