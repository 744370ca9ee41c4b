import Courseware
import Foundation
import Gradebook
import Grading

/// One sitting at a test in the terminal, for `take` (a simulated exam) and `practice`: opens
/// or resumes the attempt of that purpose, asks every remaining item with every answer saved
/// the moment it is given, and prints the report. The rules come from
/// ``Grading/Assessment/running(as:)``, so the two commands differ only in what they say.
struct Sitting {
    let assessment: Assessment
    let book: LearnerBook
    let purpose: AttemptPurpose
    let sheet: AnswerSheet?
    /// The answers file as the learner named it, for messages.
    let answersPath: String?
    let seed: UInt64?
    let abandon: Bool
    let takeOver: Bool

    /// `groundwork take ID`, `groundwork practice ID` or `groundwork practice ID --generated`:
    /// what continues this sitting.
    var command: String {
        if let source = GeneratedPractice.sourceID(of: assessment.id) { return "groundwork practice \(source) --generated" }
        return "groundwork \(purpose == .exam ? "take" : "practice") \(assessment.id)"
    }

    /// The test's own id, also for a practice at its generated items.
    private var testID: String { GeneratedPractice.sourceID(of: assessment.id) ?? assessment.id }

    func run() throws {
        let holder = AttemptHolder.terminal(pid: getpid())
        guard var attempt = try openAttempt(holder: holder) else { return }
        SaveOnInterrupt.install(command: command)
        let renderer = Terminal.renderer()
        guard try ask(&attempt, renderer: renderer) else {
            print("\nSaved \(attempt.session.given.count) answer(s). Run '\(command)' to continue.")
            return
        }
        var result = try attempt.finish()
        let rules = attempt.session.assessment
        let toGrade = result.released(for: rules.policy, stage: .finished).items
        result = try SelfGrading.run(&attempt, results: toGrade, renderer: renderer) ?? result
        print()
        let report = ReportRenderer(width: Terminal.width, lessonText: LessonLink.command)
            .render(result.released(for: rules.policy, stage: .finished))
        print(TerminalStyle.sanitize(report), terminator: "")
        switch purpose {
        case .exam:
            print(
                renderer.wrap(
                    "\n\(try AttemptName.of(attempt.record, in: book, capitalized: true)) is saved. 'groundwork report \(attempt.id)' shows it again; "
                        + "'groundwork history' shows your progress."
                ))
            if case .refused(.wait(let until)) = try book.eligibility(for: assessment) {
                print("Retake allowed from \(TimeText.moment(until)).")
            }
        case .practice:
            print(
                renderer.wrap(
                    "\n\(try AttemptName.of(attempt.record, in: book, capitalized: true)) is saved apart from your exam attempts. '\(command)' again draws afresh; "
                        + "'groundwork take \(testID)' is the exam under the platform's rules."))
        }
    }

    /// Resumes the attempt in progress or starts a new one, as the policy and the record
    /// allow; nil when there is nothing to take (abandoned, or the learner left at the start).
    /// Another taker can finish the attempt found in progress before this one claims it; the
    /// decision is then made again on what the gradebook holds now.
    private func openAttempt(holder: String) throws -> RecordedAttempt? {
        for _ in 1..<3 {
            do { return try decideAttempt(holder: holder) } catch GradebookError.attemptFinished { continue }
        }
        return try decideAttempt(holder: holder)
    }

    private func decideAttempt(holder: String) throws -> RecordedAttempt? {
        switch try book.eligibility(for: assessment, purpose: purpose) {
        case .resume(let record):
            return try resume(record, holder: holder)
        case .start:
            guard !abandon else { throw CommandError("no attempt at '\(assessment.id)' is in progress") }
            try requireAnswerable(assessment.items)
            showIntroduction()
            guard try confirmStart() else {
                print("\nNothing was started; '\(command)' when you are ready.")
                return nil
            }
            // Decided again where it is acted on: another taker may have started meanwhile.
            let seed = seed ?? UInt64.random(in: 0...UInt64(Int64.max))
            switch try book.begin(assessment, seed: seed, holder: holder, purpose: purpose) {
            case .started(let record): return try RecordedAttempt.load(record, of: assessment, in: book, holder: holder)
            case .resume(let record): return try resume(record, holder: holder)
            case .refused(let refusal): throw CommandError(message(refusal))
            }
        case .refused(let refusal):
            throw CommandError(message(refusal))
        }
    }

