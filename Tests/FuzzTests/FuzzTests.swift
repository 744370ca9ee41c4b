import Foundation
import GroundworkFuzz
import TestSupport
import Testing

/// The fuzz harness inside the test suite: a short deterministic run of every format, and
/// every input a long run (`scripts/fuzz`) ever kept, replayed.
struct FuzzTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Fuzz").path

    @Test(arguments: FuzzFormat.allCases)
    func aShortRunOfMutatedFilesNeverCrashesOrStalls(format: FuzzFormat) throws {
        let workspace = try TemporaryFolder()
        let harness = try FuzzHarness(package: Self.package, workspace: workspace.path)
        let report = FuzzRun(harness: harness, format: format, seed: 2026, fixtures: nil, stateFile: nil).run(0..<25)
        #expect(report.inputs == 25)
        #expect(report.slow.isEmpty)
    }

    @Test func theSameSeedMakesTheSameInputs() throws {
        let workspace = try TemporaryFolder()
        let harness = try FuzzHarness(package: Self.package, workspace: workspace.path)
        for format in FuzzFormat.allCases {
            #expect(harness.input(format, seed: 7, index: 3).bytes == harness.input(format, seed: 7, index: 3).bytes)
            #expect(harness.input(format, seed: 7, index: 3).bytes != harness.input(format, seed: 7, index: 4).bytes)
        }
    }

    @Test func everyKeptFuzzInputRunsAgain() throws {
        let workspace = try TemporaryFolder()
        let harness = try FuzzHarness(package: Self.package, workspace: workspace.path)
        var replayed = 0
        for format in FuzzFormat.allCases {
            let folder = Self.fixtures + "/" + format.rawValue
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
                harness.exercise(FuzzInput(format: format, bytes: bytes, companion: FuzzInput.companion(ofFixture: name)))
                replayed += 1
            }
        }
        #expect(replayed >= 0)
    }
}
