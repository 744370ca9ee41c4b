import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// The gradebook in a PostgreSQL database, shared by any number of `serve` processes.
///
/// Write transactions run at SERIALIZABLE and are retried whole, a bounded number of times,
/// when PostgreSQL reports a serialization failure or a deadlock (40001, 40P01). That keeps
/// every invariant SQLite's single writer gives (the next answer number of an attempt, the
/// holder check, idempotent client sequence numbers, attempt limits, open contests) without
/// a lock per rule: each rule reads, then writes, inside one transaction, and PostgreSQL
/// aborts one of two transactions whose reads and writes could not have run one after the
/// other. Explicit row locks would have to be named in every rule (and in every rule added
/// later); a missed one would lose an invariant silently, a retry only costs time. A body may
/// therefore run more than once, and must do nothing but its queries.
///
/// The gradebook's API is synchronous, so each statement waits (`wait()`) for NIO's own event
/// loop, never for a task of Swift's cooperative pool, which a blocked caller could starve.
final class PostgresStore: GradebookStore {
    /// How often a write is tried when it conflicts with concurrent writes.
    static let writeAttempts = 20

    let address: PostgresAddress
    let pool: PostgresPool

    var location: String { address.redacted }

    private init(address: PostgresAddress) {
        self.address = address
        pool = PostgresPool(address: address)
    }

    /// Connects to the database of `url`, creating its schema (when the URL names one) and
    /// applying the migrations it lacks, one server at a time.
    ///
    /// - Throws: ``GradebookError`` for a bad URL, an unreachable server, a failed login, a
    ///   missing database, or a database that a newer Groundwork migrated.
    static func open(url: String) throws(GradebookError) -> PostgresStore {
        let store = PostgresStore(address: try PostgresAddress(url))
        do {
            try PostgresSchema.migrate(store)
        } catch {
            throw store.gradebookError(error)
        }
        return store
    }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try pool.withConnection { connection in
            try connection.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
        }
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try pool.withConnection { connection in try connection.transaction("BEGIN ISOLATION LEVEL SERIALIZABLE", body) }
            } catch let error as PSQLError where PostgresErrors.isConflict(error) && attempt < Self.writeAttempts {
                attempt += 1
                // A short random pause, so the transactions that collided do not collide again.
                usleep(UInt32.random(in: 1_000...(5_000 * UInt32(min(attempt, 10)))))
            }
        }
    }

    func gradebookError(_ error: any Error) -> GradebookError { PostgresErrors.gradebookError(error, address: address) }

    /// The last gradebook using the store is gone: its connections are closed.
    deinit { pool.shutDown() }
}

/// One pooled connection inside a transaction.
struct PostgresSQLConnection: SQLConnection {
    let connection: PostgresConnection
    let logger: Logger
    /// How long each statement may wait for its answer (``deadline`` but in tests).
    var statementDeadline: TimeAmount = Self.deadline

    /// This connection with statements given up after `milliseconds` (tests).
    func givingUp(afterMilliseconds milliseconds: Int64) -> PostgresSQLConnection {
        var copy = self
        copy.statementDeadline = .milliseconds(milliseconds)
        return copy
    }

    var dialect: SQLDialect { .postgres }

    func execute(sql: String, arguments: [SQLValue]) throws {
        _ = try run(sql, arguments)
    }

