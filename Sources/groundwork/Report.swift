import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading

/// `groundwork report [ATTEMPT]`: a recorded attempt's full report, as its policy allows.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show the report of a recorded attempt (the latest by default).",
        discussion: """
            ATTEMPT is an attempt number (from 'groundwork history') or an assessment id
            for its latest attempt. The report shows what the assessment's policy
            allows: tests that show the score only (as some platforms do) keep their
            items' answers hidden here too. An attempt still in progress shows its
            progress, never its answers' gold.

            Examples:
              groundwork report
              groundwork report 12
              groundwork report sentiment-quiz --format json
              groundwork report 12 --grade
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var assessments: AssessmentOptions
    @OptionGroup var data: DataOptions
    @Argument(help: "An attempt number or an assessment id (default: your latest attempt).") var attempt: String?
    @Option(help: "text or json.") var format: Format = .text
    @Flag(help: "Grade your written answers (rubric items) that are not graded yet, then show the report.") var grade = false

    func run() throws {
        let book = try data.learnerBook()
        let record = try find(in: book)
        let assessment = try? assessments.load(recorded: record, data: data)
        let id = record.id ?? 0
        let resumptions = try book.resumptions(attemptID: id)
        guard record.status != .inProgress else {
            let answered = Set(try book.answers(attemptID: id).map(\.itemID)).count
            let command = Self.continuing(record.assessmentID, purpose: record.purpose)
            if format == .json {
                // Still JSON, for the scripts that asked for it: the progress, never an answer.
                let progress = InProgress(
                    attempt: id, assessment: record.assessmentID, purpose: record.purpose.rawValue, answered: answered,
                    items: record.itemIDs.count, continueWith: command)
                print(JSONText.encode(progress), terminator: "")
                return
            }
            let title = TerminalStyle.sanitize(assessment?.title ?? record.assessmentID)
            print(
                "\(try AttemptName.of(record, in: book, capitalized: true)) at \(title) is in progress: "
                    + "\(answered) of \(record.itemIDs.count) items answered.")
            print("Run '\(command)' to continue; the report comes when it is finished.")
            return
        }
        guard let json = record.resultJSON, var stored = try? JSONDecoder().decode(AttemptResult.self, from: Data(json.utf8)) else {
            print(
                "Attempt #\(id) at \(TerminalStyle.sanitize(assessment?.title ?? record.assessmentID)) was \(record.status.rawValue) without a result."
            )
            return
        }
        // Without the assessment its policy is unknown, so it is released as the strictest one.
        let policy = assessment?.running(as: record.purpose).policy ?? Self.aggregateOnly
        if grade {
            guard let assessment else {
                throw CommandError("the assessment '\(record.assessmentID)' is gone, so its rubric cannot be shown")
            }
            var attempt = try RecordedAttempt.load(record, of: assessment, in: book, holder: AttemptHolder.terminal(pid: getpid()))
            let items = stored.released(for: policy, stage: .finished).items
            if let regraded = try SelfGrading.run(&attempt, results: items, renderer: Terminal.renderer()) {
                stored = regraded
            }
        }
        let result = stored.released(for: policy, stage: .finished)
        switch format {
        case .json:
            print(result.jsonText(), terminator: "")
        case .text:
            print(
                Self.facts(
                    record, name: try AttemptName.of(record, in: book, capitalized: true), resumptions: resumptions,
                    assessment: assessment, timed: result.activeSeconds != nil))
            let report = ReportRenderer(width: Terminal.width, lessonText: LessonLink.command).render(result)
            print(TerminalStyle.sanitize(report), terminator: "")
            if result.items.contains(where: { !$0.reason.isEmpty }), GeneratedPractice.sourceID(of: record.assessmentID) == nil {
                print("\nThink a gold answer is wrong? groundwork contest \(id) ITEM --reason \"why\"")
            }
        }
    }

    /// `report --format json` of an attempt not finished yet.
    private struct InProgress: Encodable {
        let status = "in_progress"
        let attempt: Int64
        let assessment, purpose: String
        let answered, items: Int
        let continueWith: String
    }

    /// The command that continues an attempt in progress at `assessmentID`.
    static func continuing(_ assessmentID: String, purpose: AttemptPurpose) -> String {
        if let source = GeneratedPractice.sourceID(of: assessmentID) { return "groundwork practice \(source) --generated" }
        return "groundwork \(purpose == .practice ? "practice" : "take") \(assessmentID)"
    }

    /// The policy that releases the least: for an attempt whose assessment is gone.
    private static let aggregateOnly: AssessmentPolicy = {
        var policy = AssessmentPolicy()
        policy.showReasons = .never
        return policy
    }()

    private func find(in book: LearnerBook) throws -> Attempt {
        guard let attempt else {
            guard let latest = try book.latestAttempt() else {
                throw CommandError("no attempts yet; take a practice test with 'groundwork take ID' ('groundwork assessments' lists them)")
            }
            return latest
        }
        if let number = Int64(attempt) {
            guard let found = try book.attempt(id: number) else {
                throw CommandError("no attempt #\(number); 'groundwork history' lists yours")
            }
            return found
        }
        guard let latest = try book.latestAttempt(assessmentID: attempt) else {
            throw CommandError("no attempts at '\(attempt)'; 'groundwork history' lists yours")
        }
        return latest
    }

    /// When, how long, and how it ended: the attempt's record above its result. The active
    /// time is said here only for results stored before they carried it (`timed` false).
    static func facts(_ record: Attempt, name: String, resumptions: [Resumption], assessment: Assessment?, timed: Bool) -> String {
        var line = "\(name), \(TimeText.moment(record.startedAt))"
        if let finished = record.finishedAt {
            let gaps = resumptions.reduce(0) { $0 + $1.gap }
            if !timed { line += ", \(TimeText.duration(finished.timeIntervalSince(record.startedAt) - gaps)) active" }
            if !resumptions.isEmpty {
                line +=
                    " (interrupted \(resumptions.count == 1 ? "once" : "\(resumptions.count) times") for \(TimeText.duration(gaps)), not counted)"
            }
        }
        line += ", \(record.status.description)"
        var lines = [line]
        if let assessment, assessment.version != record.assessmentVersion {
            lines.append("Note: the assessment was edited after this attempt; the report shows it as it was graded then.")
        }
        return lines.joined(separator: "\n")
    }
}
