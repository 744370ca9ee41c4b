import Foundation
import Testing

/// `take`, `report` and `history` end to end, answers typed on standard input.
extension CommandLineTests {
    static let assessments = fixtures.appendingPathComponent("Assessments").path

    func take(_ id: String, _ lines: [String], _ extra: [String] = [], environment: [String: String] = [:]) throws -> Run {
        try run(
            ["take", id, "--assessments", Self.assessments, "--seed", "1"] + extra, input: lines.map { $0 + "\n" }.joined(),
            environment: environment)
    }

    @Test func aQuizModeTestExplainsEachAnswerAndSavesTheAttempt() throws {
        let result = try take("quiz", ["2", "blue", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Item 1 of 3 · 9:59 left") || result.stdout.contains("Item 1 of 3 · 10:00 left"))
        #expect(
            result.stdout.contains("✗ Not right.\n  - You chose 'green'; the answer is 'blue'.\n  Why: Scattered sunlight makes it blue."))
        #expect(result.stdout.contains("Lesson: groundwork read labels\n"))
        #expect(result.stdout.contains("Score: 33.3% — NOT PASSED (pass mark 60%)"))
        #expect(result.stdout.contains("Attempt 1 (#1) is saved."))
        #expect(result.stdout.contains("Retake allowed from"))
        let report = try run(["report", "--assessments", Self.assessments])
        #expect(report.stdout.contains("Attempt 1 (#1), "))
        #expect(report.stdout.contains("Score: 33.3% — NOT PASSED"))
        #expect(report.stdout.contains("  Item 1 of 3      0%  incorrect · 0 s  [sky, single-choice]"))
        let history = try run(["history", "quiz", "--assessments", Self.assessments])
        #expect(history.stdout.contains("quiz  Colour quiz  (pass mark 60%)\n  1 attempt; best 33% not passed; latest 33% not passed  ▃"))
        #expect(history.stdout.contains("    attempt 1 (#1)    "))
    }

    @Test func aRetakeDelayHoldsAcrossRunsOfTheProgram() throws {
        let start = ["GROUNDWORK_NOW": "2026-03-01T10:00:00Z"]
        #expect(try take("quiz", ["1", "1", "1"], environment: start).status == 0)
        let tooSoon = try take("quiz", ["1"], environment: ["GROUNDWORK_NOW": "2026-03-01T10:30:00Z"])
        #expect(tooSoon.status == 2)
        #expect(tooSoon.stderr.contains("Colour quiz may be retaken from 2026-03-01"))
        #expect(tooSoon.stderr.contains("(retake delay 1 h)"))
        let later = try take("quiz", ["1", "2", "3"], environment: ["GROUNDWORK_NOW": "2026-03-01T11:00:01Z"])
        #expect(later.status == 0)
        #expect(later.stdout.contains("Score: 100% — PASSED"))
        let history = try run(["history", "--assessments", Self.assessments])
        #expect(history.stdout.contains("2 attempts; best 100% passed; latest 100% passed  ▃█"))
    }

    @Test func leavingSavesEveryAnswerAndTakeResumesAtTheNextItem() throws {
        let first = try take("quiz", ["1", ":q"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("Saved 1 answer(s). Run 'groundwork take quiz' to continue."))
        let report = try run(["report", "--assessments", Self.assessments])
        #expect(report.stdout.contains("is in progress: 1 of 3 items answered"))
        #expect(!report.stdout.contains("green"), "an unfinished attempt shows no answers")
        let json = try run(["report", "--assessments", Self.assessments, "--format", "json"])
        let progress = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(progress["status"] as? String == "in_progress")
        #expect(progress["answered"] as? Int == 1 && progress["items"] as? Int == 3)
        #expect(progress["continueWith"] as? String == "groundwork take quiz")
        #expect(!json.stdout.contains("green") && !json.stdout.contains("gold"))
        let second = try take("quiz", ["2", "3"])
        #expect(second.stdout.contains("Resuming attempt 1 (#1) at Colour quiz: 1 answer(s) kept"))
        #expect(second.stdout.contains("Item 2 of 3"))
        #expect(!second.stdout.contains("\nItem 1 of 3 ·"))
        #expect(second.stdout.contains("Score: 100% — PASSED"))
    }

    /// A `take quiz` left running, fed `answers`, once it shows `waitingFor`.
    func interruptedTake(
        answers: String, waitingFor text: String
    ) throws -> (process: Process, output: String, rest: FileHandle, input: FileHandle, errors: FileHandle) {
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = ["take", "quiz", "--assessments", Self.assessments, "--seed", "1"]
        var environment = ProcessInfo.processInfo.environment
        environment["GROUNDWORK_DATA"] = dataDirectory
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(answers.utf8))
        var seen = ""
        let deadline = Date().addingTimeInterval(30)
        while !seen.contains(text), Date() < deadline {
            seen += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(seen.contains(text))
        return (process, seen, output.fileHandleForReading, input.fileHandleForWriting, errors.fileHandleForReading)
    }

    @Test func aKilledTakeResumesWithEveryGivenAnswer() throws {
        let running = try interruptedTake(answers: "1\n2\n", waitingFor: "Item 3 of 3")
        kill(running.process.processIdentifier, SIGKILL)
        running.process.waitUntilExit()
        #expect(running.process.terminationReason == .uncaughtSignal)
        let resumed = try take("quiz", ["3"])
        #expect(resumed.stdout.contains("Resuming attempt 1 (#1) at Colour quiz: 2 answer(s) kept"))
        #expect(resumed.stdout.contains("Score: 100% — PASSED"))
    }

    @Test func workModeExplainsMissedGoldOnlyAndRemovesBelowTheThreshold() throws {
        let result = try take("work", ["spam", "spam", "spam", "ok"])
        #expect(result.status == 0, "\(result.stderr)")
        // w1 is an ordinary row (wrong, silent); g1 is gold (wrong, explained).
        #expect(result.stdout.components(separatedBy: "✗ Not right.").count == 3)
        #expect(result.stdout.contains("Item 3 of 5 · accuracy on test questions 0% (1)"))
        #expect(result.stdout.contains("Your accuracy on hidden test questions fell below the threshold"))
        #expect(result.stdout.contains("Removed: your accuracy on hidden test questions fell to 0% after 2 of them, below 70%."))
        #expect(!result.stdout.contains("\nItem 5 of 5\n"))
        let report = try run(["report", "--assessments", Self.assessments])
        #expect(report.stdout.contains("removed by work-mode accuracy"))
        #expect(report.stdout.contains("(ordinary row, not scored)"))
    }

    @Test func everyTypedKindIsAnsweredAtThePrompt() throws {
        let answers = [
            "1,3", "4", "two", "4 wheels", "nonsense", "3-4 ORG; 6 LOC", "hello world", "dog bark 1-2", "2 1", "A", "5", "1",
            "B names the wrong capital city.",
        ]
        let result = try take("typed", answers, environment: ["GROUNDWORK_NO_AUDIO": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Ana[1] joined[2] Acme[3] Corp[4] in[5] Paris[6] .[7]"))
        #expect(result.stdout.contains("Write each entity as tokens then label, e.g. 3-4 ORG; separate entities with ';'."))
        #expect(result.stdout.contains("Audio: ") && result.stdout.contains("typed/silence.wav"))
        #expect(result.stdout.contains("Score: 88.9% — PASSED"))
        #expect(result.stdout.contains("  Item 8 of 9      0%  incorrect · 0 s  [order, ranking]"))
        #expect(result.stdout.contains("  Item 5 of 9    100%  correct · 0 s  [ner, spans]"))
    }

    @Test func drawnItemsNeedAnAnswersFileAndSayWhereTheyWillBeAnswered() throws {
        let refused = try take("boxes", [])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("every item of Boxes only is drawn (boxes)"))
        #expect(refused.stderr.contains("--answers FILE"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gw-answers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.json").path
        try Data(#"{"assessment": "boxes", "answers": {"b1": [{"label": "car", "x": 10, "y": 10, "width": 50, "height": 30}]}}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        let taken = try take("boxes", [], ["--answers", file])
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(taken.stdout.contains("Item b1 answered from \(file)."))
        #expect(taken.stdout.contains("Score: 100% — PASSED"))
    }

    @Test func aScoreOnlyTestKeepsItsAnswersHiddenInTheReport() throws {
        let result = try take("silent", ["2", "1"])
        #expect(result.stdout.contains("Score: 50% — PASSED"))
        #expect(result.stdout.contains("This test shows your score, patterns and each item's verdict only"))
        #expect(!result.stdout.contains("Arithmetic"))
        let report = try run(["report", "--format", "json", "--assessments", Self.assessments])
        #expect(!report.stdout.contains("Arithmetic"))
        #expect(report.stdout.contains("\"disclosure\" : \"aggregate\""))
        #expect(!report.stdout.contains("\"gold\"") && !report.stdout.contains("\"response\""))
    }

    @Test func aDamagedGradebookStopsTakeAndIsLeftUntouched() throws {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let file = dataDirectory + "/gradebook.sqlite"
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try garbage.write(to: URL(fileURLWithPath: file))
        let result = try take("quiz", ["1", "1", "1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is damaged"))
        #expect(result.stderr.contains("left untouched"))
        #expect(FileManager.default.contents(atPath: file) == garbage)
    }

    @Test func wrongShapedInputIsAskedAgainWithAClearMessage() throws {
        let result = try take("quiz", ["7", "purple", "1", "2", "3"])
        #expect(
            result.stdout.contains(
                "'7' is not one of the choices; type its number (1–3). (:help lists the commands)"))
        #expect(result.stdout.contains("'purple' is not one of the choices"))
        #expect(result.stdout.contains("Score: 100% — PASSED"))
    }

    @Test func assessmentsAndHomeShowYourResultsAndWhatToTakeNext() throws {
        #expect(try take("quiz", ["2", "2", "3"]).status == 0)
        let list = try run(["assessments", "--assessments", Self.assessments])
        #expect(list.stdout.contains("You: 1 attempt, best 67% passed. Retake allowed from"))
        #expect(list.stdout.contains("exam mode; reasons at the end; 2 attempts"))
        let home = try run(["--content", Self.course, "--assessments", Self.assessments])
        #expect(home.stdout.contains("Practice tests: 1 of 7 passed, 1 attempted."))
        #expect(home.stdout.contains("Next test: "))
    }

    /// A returning learner most likely came back for the test left open: it comes first.
    @Test func homeShowsTestsInProgressBeforeTheCourse() throws {
        #expect(try take("quiz", ["2", ":q"]).status == 0)
        let home = try run(["--content", Self.course, "--assessments", Self.assessments])
        let open = try #require(home.stdout.range(of: "In progress:\n  Colour quiz (exam, started "))
        let modules = try #require(home.stdout.range(of: "  1. Basics"))
        #expect(open.lowerBound < modules.lowerBound)
        #expect(home.stdout.contains(")\n    groundwork take quiz\n"))
    }
}

extension CommandLineTests {
    @Test func readShowsLinksToLessonsAndTestsAsTheCommandsThatOpenThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gw-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "Content/SUMMARY.md": "# Links\n\n- [One](basics/one.md)\n- [Two](basics/two.md)\n",
            "Content/basics/one.md":
                "# One\n\nRead [two](two.md#second-part), then take the [quiz](../../Assessments/quiz/assessment.md).\n",
            "Content/basics/two.md": "# Two\n\n## Second part\n\nText.\n",
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let result = try run(["read", "one", "--content", folder.appendingPathComponent("Content").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Read two <groundwork read two § second-part>, then take the\nquiz <groundwork take quiz>."))
    }
}

extension CommandLineTests {
    @Test func ctrlCSaysHowToResumeAndKeepsTheAnswers() throws {
        let running = try interruptedTake(answers: "1\n", waitingFor: "Item 2 of 3")
        running.process.interrupt()
        running.process.waitUntilExit()
        let seen = running.output + String(decoding: running.rest.readDataToEndOfFile(), as: UTF8.self)
        #expect(running.process.terminationStatus == 130)
        #expect(seen.contains("Saved. Run 'groundwork take quiz' to continue where you stopped."))
        let resumed = try take("quiz", ["2", "3"])
        #expect(resumed.stdout.contains("Resuming attempt 1 (#1) at Colour quiz: 1 answer(s) kept"))
    }
}

extension CommandLineTests {
    @Test func anAbandonedAttemptKeepsItsAnswersAndCountsAsAnAttempt() throws {
        _ = try take("typed", ["1,3", ":q"])
        let abandoned = try take("typed", [], ["--abandon"])
        #expect(abandoned.status == 0)
        #expect(abandoned.stdout.contains("Attempt 1 (#1) at Every typed kind closed as abandoned; its answers are kept."))
        let report = try run(["report", "1", "--assessments", Self.assessments])
        #expect(report.stdout.contains("was abandoned without a result"))
        let list = try run(["assessments", "--assessments", Self.assessments])
        #expect(list.stdout.contains("You: 1 attempt. You may take it now"))
        let nothing = try take("typed", [], ["--abandon"])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("no attempt at 'typed' is in progress"))
    }
}

extension CommandLineTests {
    @Test func aSecondTakeIsRefusedUntilItTakesOverAndThenTheFirstCanSaveNoMore() throws {
        let first = try interruptedTake(answers: "1\n", waitingFor: "Item 2 of 3")
        defer { first.process.terminate() }
        let history = try run(["history", "quiz", "--assessments", Self.assessments])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains("An attempt is in progress"))
        let refused = try take("quiz", ["2", "3"])
        #expect(refused.status == 2)
        #expect(
            refused.stderr.contains(
                "groundwork: attempt #1 at Colour quiz is open in another terminal (process \(first.process.processIdentifier) on "))
        #expect(refused.stderr.contains("run 'groundwork take quiz --take-over' to continue it here"))
        let takenOver = try take("quiz", ["2"], ["--take-over"])
        #expect(takenOver.status == 0, "\(takenOver.stderr)")
        #expect(takenOver.stdout.contains("Resuming attempt 1 (#1) at Colour quiz: 1 answer(s) kept"))
        #expect(takenOver.stdout.contains("Item 2 of 3"))
        first.input.write(Data("2\n".utf8))
        first.process.waitUntilExit()
        #expect(first.process.terminationStatus == 2)
        let stderr = String(decoding: first.errors.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("groundwork: this answer was not saved: attempt #1 moved to another terminal"))
        #expect(stderr.contains("the 1 answer(s) given before are kept"))
        let resumed = try take("quiz", ["3"])
        #expect(resumed.stdout.contains("Resuming attempt 1 (#1) at Colour quiz: 2 answer(s) kept"))
        #expect(resumed.stdout.contains("Score: 100% — PASSED"))
    }

    @Test func historyOfAnUnknownAssessmentSuggestsTheClosestId() throws {
        let result = try run(["history", "quz", "--assessments", Self.assessments])
        #expect(result.status == 2)
        #expect(result.stderr == "groundwork: no assessment 'quz'; did you mean 'quiz'?\n")
    }
}
