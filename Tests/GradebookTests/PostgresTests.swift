import Foundation
import Grading
import Testing

@testable import Gradebook

/// What is PostgreSQL's own: its URL, its errors, its migrations and lost connections. The
/// gradebook's behaviour on it is tested by the rest of the suite (`TestStore.all`).
struct PostgresTests {
    @Test func aURLGivesItsPartsAndIsNamedWithoutItsPassword() throws {
        let address = try PostgresAddress("postgres://ana:s%40cret@db.example:6543/class?pool=8&schema=Term2")
        #expect(address.host == "db.example" && address.port == 6543 && address.database == "class")
        #expect(address.user == "ana" && address.password == "s@cret")
        #expect(address.poolSize == 8 && address.schema == "term2")
        #expect(address.redacted == "postgres://ana@db.example:6543/class?pool=8&schema=term2")
        #expect(try PostgresAddress("postgresql://ana@localhost/class").port == 5432)
    }

    @Test(arguments: [
        ("postgres://ana:hunter22@/class", "no host"),
        ("postgres://ana:hunter22@db:99999/class", "port 99999 is not a TCP port"),
        ("postgres://db:5432/class", "no user"),
        ("postgres://ana:hunter22@db:5432/", "no database"),
        ("postgres://ana:hunter22@db/class?pool=0", "pool=0"),
        ("postgres://ana:hunter22@db/class?schema=a;drop", "not a plain name"),
        ("postgres://ana:hunter22@db/class?sslmode=require", "unknown option 'sslmode'"),
        ("mysql://ana:hunter22@db/class", "not a PostgreSQL URL"),
    ])
    func aBadURLIsRefusedSayingWhatIsWrongAndNeverThePassword(url: String, problem: String) {
        let error = #expect(throws: GradebookError.self) { try Gradebook.open(database: url) }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains(problem), "\(text)")
        #expect(!text.contains("hunter22"), "\(text)")
    }

    @Test func aServerThatIsNotThereIsNamedWithItsPortAndNoPassword() throws {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        let error = #expect(throws: GradebookError.self) { try Gradebook.open(database: "postgres://ana:hunter22@127.0.0.1:1/class") }
        guard case .unavailable(let path, let reason)? = error else { throw TestFailure("\(String(describing: error))") }
        #expect(path == "postgres://ana@127.0.0.1:1/class")
        #expect(reason.contains("cannot connect to PostgreSQL at 127.0.0.1:1 (connection refused)"), "\(reason)")
        #expect(!"\(error!)".contains("hunter22"))
    }

    @Test func placeholdersAreNumberedOutsideQuotedText() {
        #expect(
            PostgresSQLConnection.numberingPlaceholders(#"SELECT ? || '?' || "a?b" FROM t WHERE x = ? AND y = 'it''s?'"#)
                == #"SELECT $1 || '?' || "a?b" FROM t WHERE x = $2 AND y = 'it''s?'"#)
    }

    @Test(arguments: TestStore.postgresOnly) func aDatabaseAMissingDatabaseAndAWrongUserAreNamed(store: TestStore) throws {
        let base = try #require(TestStore.postgresURL)
        let address = try PostgresAddress(base)
        let missing = "postgres://\(address.user)@\(address.host):\(address.port)/no_such_gradebook"
        let error = #expect(throws: GradebookError.self) { try Gradebook.open(database: missing) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("has no database 'no_such_gradebook' (createdb no_such_gradebook)"))
        let stranger = "postgres://nobody_here@\(address.host):\(address.port)/\(address.database)"
        let refused = #expect(throws: GradebookError.self) { try Gradebook.open(database: stranger) }
        #expect("\(refused.map { "\($0)" } ?? "")".contains("refused the login of 'nobody_here'"))
    }

    @Test(arguments: TestStore.postgresOnly) func aDatabaseANewerGroundworkMigratedIsRefusedAndLeftUntouched(store: TestStore) throws {
        let database = TestDatabase(store)
        let gradebook = try database.open()
        try gradebook.write { db in
            try db.execute("INSERT INTO groundwork_migrations (name, appliedAt) VALUES ('p9: from the future', now())")
        }
        let error = #expect(throws: GradebookError.self) { try database.open() }
        #expect(error == .newerVersion(path: try PostgresAddress(database.url).redacted, unknownMigrations: ["p9: from the future"]))
        let recorded = PostgresSchema.migrations.count + 1
        #expect(try gradebook.read { db in try db.value(Int.self, "SELECT count(*) FROM groundwork_migrations") } == recorded)
    }

    @Test(arguments: TestStore.postgresOnly) func serversOpeningAtOnceMigrateOnce(store: TestStore) async throws {
        let database = TestDatabase(store)
        let url = database.url
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { _ = try Gradebook.open(database: url) } }
            try await group.waitForAll()
        }
        let names = try database.open().read { db in try db.values(String.self, "SELECT name FROM groundwork_migrations") }
        #expect(names == PostgresSchema.migrations.map(\.name))
    }

    /// What a PostgreSQL restart does to a running server: its connections are closed under it.
    @Test(arguments: TestStore.postgresOnly) func aConnectionTheServerClosedIsReplacedAndTheNextRequestWorks(store: TestStore) throws {
        let database = TestDatabase(store)
        let gradebook = try database.open()
        let book = gradebook.learner("ana")
        let test = try assessment("  mode: exam\n", items: 2)
        let attempt = try book.start(test, holder: "web")
        let backend = try #require(try gradebook.read { db in try db.value(Int.self, "SELECT pg_backend_pid()") })
        let admin = try database.open()
        #expect(try admin.read { db in try db.value(Bool.self, "SELECT pg_terminate_backend(CAST(? AS integer))", backend) } == true)
        try book.recordAnswer(
            attemptID: attempt.id, holder: "web", itemID: "q1", clientSequence: 1, responseJSON: "\"yes\"", secondsSpent: 1)
        #expect(try book.answers(attemptID: attempt.id).map(\.itemID) == ["q1"])
        #expect(try gradebook.read { db in try db.value(Int.self, "SELECT pg_backend_pid()") } != backend)
    }

    @Test(arguments: TestStore.postgresOnly) func aStatementThatGetsNoAnswerIsGivenUpAndItsConnectionReplaced(store: TestStore) throws {
        let database = TestDatabase(store)
        let gradebook = try database.open()
        let pool = PostgresPool(address: try PostgresAddress(database.url))
        defer { pool.shutDown() }
        let error = #expect(throws: QueryTimedOut.self) {
            try pool.withConnection { connection in
                try connection.givingUp(afterMilliseconds: 200).execute(sql: "SELECT pg_sleep(5)", arguments: [])
            }
        }
        #expect(error != nil)
        #expect(PostgresErrors.isConnectionFailure(QueryTimedOut()))
        // The pool dropped the connection it gave up on; the next statement gets a fresh one.
        #expect(try pool.withConnection { connection in try connection.rows(sql: "SELECT 1 AS one", arguments: []).count } == 1)
        #expect(try gradebook.read { db in try db.value(Int.self, "SELECT 1") } == 1)
    }
}
