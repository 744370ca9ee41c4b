import Foundation
import GRDB
import Testing

@testable import Gradebook

/// The storage seam on SQLite: records written through it read back whole, and its values
/// are stored exactly as GRDB stored them, so files written before it read the same.
struct StoreTests {
    /// Every kind of column a gradebook record has.
    struct Probe: StoredRecord, Equatable, Codable, PersistableRecord {
        enum Kind: String, Codable, SQLValueConvertible { case one, two }
        static let tableName = "probe"
        static let databaseTableName = "probe"
        var id: Int64?
        var name: String
        var at: Date
        var done: Bool?
        var score: Double?
        var count: Int
        var tags: [String]
        var kind: Kind
    }

    static let schema = """
        CREATE TABLE probe (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, at DATETIME NOT NULL, done BOOLEAN,
            score DOUBLE, count INTEGER NOT NULL, tags TEXT NOT NULL, kind TEXT NOT NULL)
        """

    static let postgresSchema = """
        CREATE TABLE probe (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name TEXT NOT NULL, at TIMESTAMPTZ NOT NULL,
            done BOOLEAN, score DOUBLE PRECISION, count BIGINT NOT NULL, tags TEXT NOT NULL, kind TEXT NOT NULL)
        """

    @Test(arguments: TestStore.all) func aRecordWrittenThroughTheSeamReadsBackWhole(store: TestStore) throws {
        let directory = TestDatabase(store)
        let gradebook = try directory.open()
        try gradebook.write { db in try db.execute(db.dialect == .sqlite ? Self.schema : Self.postgresSchema) }
        let at = Date(timeIntervalSince1970: 1_800_000_000.25)
        var probe = Probe(id: nil, name: "ana", at: at, done: true, score: nil, count: 3, tags: ["a/b", "ü"], kind: .two)
        probe.id = try gradebook.write { db in try db.insertNew(probe) }
        #expect(probe.id == 1)
        #expect(try gradebook.read { db in try db.fetchOne(Probe.self, "SELECT * FROM probe WHERE id = ?", 1) } == probe)
        probe.done = nil
        probe.score = 0.5
        try gradebook.write { db in try db.update(probe) }
        #expect(try gradebook.read { db in try db.fetchAll(Probe.self, "SELECT * FROM probe") } == [probe])
        #expect(try gradebook.read { db in try db.value(Int.self, "SELECT count(*) FROM probe WHERE done IS NULL") } == 1)
        // A placeholder inside quoted text is text, not an argument.
        #expect(try gradebook.read { db in try db.value(String.self, "SELECT '?' || name FROM probe WHERE id = ?", 1) } == "?ana")
    }

    @Test func valuesAreStoredAsGRDBStoresThem() throws {
        let directory = DataDirectory()
        let gradebook = try Gradebook.open(directory: directory.path)
        try gradebook.write { db in try db.execute(Self.schema) }
        let probe = Probe(
            id: nil, name: "x", at: Date(timeIntervalSince1970: 1_234_567_890.987_654), done: false, score: 1, count: 1,
            tags: ["a/b", "\"q\"", "é"], kind: .one)
        try gradebook.sqliteWriter.write { db in try probe.insert(db) }
        _ = try gradebook.write { db in try db.insertNew(probe) }
        let stored = try gradebook.sqliteWriter.read { db in
            try Row.fetchAll(db, sql: "SELECT name, at, done, score, count, tags, kind FROM probe ORDER BY id")
        }
        #expect(stored.count == 2)
        #expect(stored[0] == stored[1])
    }

    /// Dates stored by GRDB read back through the seam as GRDB reads them, to the bit.
    @Test func storedDatesReadAsGRDBReadsThem() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = ["2026-01-05", "2026-01-05 09:30", "2026-01-05T09:30:15", "2026-01-05 09:30:15.5", "1969-12-31 23:59:59.999"]
        for _ in 0..<2000 {
            texts.append(
                String.fromDatabaseValue(Date(timeIntervalSince1970: Double.random(in: -2e9...4e9, using: &generator)).databaseValue) ?? "")
        }
        for text in texts {
            #expect(Date.fromSQL(.text(text)) == Date.fromDatabaseValue(text.databaseValue), "\(text)")
        }
        #expect(Date.fromSQL(.text("yesterday")) == nil)
        #expect(Date.fromSQL(.text("2026-13-01")) == nil)
    }
}