    /// Continues (or, with --abandon, closes) the attempt in progress, unless another taker
    /// holds it; the rules are shown again, and an answers file answers the items still to come.
    private func resume(_ record: Attempt, holder: String) throws -> RecordedAttempt? {
        let id = record.id ?? 0
        do {
            if abandon {
                try book.claim(attemptID: id, holder: holder, takingOver: takeOver)
                try book.finishAttempt(id, holder: holder, status: .abandoned, score: nil, passed: nil, resultJSON: nil)
                print(
                    "\(try AttemptName.of(record, in: book, capitalized: true)) at \(TerminalStyle.sanitize(assessment.title)) "
                        + "closed as abandoned; its answers are kept.")
                return nil
            }
            let answered = Set(try book.answers(attemptID: id).map(\.itemID))
            let remaining = record.itemIDs.filter { !answered.contains($0) }.compactMap(assessment.item)
            try requireAnswerable(remaining)
            let attempt = try RecordedAttempt.resume(record, of: assessment, in: book, holder: holder, takingOver: takeOver)
            let renderer = Terminal.renderer()
            let gap = attempt.resumptions.last?.gap ?? 0
            let away = purpose == .exam ? ", which does not count against the time limit" : ""
            print(
                renderer.wrap(
                    "Resuming \(try AttemptName.of(attempt.record, in: book)) at \(TerminalStyle.sanitize(assessment.title)): "
                        + "\(attempt.session.given.count) answer(s) kept; away \(TimeText.duration(gap))\(away)."))
            print(renderer.style.apply([.dim], to: renderer.wrap("Rules: " + attempt.session.assessment.rulesSummary)))
            if let sheet {
                let used = Set(remaining.map(\.id))
                let unused = sheet.responses.keys.filter { !used.contains($0) }.sorted()
                if !unused.isEmpty {
                    print(
                        renderer.wrap(
                            "Note: \(answersPath ?? "the answers file") also answers \(unused.joined(separator: ", ")), "
                                + "already answered in this attempt; those answers are not used."))
                }
            }
            print()
            return attempt
        } catch GradebookError.heldElsewhere(_, let other, let since) {
            throw CommandError(
                "attempt #\(id) at \(assessment.title) is open in \(GradebookMessage.place(other)) since \(TimeText.moment(since)); "
                    + "finish it there, or run '\(command) --take-over' to continue it here (the other one "
                    + "then saves no more answers)")
        } catch let error as RecordedAttemptError {
            throw CommandError("\(error) — run '\(command) --abandon' to close it and start afresh")
        }
    }

    /// Why no exam may start now, what the learner can do, and that practice is always open.
    private func message(_ refusal: Refusal) -> String {
        let practice = "; meanwhile 'groundwork practice \(assessment.id)' practises it with nothing at stake"
        switch refusal {
        case .wait(let until):
            let delay = Assessments.minutes(assessment.policy.retakeDelayMinutes ?? 0)
            return "\(assessment.title) may be retaken from \(TimeText.moment(until)) (retake delay \(delay))\(practice)"
        case .noAttemptsLeft(let used):
            return "every allowed attempt at \(assessment.title) was used (\(used)); 'groundwork report' shows your results\(practice)"
        case .needsPrerequisites(let missing):
            return
                "\(assessment.title) needs a passed attempt at \(missing.joined(separator: ", ")) first; start with "
                + "'groundwork take \(missing[0])'\(practice)"
        }
    }

    /// Asks every remaining item; false when the learner left before the end. Where the test
    /// lets the learner go back, the attempt ends only when they submit: once every item has
    /// an answer, the review list asks which to revisit.
    ///
    /// - Throws: ``CommandError`` when an answer cannot be saved (exit status 2).
    private func ask(_ attempt: inout RecordedAttempt, renderer: TerminalRenderer) throws -> Bool {
        let rules = attempt.session.assessment
        while true {
            attempt.checkTime()
            guard let item = attempt.session.current else {
                guard attempt.session.ending == nil else { break }
                switch try review(&attempt, renderer: renderer, askNext: true) {
                case .leave: return false
                case .submit: return true
                case .back, .flag, .review, .go, .answer: continue
                }
            }
            print(header(attempt))
            let reply: ItemPrompt.Reply
            let revisited = attempt.session.allowsGoingBack && attempt.session.given.contains { $0.itemID == item.id }
            if let response = sheet?.responses[item.id], !revisited {
                print("Item \(item.id) answered from \(answersPath ?? "the answers file").")
                reply = .answer(response)
            } else {
                if attempt.session.allowsGoingBack, let now = attempt.session.countedResponses[item.id] {
                    print(
                        renderer.wrap(
                            "Your answer now: \(TerminalStyle.sanitize(now.map { AnswerText.describe($0, task: item.content.task) } ?? "skipped")) — type a new one to change it."
                        ))
                }
                reply = ItemPrompt(
                    item: LearnerItem(item), folder: rules.folder, options: options(item, attempt.session.plan), renderer: renderer,
                    guide: rules.instructions, canGoBack: attempt.session.allowsGoingBack
                ).ask()
            }
            switch reply {
            case .answer(let response):
                let outcome = try save(response, in: &attempt)
                show(outcome, renderer: renderer)
                if case .result(let released) = outcome.feedback {
                    try SelfGrading.run(&attempt, results: [released], renderer: renderer)
                }
            case .leave: return false
            case .flag:
                let on = !attempt.flagged.contains(item.id)
                try saveFlag(item.id, on, in: &attempt)
                print(on ? "Item \(attempt.session.position.number) is flagged; :review lists it before you submit." : "Flag removed.")
            case .back:
                let number = attempt.session.position.number
                if number > 1 { attempt.go(to: attempt.session.items[number - 2].id) } else { print("This is the first item.") }
            case .go(let number):
                go(to: number, in: &attempt)
            case .review:
                switch try review(&attempt, renderer: renderer, askNext: false) {
                case .leave: return false
                case .submit: return true
                default: continue
                }
            case .submit:
                if try confirmSubmit(attempt, renderer: renderer) { return true }
            }
        }
        return true
    }

