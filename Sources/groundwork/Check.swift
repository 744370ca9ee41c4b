import ArgumentParser
import Courseware
import Foundation
import Grading
import Readiness

/// `groundwork check`: validates a course and practice assessments, reporting every problem
/// with its position.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a course and its practice assessments for mistakes, each reported as path:line:column.",
        discussion: """
            Without a path it checks the shipped course and every shipped assessment. A
            path may be a course (a folder holding SUMMARY.md), one assessment (a folder
            holding assessment.md) or a folder of assessments. Assessments are checked
            by running their own scorers: every gold answer must score 100% and a blank
            answer 0.

            Exit status: 0 when there are no errors (and, with --strict, no warnings), 1
            when problems were found, 2 when nothing could be read at all.

            Examples:
              groundwork check
              groundwork check Content --strict
              groundwork check Assessments/street-boxes
              groundwork check ~/my-course --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("A course, an assessment or a folder of assessments (default: the shipped ones).", valueName: "path"))
    var path: String?
    @OptionGroup var course: CourseOptions
    @OptionGroup var assessments: AssessmentOptions
    @Option(help: "Output format: text or json.") var format: Format = .text
    @Flag(help: "Treat warnings as errors.") var strict = false

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var files = 0
        var checked: [String] = []
        // Read once for every assessment, not once per assessment: reading it twenty times
        // was 40% of the time `check` took on the shipped course. When the course checked is
        // that course, it is not read a second time either.
        lazy var linkedCourse = try? course.loadCourse()
        // The readiness check loads every test of the assessments folder; the tests checked
        // next are taken from it rather than read again.
        var catalog: AssessmentCatalog?
        for target in try targets() {
            switch target {
            case .course(let folder):
                var options = course
                options.content = folder
                let loaded = try options.loadCourse()
                if folder == (try? course.folder()) { linkedCourse = loaded }
                diagnostics += CourseChecker.check(loaded)
                files += loaded.lessons.count + loaded.unlistedLessons.count + 1
                diagnostics += checkReadiness(of: loaded, files: &files, catalog: &catalog)
            case .assessment(let folder):
                // Lesson links may name lessons by id; without a course only paths are checked.
                let checker = AssessmentChecker(course: linkedCourse)
                if let entry = catalog?.entries.first(where: { $0.folder == folder }) {
                    diagnostics += checker.check(entry.loaded)
                } else {
                    diagnostics += checker.check(folder: folder)
                }
                files += 2
            }
            checked.append(target.folder)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let name = path ?? checked.joined(separator: ", ")
        switch format {
        case .text:
            for diagnostic in diagnostics { print(diagnostic.description) }
            print(
                errors + warnings == 0
                    ? "\(name): \(files) files checked, no problems"
                    : "\(name): \(count(errors, "error")), \(count(warnings, "warning")) in \(files) files")
        case .json:
            let report = Report(
                checked: checked, files: files, errors: errors, warnings: warnings, diagnostics: diagnostics.map(Report.Entry.init))
            print(JSONText.encode(report), terminator: "")
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }

    /// The course's readiness file, if it has one, against the course and the practice tests.
    /// Leaves the catalog it loaded in `catalog`, for the assessments checked next.
    private func checkReadiness(of course: Course, files: inout Int, catalog: inout AssessmentCatalog?) -> [Diagnostic] {
        let (map, diagnostics) = ReadinessMapLoader.load(courseFolder: course.folder)
        guard let map else { return diagnostics }
        files += 1
        catalog = assessments.folder().map(AssessmentCatalog.init(folder:))
        return diagnostics + ReadinessMapChecker.check(map, course: course, catalog: catalog)
    }

    private enum Target {
        case course(String)
        case assessment(String)

        var folder: String {
            switch self {
            case .course(let folder), .assessment(let folder): return folder
            }
        }
    }

    /// What a path names, or the shipped course and assessments without one.
    private func targets() throws -> [Target] {
        guard let path else {
            var targets = [Target.course(try course.folder())]
            if let folder = assessments.folder() {
                targets += AssessmentOptions.assessmentFolders(in: folder).map(Target.assessment)
            }
            return targets
        }
        if WorkspaceFolder.exists(WorkspaceFolder.join(path, TableOfContents.fileName)) { return [.course(path)] }
        if WorkspaceFolder.exists(WorkspaceFolder.join(path, AssessmentOptions.marker)) { return [.assessment(path)] }
        guard WorkspaceFolder.isDirectory(path) else {
            throw CommandError("no course or assessment at '\(path)'")
        }
        let folders = AssessmentOptions.assessmentFolders(in: path)
        if folders.isEmpty {
            // A folder with lessons but no table of contents is still a course to report on.
            return [.course(path)]
        }
        return folders.map(Target.assessment)
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

        var checked: [String]
        var files: Int
        var errors: Int
        var warnings: Int
        var diagnostics: [Entry]
    }
}
