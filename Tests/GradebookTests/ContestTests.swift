import Courseware
import Foundation
import Grading
import Testing

@testable import Gradebook

/// A learner contests a gold answer; a mentor decides; past attempts are re-scored.
struct ContestTests {
    static let items = """
        # Three yes/no questions; q2's gold is wrong.
        - id: q1
          kind: single-choice
          prompt: Is it?
          options: [yes, no]
          answer: yes
          reason: It is.

        - id: q2
          kind: single-choice
          prompt: Is it?
          options: [yes, no]
          answer: no   # checked by Dana
          reason: It is not.

        - id: q3
          kind: single-choice
          prompt: Is it?
          options: [yes, no]
          answer: yes
          reason: It is.

        """

    /// An assessment folder on disk (accepting a contest edits its items.yaml).
    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("contest-\(UUID().uuidString)/yes-no").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try "---\ntitle: Yes or no\npass-mark: 75%\npolicy:\n  attempts: unlimited\n---\nGo.\n".write(
            toFile: path + "/assessment.md", atomically: true, encoding: .utf8)
        try Self.items.write(toFile: path + "/items.yaml", atomically: true, encoding: .utf8)
        return path
    }

    /// A finished attempt of `book` answering q1…q3 with `answers`.
    private func take(_ test: Assessment, _ book: LearnerBook, _ answers: [ItemResponse]) throws -> Int64 {
        var attempt = try book.start(test)
        for answer in answers { _ = try attempt.answer(answer) }
        _ = try attempt.finish()
        return attempt.id
    }

    @Test(arguments: TestStore.all) func acceptingAContestRewritesOnlyThatGoldAndReScoresEveryLearnersAttempts(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let path = try folder()
        let test = try AssessmentLoader().loadChecked(folder: path)
        let gradebook = try directory.open(clock: clock.now)
        let ana = gradebook.learner("ana"), ben = gradebook.learner("ben")
        let anaAttempt = try take(test, ana, [yes, yes, yes])
        let benAttempt = try take(test, ben, [yes, no, yes])
        #expect(try ana.attempt(id: anaAttempt)?.passed == false)

        clock.advance(60)
        let contest = try ana.fileContest(attemptID: anaAttempt, itemID: "q2", reason: "The picture plainly shows it.", proposed: yes.json)
        #expect(contest.status == .open && contest.proposedJSON == "\"yes\"")
        #expect(throws: ContestError("you already contested item 'q2' (contest #1); a mentor will answer it")) {
            try ana.fileContest(attemptID: anaAttempt, itemID: "q2", reason: "Again.", proposed: yes.json)
        }
        #expect(try gradebook.contests(status: .open).map(\.id) == [contest.id])

        clock.advance(3600)
        let done = try ContestDesk(gradebook: gradebook).accept(
            try #require(contest.id), folder: path, gold: nil, reply: "Right, thank you.")
        let edited = try String(contentsOfFile: path + "/items.yaml", encoding: .utf8)
        #expect(edited == Self.items.replacingOccurrences(of: "  answer: no   # checked by Dana", with: "  answer: \"yes\""))
        #expect(done.line == 13)
        #expect(done.contest.status == .accepted && done.contest.replacedGold == "  answer: no   # checked by Dana")

        #expect(done.rescores.map(\.attemptID) == [anaAttempt, benAttempt])
        #expect(done.rescores.map(\.oldScore) == [2.0 / 3, 1])
        #expect(done.rescores.map(\.newScore) == [1, 2.0 / 3])
        #expect(done.rescores.map(\.newPassed) == [true, false])
        let anaNow = try #require(try ana.attempt(id: anaAttempt))
        #expect(anaNow.score == 1 && anaNow.passed == true)
        #expect(anaNow.assessmentVersion == (try AssessmentLoader().loadChecked(folder: path)).version)
        let result = try JSONDecoder().decode(AttemptResult.self, from: Data(try #require(anaNow.resultJSON).utf8))
        #expect(result.items.first { $0.id == "q2" }?.verdict == .correct)
        #expect(result.startedAt != nil)
        // The old report is kept whole.
        let kept = try gradebook.rescores(contestID: try #require(contest.id))
        #expect(kept.first?.oldResultJSON.contains("\"score\" : 0.6666666666666666") == true)

        let anaNotice = try ana.goldNotices(since: clock.now().addingTimeInterval(-86_400))
        #expect(
            anaNotice.map(\.sentence) == [
                "Your contest #1 on item 'q2' of 'yes-no' was accepted: its gold is now your answer. "
                    + "Re-scored: attempt #1 67% → 100%, now passed. The mentor says: Right, thank you."
            ])
        let benNotice = try ben.goldNotices(since: clock.now().addingTimeInterval(-86_400))
        #expect(
            benNotice.map(\.sentence) == [
                "The gold of item 'q2' of 'yes-no' was changed after a learner's contest. "
                    + "Re-scored: attempt #2 100% → 67%, now not passed. The mentor says: Right, thank you."
            ])
        #expect(try ben.goldNotices(since: clock.now().addingTimeInterval(1)).isEmpty)
        #expect(throws: ContestError("contest #1 was already accepted on \(clock.now().formatted(.iso8601))")) {
            try gradebook.reject(contestID: 1, reply: "No.")
        }
    }

    @Test(arguments: TestStore.all) func aGoldThatCannotBeWrittenLeavesTheFileAndTheGradebookAsTheyWere(store: TestStore) throws {
        let directory = TestDatabase(store)
        let path = try folder()
        let test = try AssessmentLoader().loadChecked(folder: path)
        let gradebook = try directory.open(clock: TestClock().now)
        let ana = gradebook.learner("ana")
        let attempt = try take(test, ana, [yes, yes, yes])
        let contest = try ana.fileContest(attemptID: attempt, itemID: "q2", reason: "It is yes.", proposed: yes.json)
        let desk = ContestDesk(gradebook: gradebook)
        #expect(throws: ContestError("the new gold of 'q2' (single-choice) 'maybe' is not one of the options; use one of yes, no")) {
            try desk.accept(try #require(contest.id), folder: path, gold: "\"maybe\"", reply: nil)
        }
        #expect(try String(contentsOfFile: path + "/items.yaml", encoding: .utf8) == Self.items)
        #expect(try gradebook.contest(id: try #require(contest.id))?.status == .open)
        #expect(try ana.attempt(id: attempt)?.score == 2.0 / 3)
    }

    @Test(arguments: TestStore.all) func aRejectionNeedsAReplyAndTheLearnerReadsIt(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let path = try folder()
        let test = try AssessmentLoader().loadChecked(folder: path)
        let gradebook = try directory.open(clock: clock.now)
        let ana = gradebook.learner("ana")
        let attempt = try take(test, ana, [yes, yes, yes])
        #expect(throws: ContestError("say why you think the gold is wrong (--reason)")) {
            try ana.fileContest(attemptID: attempt, itemID: "q2", reason: "  ", proposed: nil)
        }
        #expect(throws: ContestError("attempt #1 did not ask an item 'q9'; 'groundwork report 1' lists its items")) {
            try ana.fileContest(attemptID: attempt, itemID: "q9", reason: "Wrong.", proposed: nil)
        }
        #expect(throws: GradebookError.unknownAttempt(1)) {
            try gradebook.learner("ben").fileContest(attemptID: attempt, itemID: "q2", reason: "Wrong.", proposed: nil)
        }
        let contest = try ana.fileContest(attemptID: attempt, itemID: "q2", reason: "Wrong.", proposed: yes.json)
        #expect(throws: ContestError("say why the gold stands (--reply); the learner reads it")) {
            try gradebook.reject(contestID: try #require(contest.id), reply: "")
        }
        _ = try gradebook.reject(contestID: try #require(contest.id), reply: "The guideline says no.")
        #expect(
            try ana.goldNotices(since: .distantPast).map(\.sentence) == [
                "Your contest #1 on item 'q2' of 'yes-no' was rejected; the gold stands. The mentor says: The guideline says no."
            ])
        #expect(try String(contentsOfFile: path + "/items.yaml", encoding: .utf8) == Self.items)
    }
}