    /// Writes one answer, saying plainly what was kept when it cannot be.
    private func save(_ response: ItemResponse?, in attempt: inout RecordedAttempt) throws -> AttemptSession.Outcome {
        do {
            return try attempt.answer(response)
        } catch GradebookError.heldElsewhere(_, let other, let since) {
            throw CommandError(
                "this answer was not saved: attempt #\(attempt.id) moved to \(GradebookMessage.place(other)) at "
                    + "\(TimeText.moment(since)), where it continues; the \(attempt.session.given.count) answer(s) given before are kept"
            )
        } catch let error as GradebookError {
            throw CommandError(
                "this answer was not saved (\(GradebookMessage.text(error))); the \(attempt.session.given.count) answer(s) "
                    + "given before are kept, and '\(command)' continues from there")
        }
    }

    private func saveFlag(_ itemID: String, _ on: Bool, in attempt: inout RecordedAttempt) throws {
        do {
            try attempt.flag(itemID, on)
        } catch let error as GradebookError {
            throw CommandError("the flag was not saved (\(GradebookMessage.text(error))); '\(command)' continues from here")
        }
    }

    private func go(to number: Int, in attempt: inout RecordedAttempt) {
        let items = attempt.session.items
        guard (1...items.count).contains(number) else {
            print("There is no item \(number); the items are 1 to \(items.count).")
            return
        }
        attempt.go(to: items[number - 1].id)
    }

    /// The review list: every item's number, state and first words, then the learner's choice
    /// (an item's number, `:submit`, `:q`). `askNext` is the end of a pass through the items,
    /// where Enter alone submits nothing: the list is asked again.
    private func review(_ attempt: inout RecordedAttempt, renderer: TerminalRenderer, askNext: Bool) throws -> ItemPrompt.Reply {
        let session = attempt.session
        print(
            "\n"
                + renderer.style.apply(
                    [.bold], to: "Review before you submit" + (attempt.secondsLeft.map { " · \(TimeText.clock($0)) left" } ?? "")))
        for (offset, item) in session.items.enumerated() {
            let state = session.answerState(of: item.id).rawValue.replacingOccurrences(of: "-", with: " ")
            let flag = attempt.flagged.contains(item.id) ? " ⚑" : "  "
            let head = String(format: "%3d", offset + 1) + flag + " " + state.padding(toLength: 13, withPad: " ", startingAt: 0)
            let line = LearnerItem(item).promptSummary(limit: max(10, renderer.width - head.count - 1))
            print(head + " " + TerminalStyle.sanitize(line))
        }
        let open = session.withoutAnswer
        while true {
            print(
                TerminalStyle.sanitize(
                    renderer.wrap(
                        "Type an item's number to go back to it, :submit to hand the test in\(open > 0 ? " (\(open) without an answer)" : ""), or :q to leave it open: "
                    )),
                terminator: "")
            fflush(nil)
            guard let line = readLine() else {
                print()
                return .leave
            }
            let typed = line.trimmingCharacters(in: .whitespaces)
            switch typed {
            case ":q", ":quit": return .leave
            case ":submit":
                if try confirmSubmit(attempt, renderer: renderer) { return .submit }
                continue
            case "" where !askNext: return .review
            default: break
            }
            if let number = Int(typed.hasPrefix(":go") ? String(typed.dropFirst(3)).trimmingCharacters(in: .whitespaces) : typed),
                (1...session.items.count).contains(number)
            {
                go(to: number, in: &attempt)
                return .go(number)
            }
            print("Type a number from 1 to \(session.items.count), :submit or :q.")
        }
    }

