import Foundation
import GroundworkFuzz

// groundwork-fuzz: runs numbered fuzz inputs of one format (see scripts/fuzz, which drives it).
//   groundwork-fuzz run FORMAT --start N --end N [--seed S] [--fixtures DIR] [--state FILE]
//   groundwork-fuzz keep FORMAT --index N --kind crash [--seed S] --fixtures DIR
// Prints one line: "FORMAT inputs N slow N slowest S".

let arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
guard arguments.count >= 2, let format = FuzzFormat(rawValue: arguments[1]) else {
    FileHandle.standardError.write(
        Data("usage: groundwork-fuzz run|keep FORMAT [options]; formats: \(FuzzFormat.allCases.map(\.rawValue))\n".utf8))
    exit(2)
}
let package = option("--package") ?? FileManager.default.currentDirectoryPath
let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("groundwork-fuzz-\(getpid())").path
try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: workspace) }
let harness = try FuzzHarness(package: package, workspace: workspace)
let run = FuzzRun(
    harness: harness, format: format, seed: UInt64(option("--seed") ?? "1") ?? 1, fixtures: option("--fixtures"),
    stateFile: option("--state"))
switch arguments[0] {
case "keep":
    let index = Int(option("--index") ?? "0") ?? 0
    print(run.keep(harness.input(format, seed: run.seed, index: index), kind: option("--kind") ?? "crash", index: index))
default:
    let start = Int(option("--start") ?? "0") ?? 0
    let end = Int(option("--end") ?? "100") ?? 100
    let report = run.run(start..<max(start, end))
    print("\(format.rawValue) inputs \(report.inputs) slow \(report.slow.count) slowest \(report.slowest)")
    for name in report.slow { print("slow \(name)") }
}
