import ArgumentParser
import Courseware
import Foundation

/// `groundwork check`: validates a course and reports every problem with its position.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a course for mistakes, each reported as path:line:column.",
        discussion: """
            Exit status: 0 when there are no errors (and, with --strict, no warnings),
            1 when problems were found, 2 when the course cannot be read at all.

            Examples:
              groundwork check
              groundwork check Content --strict
              groundwork check ~/my-course --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The course folder (default: the shipped course).", valueName: "path"))
    var path: String?
    @OptionGroup var course: CourseOptions
    @Option(help: "Output format: text or json.") var format: Format = .text
    @Flag(help: "Treat warnings as errors.") var strict = false

    func run() throws {
        var options = course
        if let path { options.content = path }
        let course = try options.loadCourse()
        let diagnostics = CourseChecker.check(course)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let fileCount = course.lessons.count + course.unlistedLessons.count + 1
        switch format {
        case .text:
            for diagnostic in diagnostics { print(diagnostic.description) }
            let summary =
                errors + warnings == 0
                ? "\(course.folder): \(fileCount) files checked, no problems"
                : "\(course.folder): \(count(errors, "error")), \(count(warnings, "warning")) in \(fileCount) files"
            print(summary)
        case .json:
            let report = Report(
                course: course.folder, files: fileCount, errors: errors, warnings: warnings,
                diagnostics: diagnostics.map(Report.Entry.init))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// The JSON shape of `check --format json`.
    struct Report: Encodable {
        struct Entry: Encodable {
            var path: String
            var line: Int?
            var column: Int?
            var severity: String
            var rule: String
            var message: String

            init(_ diagnostic: Diagnostic) {
                path = diagnostic.path
                line = diagnostic.position?.line
                column = diagnostic.position?.column
                severity = diagnostic.severity.rawValue
                rule = diagnostic.rule.rawValue
                message = diagnostic.message
            }
        }

        var course: String
        var files: Int
        var errors: Int
        var warnings: Int
        var diagnostics: [Entry]
    }
}
