import Foundation
import Testing

/// The README's counts come from the program: its home-view example is the real output over
/// the shipped course and tests, so a new lesson or test fails here until the README says so.
extension CommandLineTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// At 80 columns every lesson of the shipped course keeps to one line: long titles are
    /// shortened, so the terminal never wraps the minutes under the ids.
    @Test func lessonsFitsEightyColumns() throws {
        let lessons = try run(
            ["lessons", "--content", Self.repository.appendingPathComponent("Content").path], environment: ["COLUMNS": "80"])
        #expect(lessons.status == 0)
        let long = lessons.stdout.split(separator: "\n").filter { $0.count > 80 }
        #expect(long.isEmpty, "\(long)")
        #expect(lessons.stdout.contains("…  7 min"))
    }

    @Test func theReadmesHomeViewIsTheRealOutputOverTheShippedCourse() throws {
        let home = try run(
            [
                "--content", Self.repository.appendingPathComponent("Content").path, "--assessments",
                Self.repository.appendingPathComponent("Assessments").path,
            ], environment: ["COLUMNS": "100", "NO_COLOR": "1"])
        let shown = try #require(home.stdout.components(separatedBy: "\nWhat you can do").first)
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("$ scripts/groundwork\n" + shown.trimmingCharacters(in: .newlines) + "\n...\n"), "\(shown)")
    }
}
