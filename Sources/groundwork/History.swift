import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading

/// `groundwork history [ID]`: attempts over time, per assessment, with a trend chart.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show your attempts over time: per assessment, best and latest, with a trend.",
        discussion: """
            Without an id, one line per assessment you have attempted: exam attempts,
            best and latest score, a trend chart (oldest to newest, one bar per attempt,
            ▁ = 0% to █ = 100%, the latest 30) and when you may take it again; practice runs on a line
            of their own, since they never count as attempts. With an id, every attempt
            at it.

            Examples:
              groundwork history
              groundwork history sentiment-quiz
            """
    )

    @OptionGroup var assessments: AssessmentOptions
    @OptionGroup var data: DataOptions
    @Argument(help: "An assessment id, to list every attempt at it.") var id: String?

    func run() throws {
        let book = try data.learnerBook()
        let tallies = try book.attemptTallies(assessmentID: id, recent: Self.sparklineLimit)
        if let id, tallies.isEmpty { try requireKnown(id, book: book) }
        guard !tallies.isEmpty else {
            print(
                id.map { "No attempts at '\($0)' yet; 'groundwork take \($0)' starts one." }
                    ?? "No attempts yet. 'groundwork assessments' lists the practice tests; 'groundwork take ID' starts one.")
            return
        }
        let style = TerminalStyle(enabled: Terminal.usesColor)
        var order: [String] = []
        for tally in tallies where !order.contains(tally.assessmentID) { order.append(tally.assessmentID) }
        for assessmentID in order {
            let assessment = try? assessments.load(GeneratedPractice.sourceID(of: assessmentID) ?? assessmentID)
            var line =
                style.apply([.bold], to: TerminalStyle.sanitize(assessmentID)) + "  "
                + TerminalStyle.sanitize(assessments.title(of: assessmentID) ?? "")
            if let passMark = assessment?.passMark { line += style.apply([.dim], to: "  (pass mark \(SummaryTable.percent(passMark)))") }
            print(line)
            let exams = tallies.first { $0.assessmentID == assessmentID && $0.purpose == .exam }
            let practice = tallies.first { $0.assessmentID == assessmentID && $0.purpose == .practice }
            if exams != nil || practice == nil { print("  " + Self.summary(exams, noun: "attempt")) }
            if let practice { print("  Practice: " + Self.summary(practice, noun: "run")) }
            if let assessment { print(style.apply([.dim], to: "  " + (try Self.next(assessment, book)))) }
            if id != nil {
                var ordinals: [AttemptPurpose: Int] = [:]
                for attempt in try book.attempts(assessmentID: assessmentID).reversed() {  // oldest first
                    ordinals[attempt.purpose, default: 0] += 1
                    let score = attempt.score.map { SummaryTable.percent($0) } ?? "—"
                    let passed = attempt.passed.map { $0 ? "passed" : "not passed" } ?? ""
                    let name = AttemptName.text(attempt.purpose, ordinal: ordinals[attempt.purpose] ?? 0, id: attempt.id)
                    print(
                        "    \(name.padding(toLength: 18, withPad: " ", startingAt: 0))\(TimeText.moment(attempt.startedAt))  "
                            + "\(score.leftPadded(to: 4))  \(passed)  \(attempt.status)")
                }
            }
        }
        if id == nil { print(style.apply([.dim], to: "\n'groundwork history ID' lists every attempt; 'groundwork report N' shows one.")) }
    }

    /// "2 attempts; best 80% passed; latest 61% not passed  ▅█", oldest first.
    static func summary(_ tally: AttemptTally?, noun: String) -> String {
        var summary = count(tally?.count ?? 0, noun)
        if let tally, let best = tally.best, let latest = tally.latest {
            summary += "; best \(verdict(best.score, best.passed)); latest \(verdict(latest.score, latest.passed))"
            summary += "  " + sparkline(tally.recentScores, more: tally.scoredCount > tally.recentScores.count)
        }
        return summary
    }

    /// "80% passed".
    static func verdict(_ attempt: AttemptSummary) -> String { verdict(attempt.score ?? 0, attempt.passed) }

    static func verdict(_ score: Double, _ passed: Bool?) -> String {
        "\(SummaryTable.percent(score)) \(passed == true ? "passed" : "not passed")"
    }

    /// The most bars a trend shows: the latest scores, after "…" when there were more, so
    /// that thousands of attempts still fit one line.
    static let sparklineLimit = 30

    /// One bar per score, ▁ for 0% to █ for 100%, the latest ``sparklineLimit`` only, after
    /// "…" when there were more (`more` says so when the caller already cut them).
    static func sparkline(_ scores: [Double], more: Bool = false) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        let shown = scores.suffix(sparklineLimit)
        return (more || shown.count < scores.count ? "…" : "")
            + String(shown.map { bars[min(bars.count - 1, max(0, Int(($0 * Double(bars.count - 1)).rounded())))] })
    }

    /// What the learner may do next at this assessment.
    static func next(_ assessment: Assessment, _ book: LearnerBook) throws -> String {
        switch try book.eligibility(for: assessment) {
        case .resume: return "An attempt is in progress: 'groundwork take \(assessment.id)' continues it."
        case .start: return "You may take it now: 'groundwork take \(assessment.id)'."
        case .refused(.wait(let until)): return "Retake allowed from \(TimeText.moment(until)); practice is open any time."
        case .refused(.noAttemptsLeft): return "No exam attempts left; practice is open any time."
        case .refused(.needsPrerequisites(let missing)): return "Pass \(missing.joined(separator: ", ")) first; practice is open any time."
        }
    }

    /// Refuses an id that is neither a practice test nor in the record: a typo, not an empty history.
    private func requireKnown(_ id: String, book: LearnerBook) throws {
        if (try? assessments.resolve(id)) != nil { return }
        let tests = assessments.folder().map {
            AssessmentOptions.assessmentFolders(in: $0).map { URL(fileURLWithPath: $0).lastPathComponent }
        }
        let known = Set((tests ?? []) + (try book.attempts().map(\.assessmentID))).sorted()
        throw CommandError("no assessment \(Quote.text(id))\(Suggestion.hint(for: id, in: known))")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
