import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// A few connections to one database, shared by a process's requests: a request takes an
/// idle connection or opens one (up to ``PostgresAddress/poolSize``), else waits for one.
///
/// A connection that broke (the server restarted, the network dropped) is closed and
/// forgotten; a request that finds one broken before its transaction began tries a fresh
/// connection, so the first request after a PostgreSQL restart works again. A transaction
/// that broke midway is not retried: it may have committed, and only the caller knows
/// whether repeating it is safe (answer saves are, through their client sequence numbers).
final class PostgresPool: @unchecked Sendable {
    private let address: PostgresAddress
    private let logger = Logger(label: "groundwork.gradebook.postgres") { _ in SwiftLogNoOpLogHandler() }
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 0
    private var closed = false

    init(address: PostgresAddress) { self.address = address }

    /// Runs `body` on a connection of the pool.
    func withConnection<T>(_ body: (PostgresSQLConnection) throws -> T) throws -> T {
        // One more try than connections: each stale one is dropped, then a fresh one is made.
        var tries = 0
        while true {
            tries += 1
            let (connection, reused) = try take()
            do {
                let value = try body(PostgresSQLConnection(connection: connection, logger: logger))
                give(back: connection)
                return value
            } catch {
                let notBegun = error as? TransactionNotBegun
                let cause = notBegun?.underlying ?? error
                let broken = connection.isClosed || PostgresErrors.isConnectionFailure(cause)
                if broken { drop(connection) } else { give(back: connection) }
                guard broken, reused, notBegun != nil, tries <= address.poolSize else { throw cause }
            }
        }
    }

    /// An idle connection (reused: true) or a new one, waiting while all are busy.
    private func take() throws -> (PostgresConnection, reused: Bool) {
        condition.lock()
        while idle.isEmpty && open >= address.poolSize && !closed { condition.wait() }
        if closed {
            condition.unlock()
            throw GradebookError.unavailable(path: address.redacted, reason: "the gradebook was closed")
        }
        if let connection = idle.popLast() {
            condition.unlock()
            if connection.isClosed {
                drop(connection)
                return try take()
            }
            return (connection, true)
        }
        open += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            return (try connect(id: id), false)
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func connect(id: Int) throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password, database: address.database,
            tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        let connection = try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id, logger: logger
        ).wait()
        if let schema = address.schema {
            do {
                _ = try connection.query(PostgresQuery(unsafeSQL: "SET search_path TO \(schema)"), logger: logger).wait()
            } catch {
                try? connection.close().wait()
                throw error
            }
        }
        return connection
    }

    private func give(back connection: PostgresConnection) {
        condition.lock()
        if closed {
            condition.unlock()
            drop(connection)
            return
        }
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }

    private func drop(_ connection: PostgresConnection) {
        Self.close(connection)
        condition.lock()
        open -= 1
        condition.signal()
        condition.unlock()
    }

    /// Closes the idle connections (without waiting: it may run in a deinit) and refuses new requests.
    func shutDown() {
        condition.lock()
        closed = true
        let connections = idle
        idle.removeAll()
        open -= connections.count
        condition.broadcast()
        condition.unlock()
        for connection in connections { Self.close(connection) }
    }

    /// Closes without waiting (this may run in a deinit), keeping the connection alive until
    /// it is closed, as postgres-nio requires.
    private static func close(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }
}
