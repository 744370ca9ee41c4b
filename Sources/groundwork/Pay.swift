import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading
import Readiness

/// `groundwork pay --per-task 0.10`: what a per-task price pays an hour at the learner's own
/// recorded pace, beside the course's figures, with pace and accuracy per item kind and test.
struct Pay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "What a per-task price pays an hour at your own pace, with your pace and accuracy per kind and test.",
        discussion: """
            Your pace is the median active seconds per item over your finished practice runs
            and simulated exams (the time the gradebook records for every answer). Trends
            run oldest to newest, one bar per attempt: accuracy ▁ 0% to █ 100%, time ▁
            fastest to █ slowest. docs/readiness.md defines every figure.

            Examples:
              groundwork pay
              groundwork pay --per-task 0.10
              groundwork pay --per-task 0.25 --test sentiment-quiz
              groundwork pay --per-task 0.10 --seconds 600
            """
    )

    @OptionGroup var course: CourseOptions
    @OptionGroup var assessments: AssessmentOptions
    @OptionGroup var data: DataOptions
    @Option(name: .customLong("per-task"), help: ArgumentHelp("The price of one task, in dollars.", valueName: "price"))
    var perTask: Double?
    @Option(help: ArgumentHelp("Use your pace on this test only.", valueName: "id")) var test: String?
    @Option(help: ArgumentHelp("Use this many seconds a task instead of your recorded pace.", valueName: "seconds"))
    var seconds: Double?

    func validate() throws {
        if let perTask, !(perTask > 0 && perTask <= 10_000) {
            throw ValidationError("'--per-task' must be a price above 0 and at most 10000, got '\(perTask)'")
        }
        if let seconds, !(seconds > 0 && seconds <= 86_400) {
            throw ValidationError("'--seconds' must be above 0 and at most 86400 (a day), got '\(seconds)'")
        }
    }

    func run() throws {
        let course = try course.loadCourse()
        guard let folder = assessments.folder() else { throw CommandError("no Assessments folder found; pass --assessments PATH") }
        let catalog = AssessmentCatalog(folder: folder)
        let map: ReadinessMap
        do { map = try ReadinessReport.loadMap(course: course, catalog: catalog) } catch { throw CommandError(error.description) }
        var evidence = ItemEvidence.collect(from: try data.learnerBook().finishedAttempts(), catalog: catalog)
        if let test {
            do { _ = try catalog.assessment(id: test) } catch { throw CommandError(error.description) }
            evidence = evidence.filter { $0.assessmentID == test }
        }
        let style = TerminalStyle(enabled: Terminal.usesColor)
        let renderer = Terminal.renderer()
        let titles = Dictionary(catalog.assessments.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let pace = PaceReport(evidence: evidence, titles: titles)
        print(style.apply([.bold], to: "Your pace"))
        if pace.kinds.isEmpty {
            print(renderer.wrap("No finished attempts yet: 'groundwork practice ID' records your time on every item.", indent: "  "))
        }
        for (heading, lines) in [("By item kind", pace.kinds), ("By test", pace.tests)] where !lines.isEmpty {
            print("  " + heading)
            for line in lines { print(renderer.wrap(Self.describe(line), indent: "    ")) }
        }
        guard let perTask else {
            print(
                style.apply(
                    [.dim],
                    to: "\n" + renderer.wrap("'groundwork pay --per-task PRICE' turns a per-task price into an hourly rate at this pace.")))
            return
        }
        let hidden = PayReport.hiddenGoldAccuracy(in: catalog)
        let pay = PayReport(
            pricePerTask: perTask, evidence: evidence, secondsPerTask: seconds, thresholds: map.pay, hiddenGoldAccuracy: hidden)
        print("\n" + style.apply([.bold], to: renderer.wrap(pay.sentence)))
        if pay.timedItems > 0 {
            print(style.apply([.dim], to: renderer.wrap("(the median of \(pay.timedItems) timed items)", indent: "  ")))
        }
        if !pay.figures.isEmpty { print("\nBeside the course's figures:") }
        for figure in pay.figures {
            let mark = figure.reached.map { $0 ? style.apply([.green], to: "above ") : style.apply([.red], to: "below ") } ?? ""
            var line = "\(mark)\(HourlyRate.money(figure.threshold.hourly)) an hour, \(TerminalStyle.sanitize(figure.threshold.label))"
            if let asOf = figure.threshold.asOf { line += " (\(TerminalStyle.sanitize(asOf)))" }
            if let budget = figure.timeBudgetSeconds { line += "; it needs at most \(HourlyRate.duration(budget)) a task" }
            print(renderer.wrap(line, indent: "  "))
        }
        if let tradeOff = pay.tradeOff { print("\n" + renderer.wrap(tradeOff)) }
        print(
            style.apply(
                [.dim],
                to: "\n"
                    + renderer.wrap(
                        "This is the rate while working on items only; unpaid time (guidelines, tests, waiting) lowers it: 'groundwork read effective-hourly-rate'."
                    )))
    }

    /// "single-choice: 42 s an item, 88% accurate over 32 items  accuracy ▅█  time █▅".
    static func describe(_ line: PaceReport.Line) -> String {
        var text = "\(TerminalStyle.sanitize(line.title)): "
        text += line.medianSeconds.map { "\(HourlyRate.duration($0)) an item, " } ?? ""
        text += "\(Int((line.accuracy * 100).rounded()))% accurate over \(line.items) item\(line.items == 1 ? "" : "s")"
        if line.trend.count > 1 {
            text += "  accuracy " + History.sparkline(line.trend.map(\.accuracy))
            let times = line.trend.compactMap(\.medianSeconds)
            if let slowest = times.max(), slowest > 0, times.count > 1 { text += "  time " + History.sparkline(times.map { $0 / slowest }) }
        }
        return text
    }
}
