import Foundation
import Testing

/// `practice`, what `take` says is at stake, and the messages a new user met.
extension CommandLineTests {
    func practice(_ id: String, _ lines: [String], environment: [String: String] = [:]) throws -> Run {
        try run(
            ["practice", id, "--assessments", Self.assessments, "--seed", "1"], input: lines.map { $0 + "\n" }.joined(),
            environment: environment)
    }

    @Test func practiceNeverCostsAnExamAttemptAndHistoryShowsItApart() throws {
        let now = ["GROUNDWORK_NOW": "2026-03-01T10:00:00Z"]
        #expect(try take("quiz", ["1", "1", "1"], environment: now).status == 0)
        #expect(try take("quiz", ["1"], environment: now).status == 2, "the exam's retake delay holds")
        for runNumber in 1...2 {
            let run = try practice("quiz", ["1", "green", "3"], environment: now)
            // Numbered among practice runs at this test; #id is the gradebook's, what `report` takes.
            #expect(run.stdout.contains("Practice \(runNumber) (#\(runNumber + 1)) is saved apart from your exam attempts"))
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("Practice: untimed, feedback after each answer"))
            #expect(run.stdout.contains("\nItem 1 of 3\n"), "practice is untimed")
            #expect(run.stdout.contains("✓ Correct."))
            #expect(run.stdout.contains("Colour quiz (practice)"))
            #expect(run.stdout.contains("is saved apart from your exam attempts"))
        }
        let history = try run(["history", "quiz", "--assessments", Self.assessments], environment: now)
        #expect(history.stdout.contains("  1 attempt; best 33% not passed"))
        #expect(history.stdout.contains("  Practice: 2 runs; best 100% passed; latest 100% passed  ██"))
        #expect(history.stdout.contains("    attempt 1 (#1)    2026-03-01"))
        #expect(history.stdout.contains("    practice 1 (#2)   2026-03-01"))
        #expect(history.stdout.contains("    practice 2 (#3)   2026-03-01"))
        let refused = try take("quiz", ["1"], environment: now)
        #expect(refused.stderr.contains("meanwhile 'groundwork practice quiz' practises it with nothing at stake"))
    }

    @Test func takeSaysWhatIsAtStakeBeforeTheClockStarts() throws {
        let result = try take("quiz", ["1", "2", "3"])
        #expect(
            result.stdout.contains(
                "This counts as attempt 1; the next is allowed 1 h after you finish. You have 10\nmin once the clock starts."))
        #expect(result.stdout.contains("To practise first with nothing at stake: groundwork practice quiz"))
    }

    @Test func aReportNumbersItemsAsShownAndShowsTheQuestionAnswerGoldAndTime() throws {
        #expect(
            try take(
                "typed", ["1,3", "4", "two", "4 wheels", "nonsense", "3 ORG", "hello world", "dog bark 1-2", "2 1", "A", "5", "1", "B."],
                environment: ["GROUNDWORK_NO_AUDIO": "1"]
            ).status == 0)
        let report = try run(["report", "--assessments", Self.assessments])
        #expect(report.stdout.contains("Active time: "))
        #expect(report.stdout.contains("  Item 5 of 9 "))
        #expect(report.stdout.contains("[ner, spans]\n      Mark the organisations.\n      “Ana joined Acme Corp in Paris.”\n"))
        #expect(report.stdout.contains("      Your answer: 'Acme' ORG\n      Gold: 'Acme Corp' ORG; 'Paris' LOC\n"))
        let json = try run(["report", "--format", "json", "--assessments", Self.assessments])
        for key in ["\"activeSeconds\"", "\"startedAt\"", "\"secondsSpent\"", "\"number\" : 5", "\"purpose\" : \"exam\"", "\"version\" : 4"]
        {
            #expect(json.stdout.contains(key), "\(key)")
        }
    }

    @Test func aMistypedCommandSuggestsTheClosestOne() throws {
        let result = try run(["raed", "labels"])
        #expect(result.status == 2)
        #expect(result.stderr == "groundwork: 'raed' is not a command (did you mean 'read'?); 'groundwork --help' lists them\n")
    }
}
