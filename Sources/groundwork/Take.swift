import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading

/// `groundwork take ID`: a practice test in the terminal under its platform's rules, with
/// every answer saved the moment it is given.
struct Take: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a practice assessment in the terminal, under the rules of the platform it imitates.",
        discussion: """
            Items are asked one at a time ("item 3 of 12") with the time left. Type the
            number of a choice, a rating, a number, a transcript, spans as token ranges
            ("1-2 ORG; 5 LOC"), time segments ("dog bark 1.2-2.5"), or an order ("2 1
            3"). At any prompt, :skip leaves the item unanswered and :q (or Ctrl-C, or
            Ctrl-D) saves and leaves: 'take' again resumes where you stopped. Time spent
            away does not count against the time limit; the report says how long the
            attempt was interrupted.

            Boxes, polygons and keypoints are drawn, which a terminal cannot do: the web
            app (coming) is where they are answered. Meanwhile write them in an answers
            file (docs/grading.md) and pass --answers FILE; items it answers are not
            asked.

            The rules (attempts, retake delay, feedback after each item or at the end,
            training retries, work-mode removal) come from the assessment; 'groundwork
            assessments' lists them.

            An attempt is taken in one place at a time. While it is open in another
            terminal (or a web browser), 'take' says where and stops; --take-over moves
            it here, and the other place can then save no more answers. An attempt left
            by a terminal that was closed or killed is simply resumed.

            Examples:
              groundwork take sentiment-quiz
              groundwork take street-boxes --answers my-boxes.json
              groundwork take content-moderation --abandon
              groundwork take sentiment-quiz --take-over
            """
    )

    @OptionGroup var assessments: AssessmentOptions
    @OptionGroup var data: DataOptions
    @Argument(help: "The assessment's id (see 'groundwork assessments') or its folder.") var id: String
    @Option(help: ArgumentHelp("Answers for items that cannot be typed (JSON answers file).", valueName: "file"))
    var answers: String?
    @Option(help: ArgumentHelp("Seed for drawing and shuffling items (default: random; recorded either way).", valueName: "n"))
    var seed: UInt64?
    @Flag(help: "Close the attempt in progress without finishing it (it counts as an attempt).")
    var abandon = false
    @Flag(
        help: ArgumentHelp(
            "Continue here an attempt that is open in another terminal or a web browser; the other one can save no more answers to it."
        ))
    var takeOver = false

    func run() throws {
        let assessment = try assessments.load(id)
        let book = try data.learnerBook()
        var sheet: AnswerSheet?
        if let answers {
            do {
                sheet = try AnswerSheet.load(path: answers, for: assessment)
            } catch {
                throw CommandError(error.description)
            }
        }
        let holder = AttemptHolder.terminal(pid: getpid())
        guard var attempt = try openAttempt(assessment, book: book, holder: holder, sheet: sheet) else { return }
        SaveOnInterrupt.install(assessmentID: assessment.id)
        let renderer = Terminal.renderer()
        guard try run(&attempt, sheet: sheet, renderer: renderer) else {
            print("\nSaved \(attempt.session.given.count) answer(s). Run 'groundwork take \(assessment.id)' to continue.")
            return
        }
        let result = try attempt.finish()
        print()
        let report = ReportRenderer(
            width: Terminal.width, showsItems: assessment.policy.showReasons != .never, lessonText: LessonLink.command
        )
        .render(result)
        print(TerminalStyle.sanitize(report), terminator: "")
        print(
            "\nAttempt #\(attempt.id) is saved. 'groundwork report \(attempt.id)' shows it again; 'groundwork history' shows your progress."
        )
        if case .refused(.wait(let until)) = try book.eligibility(for: assessment) {
            print("Retake allowed from \(TimeText.moment(until)).")
        }
    }

    /// Resumes the attempt in progress or starts a new one, as the policy and the record
    /// allow; nil when there is nothing to take (abandoned, or the learner left at the start).
    private func openAttempt(_ assessment: Assessment, book: LearnerBook, holder: String, sheet: AnswerSheet?) throws -> RecordedAttempt? {
        switch try book.eligibility(for: assessment) {
        case .resume(let record):
            return try resume(record, of: assessment, book: book, holder: holder)
        case .start:
            guard !abandon else { throw CommandError("no attempt at '\(assessment.id)' is in progress") }
            try Self.requireAnswerable(assessment, sheet: sheet)
            showIntroduction(assessment)
            guard Self.readyToStart() else {
                print("\nNothing was started; 'groundwork take \(assessment.id)' when you are ready.")
                return nil
            }
            // Decided again where it is acted on: another taker may have started meanwhile.
            switch try book.begin(assessment, seed: seed ?? UInt64.random(in: 0...UInt64(Int64.max)), holder: holder) {
            case .started(let record): return try RecordedAttempt.load(record, of: assessment, in: book, holder: holder)
            case .resume(let record): return try resume(record, of: assessment, book: book, holder: holder)
            case .refused(let refusal): throw CommandError(Self.message(refusal, assessment))
            }
        case .refused(let refusal):
            throw CommandError(Self.message(refusal, assessment))
        }
    }

    /// Continues (or, with --abandon, closes) the attempt in progress, unless another taker holds it.
    private func resume(_ record: Attempt, of assessment: Assessment, book: LearnerBook, holder: String) throws -> RecordedAttempt? {
        let id = record.id ?? 0
        do {
            if abandon {
                try book.claim(attemptID: id, holder: holder, takingOver: takeOver)
                try book.finishAttempt(id, holder: holder, status: .abandoned, score: nil, passed: nil, resultJSON: nil)
                print("Attempt #\(id) at \(TerminalStyle.sanitize(assessment.title)) closed as abandoned; its answers are kept.")
                return nil
            }
            let attempt = try RecordedAttempt.resume(record, of: assessment, in: book, holder: holder, takingOver: takeOver)
            let gap = attempt.resumptions.last?.gap ?? 0
            print(
                "Resuming attempt #\(attempt.id) at \(TerminalStyle.sanitize(assessment.title)): \(attempt.session.given.count) answer(s) kept; "
                    + "away \(TimeText.duration(gap)), which does not count against the time limit.\n")
            return attempt
        } catch GradebookError.heldElsewhere(_, let other, let since) {
            throw CommandError(
                "attempt #\(id) at \(assessment.title) is open in \(GradebookMessage.place(other)) since \(TimeText.moment(since)); "
                    + "finish it there, or run 'groundwork take \(assessment.id) --take-over' to continue it here (the other one "
                    + "then saves no more answers)")
        } catch let error as RecordedAttemptError {
            throw CommandError("\(error) — run 'groundwork take \(assessment.id) --abandon' to close it and start afresh")
        }
    }

    /// Why no attempt may start now, and what the learner can do.
    static func message(_ refusal: Refusal, _ assessment: Assessment) -> String {
        switch refusal {
        case .wait(let until):
            return
                "\(assessment.title) may be retaken from \(TimeText.moment(until)) (retake delay \(Assessments.minutes(assessment.policy.retakeDelayMinutes ?? 0))); see 'groundwork history \(assessment.id)'"
        case .noAttemptsLeft(let used):
            return "every allowed attempt at \(assessment.title) was used (\(used)); 'groundwork report' shows your results"
        case .needsPrerequisites(let missing):
            return
                "\(assessment.title) needs a passed attempt at \(missing.joined(separator: ", ")) first; start with 'groundwork take \(missing[0])'"
        }
    }

    /// Asks every remaining item; false when the learner left before the end.
    ///
    /// - Throws: ``CommandError`` when an answer cannot be saved (exit status 2).
    private func run(_ attempt: inout RecordedAttempt, sheet: AnswerSheet?, renderer: TerminalRenderer) throws -> Bool {
        let assessment = attempt.session.assessment
        while true {
            attempt.checkTime()
            guard let item = attempt.session.current else { break }
            print(header(attempt))
            let reply: ItemPrompt.Reply
            if let response = sheet?.responses[item.id] {
                print(TerminalStyle.sanitize("Item \(item.id) answered from \(answers ?? "the answers file")."))
                reply = .answer(response)
            } else if ItemPrompt.needsDrawing(item.kind) {
                print(
                    "Item \(item.id) is a \(item.kind.rawValue) item: it is drawn in the web app (coming), or given with --answers FILE. It counts as unanswered."
                )
                reply = .answer(nil)
            } else {
                reply = ItemPrompt(
                    item: LearnerItem(item), folder: assessment.folder, options: options(item, attempt.session.plan), renderer: renderer
                ).ask()
            }
            guard case .answer(let response) = reply else { return false }
            let outcome: AttemptSession.Outcome
            do {
                outcome = try attempt.answer(response)
            } catch GradebookError.heldElsewhere(_, let other, let since) {
                throw CommandError(
                    "this answer was not saved: attempt #\(attempt.id) moved to \(GradebookMessage.place(other)) at "
                        + "\(TimeText.moment(since)), where it continues; the \(attempt.session.given.count) answer(s) given before are kept"
                )
            } catch let error as GradebookError {
                throw CommandError(
                    "this answer was not saved (\(GradebookMessage.text(error))); the \(attempt.session.given.count) answer(s) "
                        + "given before are kept, and 'groundwork take \(assessment.id)' continues from there")
            }
            show(outcome, renderer: renderer)
        }
        return true
    }

    private func options(_ item: Item, _ plan: AttemptPlan) -> [ChoiceTask.Option] {
        switch item.content.task {
        case .singleChoice(let task), .multipleChoice(let task): return plan.options(task, of: item.id)
        default: return []
        }
    }

    /// "Item 3 of 12 · 14:32 left · accuracy on test questions 80% (5)".
    private func header(_ attempt: RecordedAttempt) -> String {
        let position = attempt.session.position
        var parts = ["Item \(position.number) of \(position.total)"]
        if let left = attempt.secondsLeft { parts.append("\(TimeText.clock(left)) left") }
        let policy = attempt.session.assessment.policy
        if policy.mode == .work, case let accuracy = attempt.session.goldAccuracy, accuracy.items > 0 {
            parts.append("accuracy on test questions \(SummaryTable.percent(accuracy.score)) (\(accuracy.items))")
        }
        let style = TerminalStyle(enabled: Terminal.usesColor)
        return "\n" + style.apply([.bold], to: parts.joined(separator: " · "))
    }

    private func show(_ outcome: AttemptSession.Outcome, renderer: TerminalRenderer) {
        if outcome.ending == .timedOut && !outcome.counted {
            print("Time is up: this answer came after the time limit and does not count.")
        }
        switch outcome.feedback {
        case .none:
            break
        case .tryAgain(let hint, let triesLeft):
            print(
                "Not quite — try again (\(triesLeft) tr\(triesLeft == 1 ? "y" : "ies") left).\(hint.map { " Hint: \(TerminalStyle.sanitize($0))" } ?? "")"
            )
        case .result(let result):
            print("\n" + ItemFeedback.text(result, renderer: renderer))
        }
        if outcome.ending == .removed {
            print("Your accuracy on hidden test questions fell below the threshold: the platform would remove you from this job here.")
        }
    }

    /// Refuses a test whose items all need drawing when no answers file gives them.
    static func requireAnswerable(_ assessment: Assessment, sheet: AnswerSheet?) throws {
        let drawn = assessment.items.filter { ItemPrompt.needsDrawing($0.kind) && sheet?.responses[$0.id] == nil }
        guard !drawn.isEmpty else { return }
        if drawn.count == assessment.items.count {
            throw CommandError(
                "every item of \(assessment.title) is drawn (\(Set(drawn.map(\.kind.rawValue)).sorted().joined(separator: ", "))), "
                    + "which the terminal cannot do; the web app (coming) is where they are answered — meanwhile write your answers "
                    + "in a JSON file (docs/grading.md) and run 'groundwork take \(assessment.id) --answers FILE'")
        }
        print("Note: \(drawn.count) item(s) need drawing and will count as unanswered unless you pass --answers FILE.\n")
    }

    /// In a terminal, the clock starts only when the learner has read the instructions.
    static func readyToStart() -> Bool {
        guard Terminal.isInteractive else { return true }
        print("Press Enter to start (the clock starts then), or type :q to leave: ", terminator: "")
        fflush(nil)
        guard let line = readLine() else { return false }
        return line.trimmingCharacters(in: .whitespaces) != ":q"
    }

    private func showIntroduction(_ assessment: Assessment) {
        let renderer = Terminal.renderer()
        if !assessment.instructions.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("# ") {
            print(renderer.style.apply([.bold], to: TerminalStyle.sanitize(assessment.title)))
        }
        print(renderer.style.apply([.dim], to: TerminalStyle.sanitize(Assessments.rules(assessment))))
        print(
            renderer.render(MarkdownDocument(source: SourceFile(path: assessment.assessmentPath, text: assessment.instructions))),
            terminator: "")
        print(
            "Pass mark \(SummaryTable.percent(assessment.passMark))"
                + (assessment.timeLimitMinutes.map { "; \(Assessments.minutes($0)) to finish" } ?? "") + ".")
    }
}