    func rows(sql: String, arguments: [SQLValue]) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        guard let first = result.first else { return [] }
        let layout = SQLColumns(first.map(\.columnName))
        return try result.map { row in SQLRow(layout: layout, values: try row.map(Self.value)) }
    }

    func insert(sql: String, arguments: [SQLValue]) throws -> Int64 {
        guard let id = try rows(sql: sql + " RETURNING id", arguments: arguments).first else {
            throw SQLDecodingError(column: "id", problem: "was not returned by the insert")
        }
        return try id.decode(Int64.self, "id")
    }

    /// Runs `body` between `begin` and COMMIT, rolling back when it throws.
    ///
    /// - Throws: ``TransactionNotBegun`` when `begin` itself failed (nothing was done, so a
    ///   broken connection may be replaced and the whole tried again), else what failed.
    func transaction<T>(_ begin: String, _ body: (any SQLConnection) throws -> T) throws -> T {
        do {
            try execute(sql: begin, arguments: [])
        } catch {
            throw TransactionNotBegun(underlying: error)
        }
        do {
            let value = try body(self)
            try execute(sql: "COMMIT", arguments: [])
            return value
        } catch {
            _ = try? execute(sql: "ROLLBACK", arguments: [])
            throw error
        }
    }

    private func run(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: bindings.appendNull()
            case .integer(let x): bindings.append(x)
            case .real(let x): bindings.append(x)
            case .text(let x): bindings.append(x)
            case .blob(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            case .bool(let x): bindings.append(x)
            // Milliseconds, as SQLite keeps them, so both stores read back the same instant.
            case .date(let x): bindings.append(Date(timeIntervalSince1970: (x.timeIntervalSince1970 * 1000).rounded(.down) / 1000))
            }
        }
        let query = PostgresQuery(unsafeSQL: Self.numberingPlaceholders(sql), binds: bindings)
        return try Self.waitWithDeadline(connection.query(query, logger: logger), on: connection, deadline: statementDeadline)
    }

    /// How long one statement may take before its connection is given up: a statement of the
    /// gradebook takes milliseconds, so this only ends a wait for an answer that will never come.
    static let deadline: TimeAmount = .seconds(30)

    /// The query's result, or ``QueryTimedOut`` after ``deadline`` (the connection is then
    /// closed, so the pool drops it). Measured under a restart of PostgreSQL (Benchmarks/scaling):
    /// a query sent as the server went down could wait forever, holding its request and
    /// keeping the server from stopping.
    static func waitWithDeadline(
        _ future: EventLoopFuture<PostgresQueryResult>, on connection: PostgresConnection, deadline: TimeAmount
    ) throws -> PostgresQueryResult {
        let loop = future.eventLoop
        let promise = loop.makePromise(of: PostgresQueryResult.self)
        // The timer and the query's completion both run on `loop`, one after the other, so
        // whichever comes first completes the promise and the other finds it done.
        let settled = Settled()
        let timer = loop.scheduleTask(in: deadline) {
            guard settled.settle() else { return }
            promise.fail(QueryTimedOut())
            let closing: EventLoopFuture<Void> = connection.close()
            closing.whenComplete { _ in withExtendedLifetime(connection) {} }
        }
        future.whenComplete { result in
            guard settled.settle() else { return }
            timer.cancel()
            promise.completeWith(result)
        }
        return try promise.futureResult.wait()
    }

    /// `?` placeholders as PostgreSQL's `$1`, `$2`…, leaving those inside quoted text alone.
    static func numberingPlaceholders(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 8)
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                result.append(character)
            } else if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2: return .integer(Int64(try cell.decode(Int16.self)))
        case .int4: return .integer(Int64(try cell.decode(Int32.self)))
        case .int8: return .integer(try cell.decode(Int64.self))
        case .float4: return .real(Double(try cell.decode(Float.self)))
        case .float8: return .real(try cell.decode(Double.self))
        case .numeric: return .real(NSDecimalNumber(decimal: try cell.decode(Decimal.self)).doubleValue)
        case .bool: return .bool(try cell.decode(Bool.self))
        case .timestamptz, .timestamp: return .date(try cell.decode(Date.self))
        case .bytea: return .blob(Array(buffer: try cell.decode(ByteBuffer.self)))
        default: return .text(try cell.decode(String.self))
        }
    }
}

/// A statement got no answer within ``PostgresSQLConnection/deadline``.
struct QueryTimedOut: Error, CustomStringConvertible {
    var description: String { "PostgreSQL did not answer within \(PostgresSQLConnection.deadline.nanoseconds / 1_000_000_000) s" }
}

/// Whether a promise was completed yet; read and set only on the promise's event loop.
private final class Settled: @unchecked Sendable {
    private var done = false

    /// True the first time only.
    func settle() -> Bool {
        defer { done = true }
        return !done
    }
}
