import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading
import Readiness

/// `groundwork readiness [PLATFORM]`: am I ready to apply? A verdict per platform from the
/// learner's recent items, with intervals and next steps, and the checklist to tick off.
struct ReadinessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "Am I ready? A verdict per platform from your recent practice and exams, and the checklist.",
        discussion: """
            For each platform the course covers: ready, borderline, not yet or not enough
            evidence, from the 95% interval of your recent scores on the skills its tests
            ask for (practice runs and simulated exams both count), with the lesson
            section to reread and the test to practise. With a platform, that platform in
            detail. docs/readiness.md defines every figure.

            Examples:
              groundwork readiness
              groundwork readiness appen
              groundwork readiness "mechanical turk"
              groundwork readiness --tick profile
              groundwork readiness --format json
            """,
        aliases: ["ready"]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var course: CourseOptions
    @OptionGroup var assessments: AssessmentOptions
    @OptionGroup var data: DataOptions
    @Argument(help: "A platform's id or name (default: every platform).") var platform: String?
    @Option(help: ArgumentHelp("Tick a checklist entry by its id.", valueName: "id")) var tick: [String] = []
    @Option(help: ArgumentHelp("Untick a checklist entry by its id.", valueName: "id")) var untick: [String] = []
    @Option(help: "Output format: text or json.") var format: Format = .text

    func run() throws {
        let course = try course.loadCourse()
        guard let folder = assessments.folder() else {
            throw CommandError("no Assessments folder found; pass --assessments PATH")
        }
        let catalog = AssessmentCatalog(folder: folder)
        let book = try data.learnerBook()
        let map: ReadinessMap
        do { map = try ReadinessReport.loadMap(course: course, catalog: catalog) } catch { throw CommandError(error.description) }
        for (ids, checked) in [(tick, true), (untick, false)] {
            for id in ids {
                guard map.checklist.contains(where: { $0.id == id }) else {
                    throw CommandError(
                        "no checklist entry '\(id)'\(Suggestion.hint(for: id, in: map.checklist.map(\.id)))")
                }
                try book.setChecklistMark(id, checked: checked)
            }
        }
        var report = try ReadinessReport.load(course: course, catalog: catalog, book: book)
        if let platform {
            guard let found = map.platform(named: platform) else {
                throw CommandError("no platform '\(platform)'\(Suggestion.hint(for: platform, in: map.platforms.map(\.id)))")
            }
            report.platforms = report.platforms.filter { $0.id == found.id }
            report.skills = report.skills.filter { found.skills.map(\.value).contains($0.skillID) }
        }
        switch format {
        case .json: print(JSONText.encode(report), terminator: "")
        case .text:
            print(
                ReadinessText(style: TerminalStyle(enabled: Terminal.usesColor), renderer: Terminal.renderer()).render(
                    report, detailed: platform != nil))
        }
    }
}