/// An item's result right after it is answered, as quiz mode shows it.
enum ItemFeedback {
    static func text(_ result: ItemResult, renderer: TerminalRenderer) -> String {
        let style = renderer.style
        let verdict: String
        switch result.verdict {
        case .correct: verdict = style.apply([.green], to: "✓ Correct.")
        case .partial: verdict = style.apply([.yellow], to: "◐ Partly right (\(SummaryTable.percent(result.score))).")
        case .incorrect: verdict = style.apply([.red], to: "✗ Not right.")
        case .unanswered: verdict = style.apply([.red], to: "✗ Unanswered.")
        }
        let explanation = ReportRenderer(width: renderer.width, lessonText: LessonLink.command).explanation(result, indent: "  ")
            .map(TerminalStyle.sanitize)
        return ([verdict] + explanation).joined(separator: "\n")
    }
}

/// A lesson link from an item (`../../Content/annotation-types/intent.md#slot-filling`) as a
/// learner can use it at the terminal: `groundwork read intent  (section: slot-filling)`.
/// Lesson ids default to file names, so the file name is the id to read.
enum LessonLink {
    static func command(_ link: String) -> String {
        let parts = link.split(separator: "#", maxSplits: 1).map(String.init)
        guard let file = parts.first, file.hasSuffix(".md"), !file.contains("://") else { return link }
        let id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return "groundwork read \(id)" + (parts.count > 1 ? " § \(parts[1])" : "")
    }
}

