import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading

/// `groundwork assessments`: the practice tests, one line of facts and one of rules each.
struct Assessments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessments",
        abstract: "List the practice assessments with their item kinds, size, time limit, pass mark and rules.",
        discussion: """
            Examples:
              groundwork assessments
              groundwork assessments --assessments ~/my-tests
            """
    )

    @OptionGroup var assessments: AssessmentOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        guard let folder = assessments.folder() else {
            throw CommandError("no Assessments folder found; pass --assessments PATH")
        }
        let folders = AssessmentOptions.assessmentFolders(in: folder)
        guard !folders.isEmpty else { throw CommandError("no assessments (folders holding \(AssessmentOptions.marker)) in '\(folder)'") }
        let style = TerminalStyle(enabled: Terminal.usesColor)
        let book = data.learnerBookIfAvailable()
        for path in folders {
            let loaded = AssessmentLoader().load(folder: path)
            let id = URL(fileURLWithPath: path).lastPathComponent
            guard let assessment = loaded.assessment, loaded.errors.isEmpty else {
                print(
                    style.apply([.bold], to: TerminalStyle.sanitize(id))
                        + style.apply([.red], to: TerminalStyle.sanitize("  has errors; run 'groundwork check \(path)'")))
                continue
            }
            let kinds = Array(Set(assessment.items.map(\.kind.rawValue))).sorted().joined(separator: ", ")
            let limit = assessment.timeLimitMinutes.map { "\(Self.minutes($0)) limit" } ?? "no time limit"
            print(style.apply([.bold], to: TerminalStyle.sanitize(assessment.id)) + "  " + TerminalStyle.sanitize(assessment.title))
            let items = assessment.items.count == 1 ? "1 item" : "\(assessment.items.count) items"
            let renderer = Terminal.renderer()
            print(renderer.wrap("\(items) (\(kinds)); \(limit); pass mark \(SummaryTable.percent(assessment.passMark))", indent: "  "))
            print(style.apply([.dim], to: renderer.wrap(TerminalStyle.sanitize(Self.rules(assessment)), indent: "  ")))
            if let book, let record = try? Self.record(assessment, book) { print(renderer.wrap(record, indent: "  ")) }
        }
    }

    /// "Best 85% (passed) of 2 attempts; retake from 2026-12-01 09:00", or nil before any attempt.
    static func record(_ assessment: Assessment, _ book: LearnerBook) throws -> String? {
        let all = try book.attempts(assessmentID: assessment.id)
        guard !all.isEmpty else { return nil }
        let attempts = all.filter { $0.purpose == .exam }
        var text = "You: \(History.count(attempts.count, "attempt"))"
        if let best = attempts.filter({ $0.score != nil }).max(by: { ($0.score ?? 0) < ($1.score ?? 0) }) {
            text += ", best \(History.verdict(best))"
        }
        if attempts.count < all.count { text += " (and \(History.count(all.count - attempts.count, "practice run")))" }
        return text + ". " + (try History.next(assessment, book))
    }

    /// The policy in one line (the library's wording).
    static func rules(_ assessment: Assessment) -> String { assessment.rulesSummary }

    /// "45 min", "2 h", "1 day".
    static func minutes(_ value: Double) -> String { Assessment.duration(minutes: value) }
}
