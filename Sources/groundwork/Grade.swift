import ArgumentParser
import Courseware
import Foundation
import Grading

/// `groundwork grade`: scores answers files against an assessment's gold answers.
struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade answers against an assessment and explain every point lost.",
        discussion: """
            --answers takes one answers file (a full report for that learner) or a
            folder of them (a summary table, one row per learner). The answers format is
            documented in docs/grading.md; so are the report JSON and the score of each
            item kind.

            Exit status: 0 when every file was graded, 2 when the assessment or an
            answers file cannot be used (each problem names the file and the item).

            Examples:
              groundwork grade street-boxes --answers my-answers.json
              groundwork grade Assessments/sentiment-quiz --answers cohort/ --format csv
              groundwork grade sentiment-quiz --answers ana.json --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Argument(help: "The assessment: its id, or the path of its folder.") var assessment: String
    @Option(help: ArgumentHelp("An answers file, or a folder of them.", valueName: "path")) var answers: String
    @Option(help: "Output format: text, json or csv.") var format: Format = .text
    @Flag(help: "In a text report, list the items answered correctly too.") var all = false
    @OptionGroup var assessments: AssessmentOptions

    func run() throws {
        let assessment = try assessments.load(self.assessment)
        if WorkspaceFolder.isDirectory(answers) {
            try gradeFolder(assessment)
        } else {
            var unreadable = 0
            let result = try grade(answers, assessment, unreadable: &unreadable)
            switch format {
            case .text:
                let report = ReportRenderer(width: Terminal.width, includeCorrectItems: all, lessonText: LessonLink.command).render(result)
                print(TerminalStyle.sanitize(report), terminator: "")
            case .json: print(result.jsonText())
            case .csv: print(CSVReport.header(result) + "\n" + CSVReport.row(result, file: answers))
            }
            if unreadable > 0 {
                Terminal.printError(Self.unreadableSummary(unreadable))
                throw ExitCode(2)
            }
        }
    }

    static func unreadableSummary(_ count: Int) -> String {
        "groundwork: \(count) answer\(count == 1 ? "" : "s") could not be read and \(count == 1 ? "was" : "were") graded as unanswered (see above)"
    }

    /// Grades one file; answers it cannot read are warned about on stderr and counted in
    /// `unreadable`, and their items score as unanswered.
    private func grade(_ path: String, _ assessment: Assessment, unreadable: inout Int) throws -> AttemptResult {
        let sheet: AnswerSheet
        do {
            sheet = try AnswerSheet.load(path: path, for: assessment)
        } catch {
            throw CommandError(error.description)
        }
        for warning in sheet.unreadableWarnings(path: path) { Terminal.printError("groundwork: \(warning)") }
        unreadable += sheet.unreadable.count
        return Grader().grade(sheet, for: assessment)
    }

    /// Grades every `.json` file in a folder; a file that cannot be used is reported and
    /// skipped, and a learner named by two files is graded once (``CohortFolder``). The
    /// summary table and CSV read scores only, so only JSON builds each learner's full report.
    private func gradeFolder(_ assessment: Assessment) throws {
        let loaded = try CohortFolder.load(answers, for: assessment)
        let results = Grader().grade(loaded.entries.map(\.sheet), for: assessment, detail: format == .json ? .full : .scores)
        let graded = zip(loaded.entries, results).map { (file: $0.file, result: $1) }
        let unreadable = loaded.entries.reduce(0) { $0 + $1.sheet.unreadable.count }
        switch format {
        case .text: print(SummaryTable.render(graded, assessment: assessment), terminator: "")
        case .json: print("[\n" + graded.map { $0.result.jsonText() }.joined(separator: ",\n") + "\n]")
        case .csv:
            if let first = graded.first { print(CSVReport.header(first.result)) }
            for (file, result) in graded { print(CSVReport.row(result, file: file)) }
        }
        if let failure = CohortFolder.failure(loaded) { throw failure }
        if unreadable > 0 {
            Terminal.printError(Self.unreadableSummary(unreadable))
            throw ExitCode(2)
        }
    }
}

/// One line per learner: score, pass or fail, and each section's score. Names and titles come
/// from files, so they are sanitized before they are measured and padded.
enum SummaryTable {
    static func render(_ graded: [(file: String, result: AttemptResult)], assessment: Assessment) -> String {
        let names = graded.map {
            TerminalStyle.sanitize($0.result.learner ?? URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent)
        }
        let width = max(7, names.map(\.count).max() ?? 0)
        let sections = graded.first?.result.sections ?? []
        let learners = graded.count == 1 ? "1 learner" : "\(graded.count) learners"
        var lines = [
            "\(TerminalStyle.sanitize(assessment.title)): \(learners), pass mark \(percent(graded.first?.result.passMark ?? 0))", "",
        ]
        var header = "learner".padding(toLength: width, withPad: " ", startingAt: 0) + "  score  result"
        for section in sections where sections.count > 1 { header += "  " + TerminalStyle.sanitize(section.id) }
        lines.append(header)
        for (name, entry) in zip(names, graded) {
            var line = name.padding(toLength: width, withPad: " ", startingAt: 0)
            line += "  " + percent(entry.result.score).leftPadded(to: 5) + "  " + (entry.result.passed ? "pass  " : "fail  ")
            for section in entry.result.sections where sections.count > 1 {
                line += "  " + percent(section.score).leftPadded(to: section.id.count)
            }
            lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
        }
        let passed = graded.filter(\.result.passed).count
        lines.append("")
        lines.append(
            "\(passed) of \(graded.count) passed; mean score \(percent(graded.map(\.result.score).reduce(0, +) / Double(max(graded.count, 1))))"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}

/// Comma-separated rows for spreadsheets: file, learner, score, passed, then one column per
/// section; every field is sanitized, as it may come from a file and is printed.
enum CSVReport {
    static func header(_ result: AttemptResult) -> String {
        (["file", "learner", "score", "passed", "correct", "partial", "incorrect", "unanswered"]
            + result.sections.map { "section:" + $0.id })
            .map(quote).joined(separator: ",")
    }

    static func row(_ result: AttemptResult, file: String) -> String {
        let counts = result.counts
        let fields =
            [
                file, result.learner ?? "", String(format: "%.4f", result.score), result.passed ? "true" : "false",
                "\(counts.correct)", "\(counts.partial)", "\(counts.incorrect)", "\(counts.unanswered)",
            ]
            + result.sections.map { String(format: "%.4f", $0.score) }
        return fields.map(quote).joined(separator: ",")
    }

    /// RFC 4180 quoting, only where a field needs it.
    private static func quote(_ field: String) -> String {
        let field = TerminalStyle.sanitize(field)
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A one-line progress bar on stderr, for grading many files at a terminal.
struct ProgressBar {
    let total: Int
    let enabled: Bool
    private var done = 0

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    mutating func advance() {
        done += 1
        guard enabled else { return }
        let width = 30
        let filled = width * done / max(total, 1)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