/// Ctrl-C during a test: every answer is already saved, so say how to resume and leave.
enum SaveOnInterrupt {
    nonisolated(unsafe) private static var message: [UInt8] = []

    static func install(assessmentID: String) {
        message = Array("\nSaved. Run 'groundwork take \(assessmentID)' to continue where you stopped.\n".utf8)
        signal(SIGINT) { _ in
            SaveOnInterrupt.message.withUnsafeBufferPointer { buffer in _ = write(STDOUT_FILENO, buffer.baseAddress, buffer.count) }
            _exit(130)
        }
        // A parent may have started us with SIGINT blocked (the mask is inherited); Ctrl-C must work.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }
}

/// Durations and moments in words a learner reads at a glance.
enum TimeText {
    /// "14:05" (minutes:seconds), or "1:02:03" past an hour.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.down))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    /// "3 min", "2 h 5 min", "4 days 3 h".
    static func duration(_ seconds: Double) -> String {
        let minutes = Int((seconds / 60).rounded())
        if minutes < 1 { return "\(Int(seconds.rounded())) s" }
        if minutes < 60 { return "\(minutes) min" }
        if minutes < 1440 { return "\(minutes / 60) h \(minutes % 60) min" }
        return "\(minutes / 1440) day\(minutes / 1440 == 1 ? "" : "s") \(minutes % 1440 / 60) h"
    }

    /// A moment in local time, "2026-11-30 14:05".
    static func moment(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
