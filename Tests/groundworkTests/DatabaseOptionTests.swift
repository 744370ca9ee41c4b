import Foundation
import Testing

/// `--database` and `$GROUNDWORK_DATABASE` choose PostgreSQL for every command that opens the
/// gradebook; a server that cannot be reached is named (never the password) with exit status 2.
/// Port 1 on the loopback refuses at once, so no server is needed here.
extension CommandLineTests {
    static let unreachable = "postgres://ana:hunter22@127.0.0.1:1/class"

    @Test func anUnreachableDatabaseIsNamedWithoutItsPasswordAndExitsTwo() throws {
        for (arguments, environment) in [
            (["admin", "list", "--database", Self.unreachable], [:]),
            (["history"], ["GROUNDWORK_DATABASE": Self.unreachable]),
        ] {
            let result = try run(arguments, environment: environment)
            #expect(result.status == 2)
            #expect(
                result.stderr.contains(
                    "the gradebook at 'postgres://ana@127.0.0.1:1/class' cannot be used: cannot connect to PostgreSQL at 127.0.0.1:1 (connection refused)"
                ), "\(result.stderr)")
            #expect(result.stderr.contains("check --database"), "\(result.stderr)")
            #expect(!result.stderr.contains("hunter22"))
        }
    }

    @Test func anEmptyDatabaseVariableKeepsTheDataFolder() throws {
        let result = try run(["admin", "list"], environment: ["GROUNDWORK_DATABASE": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: dataDirectory + "/gradebook.sqlite"))
    }
}
