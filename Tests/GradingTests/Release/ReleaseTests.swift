import Courseware
import Testing

@testable import Grading

/// What each policy releases, checked by searching the encoded report for every gold value,
/// reason and lesson of the items.
struct ReleaseTests {
    static let items = """
        - id: st
          kind: short-text
          prompt: Which god?
          answer: Quetzalcoatl
          reason: REASON-ST the feathered serpent.
          lesson: lessons/gods.md#serpent
        - id: nu
          kind: numeric
          prompt: How much?
          answer: 4242.5
          reason: REASON-NU counted twice.
        - id: bx
          kind: boxes
          prompt: Box the car.
          size: [640, 480]
          labels: [car]
          answer: [{label: car, x: 313.25, y: 171.5, width: 77.75, height: 59.5}]
          reason: REASON-BX tight.
        - id: tr
          kind: transcription
          prompt: Transcribe.
          answer: Xylophonist plays
          reason: REASON-TR verbatim.
        - id: row
          kind: short-text
          prompt: An ordinary row.
          answer: Ocelotl
          reason: REASON-ROW customer data.
          gold: false
        """

    /// Every value only the gold, the reasons or the lessons hold.
    static let secrets = [
        "Quetzalcoatl", "4242.5", "313.25", "171.5", "77.75", "59.5", "Xylophonist", "Ocelotl", "REASON-", "lessons/gods.md",
    ]

    static func assessment(timeLimit: String? = nil) throws -> Assessment {
        let front = "---\ntitle: Release\npass-mark: 50%\n\(timeLimit.map { "time-limit: \($0)\n" } ?? "")---\nGo.\n"
        let loaded = loadInline(items, assessment: front)
        #expect(loaded.errors.isEmpty, "\(loaded.errors.map(\.description))")
        return try #require(loaded.assessment)
    }

    /// Wrong answers to every item but `tr`, which is left unanswered.
    static let answers: [String: ItemResponse] = [
        "st": .shortText("Paris"), "nu": .numeric(1), "bx": .boxes([BoxAnnotation(label: "car", x: 10, y: 10, width: 20, height: 20)]),
        "row": .shortText("Tlaloc"),
    ]

    static func graded() throws -> AttemptResult {
        Grader().grade(AnswerSheet(assessmentID: "release", responses: answers), for: try assessment())
    }

    static func policy(_ mode: AssessmentPolicy.Mode, _ timing: AssessmentPolicy.ReasonTiming) -> AssessmentPolicy {
        var policy = AssessmentPolicy()
        policy.mode = mode
        policy.showReasons = timing
        return policy
    }

    func leaks(_ result: AttemptResult) -> [String] {
        let text = result.jsonText()
        return Self.secrets.filter { text.contains($0) }
    }

    @Test func theSearchFindsEverySecretInAFullReport() throws {
        let full = try Self.graded().released(for: Self.policy(.exam, .atEnd), stage: .finished)
        #expect(full.disclosure == .full)
        #expect(leaks(full) == Self.secrets)
    }

    @Test(arguments: AssessmentPolicy.Mode.allCases)
    func aFinishedScoreOnlyTestReleasesNoGoldReasonOrLesson(mode: AssessmentPolicy.Mode) throws {
        let graded = try Self.graded()
        let released = graded.released(for: Self.policy(mode, .never), stage: .finished)
        #expect(leaks(released) == [])
        #expect(released.disclosure == .aggregate)
        #expect(released.score == graded.score && released.passed == graded.passed && released.counts == graded.counts)
        #expect(released.items.map(\.verdict) == graded.items.map(\.verdict))
        #expect(released.items.map(\.score) == graded.items.map(\.score))
        for item in released.items {
            #expect(item.response == nil && item.gold == nil && item.details == nil)
            #expect(item.feedback == [] && item.metrics == [] && item.reason == "" && item.lesson == nil)
        }
    }

    @Test(arguments: AssessmentPolicy.Mode.allCases, [AssessmentPolicy.ReasonTiming.atEnd, .never])
    func nothingOfAnyItemIsReleasedWhileAnsweringWithoutAfterEach(
        mode: AssessmentPolicy.Mode, timing: AssessmentPolicy.ReasonTiming
    ) throws {
        let released = try Self.graded().released(for: Self.policy(mode, timing), stage: .answering)
        #expect(leaks(released) == [])
        #expect(released.disclosure == .answering)
        #expect(!released.jsonText().contains("\"scored\""))
        #expect(released.score == 0 && released.hints == [] && released.concepts == [])
    }

    @Test func afterEachReleasesAnsweredItemsWhileAnsweringButNoUnansweredOne() throws {
        let released = try Self.graded().released(for: Self.policy(.quiz, .afterEach), stage: .answering)
        #expect(released.items.map(\.id) == ["st", "nu", "bx", "row"])
        #expect(leaks(released) == Self.secrets.filter { $0 != "Xylophonist" })
    }

    @Test func workModeReleasesOnlyMissedGoldWhileAnsweringSoRowsAreNotMarked() throws {
        let released = try Self.graded().released(for: Self.policy(.work, .afterEach), stage: .answering)
        #expect(released.items.map(\.id) == ["st", "nu", "bx"])
        #expect(!released.jsonText().contains("Ocelotl") && !released.jsonText().contains("REASON-ROW"))
        #expect(!released.items.contains { $0.id == "row" })
    }

    @Test func itemsAnAttemptNeverReachedKeepTheirGoldWhateverThePolicy() throws {
        let assessment = try Self.assessment(timeLimit: "1m")
        var attempt = try AttemptSession(
            assessment: assessment, plan: AttemptPlan(seed: 1, itemIDs: ["st", "nu", "bx", "tr", "row"], assessment: assessment))
        _ = attempt.answer(.shortText("Paris"), at: 10)
        attempt.timeRanOut()
        let result = attempt.result(learner: nil).released(for: Self.policy(.exam, .atEnd), stage: .finished)
        #expect(leaks(result) == ["Quetzalcoatl", "REASON-", "lessons/gods.md"])
        for item in result.items.dropFirst() {
            #expect(item.gold == nil && item.details == nil && item.response == nil)
            #expect(item.feedback == ["Not reached: the attempt ended before this item."])
        }
    }

    @Test func theTextReportOfAScoreOnlyTestListsVerdictsWithoutExplanations() throws {
        let released = try Self.graded().released(for: Self.policy(.exam, .never), stage: .finished)
        let text = ReportRenderer(width: 100).render(released)
        #expect(text.contains("This test shows your score, patterns and each item's verdict only"))
        #expect(
            text.contains(
                "  Item 1 of 5      0%  incorrect  [st, short-text]\n      Which god?\n  Item 2 of 5      0%  incorrect  [nu, numeric]\n"))
        #expect(Self.secrets.allSatisfy { !text.contains($0) })
    }

    @Test func trainingShowsAnItemWhoseTriesRanOutButNeverItsGoldUnderNever() throws {
        var attempt = try session(try policyTest("  mode: training\n  show-reasons: never\n"))
        for second in 1...2 { _ = attempt.answer(no, at: Double(second)) }
        guard case .result(let result) = attempt.answer(no, at: 3).feedback else {
            Issue.record("the third wrong try should end the item")
            return
        }
        #expect(result.verdict == .incorrect)
        #expect(result.gold == nil && result.reason == "" && result.feedback == [])
    }

    @Test func aSkippedItemShowsNothingEvenAfterEach() throws {
        var attempt = try session(try policyTest("  mode: quiz\n  show-reasons: after-each\n"))
        #expect(attempt.answer(nil, at: 1).feedback == .none)
    }
}
