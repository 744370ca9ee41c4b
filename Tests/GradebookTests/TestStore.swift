import Foundation
import Testing

@testable import Gradebook

/// Which store a gradebook test runs on: SQLite always, PostgreSQL too when
/// `GROUNDWORK_TEST_POSTGRES` holds a database URL (`scripts/test` starts a throwaway cluster).
enum TestStore: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The stores of this run.
    static var all: [TestStore] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// PostgreSQL alone, for its own tests (none when no server was given).
    static var postgresOnly: [TestStore] { postgresURL == nil ? [] : [.postgres] }

    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["GROUNDWORK_TEST_POSTGRES"], !url.isEmpty else { return nil }
        return url
    }

    var testDescription: String { rawValue }
}

/// A fresh, empty gradebook location for one test: a temporary folder, or a schema of its own
/// in the test database (so tests run in parallel), removed at the end.
struct TestDatabase: ~Copyable {
    let store: TestStore
    /// The SQLite data directory (also made for PostgreSQL, for files a test writes beside it).
    let directory = DataDirectory()
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()

    init(_ store: TestStore) { self.store = store }

    /// The URL of this test's schema.
    var url: String {
        let base = TestStore.postgresURL ?? ""
        return base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    /// Opens the gradebook here; every call opens the same one, as another process would.
    func open(clock: @escaping @Sendable () -> Date = { Date() }) throws -> Gradebook {
        switch store {
        case .sqlite: return try Gradebook.open(directory: directory.path, clock: clock)
        case .postgres: return try Gradebook.open(database: url, clock: clock)
        }
    }

    var path: String { directory.path }

    deinit {
        guard store == .postgres, let base = TestStore.postgresURL, let address = try? PostgresAddress(base) else { return }
        let pool = PostgresPool(address: address)
        _ = try? pool.withConnection { connection in try connection.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
        pool.shutDown()
    }
}