    /// Asks before submitting with items not answered (they count as unanswered); piped
    /// input (scripts, tests) submits at once.
    private func confirmSubmit(_ attempt: RecordedAttempt, renderer: TerminalRenderer) throws -> Bool {
        let open = attempt.session.withoutAnswer
        guard open > 0, Terminal.isInteractive else { return true }
        print(
            renderer.wrap(
                "\(open) item\(open == 1 ? " has" : "s have") no answer and will count as unanswered. Submit now? Type y to submit: "),
            terminator: "")
        fflush(nil)
        guard let line = readLine() else { return false }
        return ["y", "yes"].contains(line.trimmingCharacters(in: .whitespaces).lowercased())
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
        if let item = attempt.session.current, attempt.flagged.contains(item.id) { parts.append("⚑ flagged") }
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
                renderer.wrap(
                    "Not quite — try again (\(triesLeft) tr\(triesLeft == 1 ? "y" : "ies") left).\(hint.map { " Hint: \($0)" } ?? "")"))
        case .result(let result):
            print("\n" + ItemFeedback.text(result, renderer: renderer))
        }
        if outcome.ending == .removed {
            print(
                renderer.wrap(
                    "Your accuracy on hidden test questions fell below the threshold: the platform would remove you from this job here."))
        }
    }

    /// Refuses `items` that need drawing when no answers file gives them: the terminal cannot
    /// draw, and counting them as unanswered would spend an attempt on a test the learner
    /// could not take here.
    private func requireAnswerable(_ items: [Item]) throws {
        let drawn = items.filter { ItemPrompt.needsDrawing($0.kind) && sheet?.responses[$0.id] == nil }
        guard !drawn.isEmpty else { return }
        let kinds = Set(drawn.map(\.kind.rawValue)).sorted().joined(separator: ", ")
        let which =
            drawn.count == assessment.items.count
            ? "every item of \(assessment.title) is drawn (\(kinds))"
            : "\(assessment.title) has \(drawn.count) item(s) to draw (\(kinds): \(drawn.map(\.id).joined(separator: ", ")))"
        throw CommandError(
            "\(which), which the terminal cannot do; take it in the web app ('groundwork serve'), or write those answers in a "
                + "JSON file (docs/grading.md) and run '\(command) --answers FILE'")
    }

    /// On a terminal, what is at stake and a confirmation before the clock starts; piped
    /// input (scripts, tests) starts at once.
    private func confirmStart() throws -> Bool {
        let renderer = Terminal.renderer()
        switch purpose {
        case .exam:
            let used = try book.attemptCount(assessmentID: assessment.id, purpose: .exam)
            print("\n" + renderer.style.apply([.bold], to: renderer.wrap(assessment.stakes(attemptsUsed: used))))
            print(renderer.wrap("To practise first with nothing at stake: groundwork practice \(assessment.id)"))
            guard Terminal.isInteractive else { return true }
            print("Start the exam now? Type y to start the clock, anything else to leave: ", terminator: "")
            fflush(nil)
            guard let line = readLine() else { return false }
            return ["y", "yes"].contains(line.trimmingCharacters(in: .whitespaces).lowercased())
        case .practice:
            print(
                "\n"
                    + renderer.wrap(
                        "Practice: untimed, feedback after each answer, and it never counts against the test's attempts or retake delay."
                    ))
            guard Terminal.isInteractive else { return true }
            print("Press Enter to start, or type :q to leave: ", terminator: "")
            fflush(nil)
            guard let line = readLine() else { return false }
            return line.trimmingCharacters(in: .whitespaces) != ":q"
        }
    }

    private func showIntroduction() {
        let renderer = Terminal.renderer()
        let rules = assessment.running(as: purpose)
        if !rules.instructions.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("# ") {
            print(renderer.style.apply([.bold], to: TerminalStyle.sanitize(rules.title)))
        }
        print(renderer.style.apply([.dim], to: renderer.wrap(rules.rulesSummary)))
        print(
            renderer.render(MarkdownDocument(source: SourceFile(path: rules.assessmentPath, text: rules.instructions))),
            terminator: "")
        print(
            "Pass mark \(SummaryTable.percent(rules.passMark))"
                + (rules.timeLimitMinutes.map { "; \(Assessments.minutes($0)) to finish" } ?? "") + ".")
    }
}
