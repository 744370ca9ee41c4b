import Courseware
import TestSupport
import Testing

@testable import Grading

/// A yes/no test whose policy and items the test chooses: `q1…qN`, gold answer `yes`.
func policyTest(
    _ policy: String, items count: Int = 4, timeLimit: String? = nil, extraItemKeys: (Int) -> String = { _ in "" },
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> Assessment {
    let front = "---\ntitle: Policy test\npass-mark: 75%\n\(timeLimit.map { "time-limit: \($0)\n" } ?? "")policy:\n\(policy)---\nGo.\n"
    var items = ""
    for n in 1...count {
        items += "- id: q\(n)\n  kind: single-choice\n  prompt: Is it?\n  options: [yes, no]\n  answer: yes\n  reason: It is.\n"
        items += extraItemKeys(n)
    }
    let loaded = loadInline(items, assessment: front)
    #expect(loaded.errors.isEmpty, "\(loaded.errors.map(\.description))", sourceLocation: sourceLocation)
    return try #require(loaded.assessment, sourceLocation: sourceLocation)
}

/// Starts a session over every item in the author's order.
func session(_ assessment: Assessment) throws -> AttemptSession {
    try AttemptSession(assessment: assessment, plan: AttemptPlan(seed: 1, itemIDs: assessment.items.map(\.id), assessment: assessment))
}

let yes = ItemResponse.singleChoice("yes")
let no = ItemResponse.singleChoice("no")

/// The options of a choice item, or nil for another kind.
func choiceTask(_ item: Item) -> ChoiceTask? {
    switch item.content {
    case .singleChoice(let task, _), .multipleChoice(let task, _): return task
    default: return nil
    }
}

struct FeedbackTimingTests {
    @Test func quizModeShowsEachItemsReasonRightAfterTheAnswer() throws {
        var attempt = try session(try policyTest("  mode: quiz\n  show-reasons: after-each\n"))
        let outcome = attempt.answer(no, at: 5)
        guard case .result(let result) = outcome.feedback else {
            Issue.record("expected the item's result, got \(outcome.feedback)")
            return
        }
        #expect(result.verdict == .incorrect)
        #expect(result.reason == "It is.")
        #expect(attempt.current?.id == "q2")
    }

    @Test(arguments: ["at-end", "never"])
    func otherTimingsShowNothingBetweenItems(timing: String) throws {
        var attempt = try session(try policyTest("  mode: exam\n  show-reasons: \(timing)\n"))
        for response in [no, yes, yes, yes] { #expect(attempt.answer(response, at: 1).feedback == .none) }
        #expect(attempt.ending == .completed)
        #expect(attempt.result(learner: nil).score == 0.75)
        #expect(attempt.result(learner: nil).passed)
    }
}

struct TimeLimitTests {
    @Test func anAnswerAfterTheLimitIsKeptButDoesNotCountAndEndsTheAttempt() throws {
        var attempt = try session(try policyTest("  mode: exam\n", timeLimit: "1m"))
        #expect(attempt.answer(yes, at: 20).counted)
        #expect(attempt.secondsLeft(at: 20) == 40)
        let late = attempt.answer(yes, at: 61)
        #expect(!late.counted)
        #expect(late.ending == .timedOut)
        #expect(attempt.given.count == 2)
        #expect(attempt.current == nil)
        let result = attempt.result(learner: nil)
        #expect(result.score == 0.25)
        #expect(result.counts.unanswered == 3)
        #expect(result.ending == .timedOut)
        #expect(result.notes == ["Time ran out after 1 of 4 items; the rest count as unanswered."])
    }

    @Test func timeRunningOutWhileAwayEndsTheAttempt() throws {
        var attempt = try session(try policyTest("  mode: exam\n", timeLimit: "1m"))
        _ = attempt.answer(yes, at: 10)
        attempt.timeRanOut()
        #expect(attempt.ending == .timedOut)
        #expect(attempt.answer(yes, at: 11).ending == .timedOut)
        #expect(attempt.given.count == 1)
    }
}

struct TrainingModeTests {
    @Test func aWrongAnswerGetsTheHintAndAnotherTryAndOnlyTheFirstAnswerCounts() throws {
        let assessment = try policyTest("  mode: training\n  show-reasons: after-each\n", items: 2) { _ in "  hint: Read rule 2 again.\n" }
        var attempt = try session(assessment)
        let wrong = attempt.answer(no, at: 1)
        #expect(wrong.feedback == .tryAgain(hint: "Read rule 2 again.", triesLeft: 2))
        #expect(wrong.counted)
        #expect(attempt.current?.id == "q1")
        let retry = attempt.answer(yes, at: 2)
        #expect(!retry.counted)
        guard case .result(let result) = retry.feedback else {
            Issue.record("expected the result after a right retry")
            return
        }
        #expect(result.verdict == .correct)
        #expect(attempt.current?.id == "q2")
        _ = attempt.answer(yes, at: 3)
        #expect(attempt.ending == .completed)
        // q1's first answer was wrong: 1 of 2.
        #expect(attempt.result(learner: nil).score == 0.5)
    }

    @Test func afterTheLastTryTheReasonIsShownAndTheTestMovesOn() throws {
        var attempt = try session(try policyTest("  mode: training\n", items: 2))
        #expect(attempt.answer(no, at: 1).feedback == .tryAgain(hint: nil, triesLeft: 2))
        #expect(attempt.answer(no, at: 2).feedback == .tryAgain(hint: nil, triesLeft: 1))
        let last = attempt.answer(no, at: 3)
        guard case .result(let result) = last.feedback else {
            Issue.record("expected the reason after the last try")
            return
        }
        #expect(result.reason == "It is.")
        #expect(attempt.current?.id == "q2")
        #expect(attempt.given.filter(\.counted).count == 1)
    }
}

struct WorkModeTests {
    /// Ten items, the odd ones ordinary work rows, so q2, q4, … q10 are the hidden gold; q10 is critical.
    func workTest(_ extra: String = "") throws -> Assessment {
        try policyTest("  mode: work\n  show-reasons: after-each\n  removal-below: 70%\n  critical-items: [q10]\n\(extra)", items: 10) {
            n in
            "  concepts: [c\(n)]\n" + (n % 2 == 1 ? "  gold: false\n" : "")
        }
    }

    @Test func ordinaryRowsAreNeitherScoredNorExplainedWhileGoldMistakesAre() throws {
        var attempt = try session(try workTest())
        #expect(attempt.answer(no, at: 1).feedback == .none)  // q1: ordinary row, wrong
        guard case .result = attempt.answer(no, at: 2).feedback else {  // q2: gold, wrong
            Issue.record("a missed gold item is explained")
            return
        }
        #expect(attempt.answer(yes, at: 3).feedback == .none)  // q3 ordinary, right
        #expect(attempt.answer(yes, at: 4).feedback == .none)  // q4 gold, right: nothing to explain
        #expect(attempt.goldAccuracy.items == 2)
        #expect(attempt.goldAccuracy.score == 0.5)
    }

    @Test func accuracyBelowTheThresholdRemovesTheLearnerOnlyAfterEnoughGold() throws {
        var attempt = try session(try workTest())
        // Gold q2, q4, q6 wrong: 0% but only 3 gold so far, below removal-after (4).
        for (index, response) in [yes, no, yes, no, yes, no].enumerated() {
            #expect(attempt.answer(response, at: Double(index)).ending == nil)
        }
        _ = attempt.answer(yes, at: 7)  // q7 ordinary
        let fourthGold = attempt.answer(yes, at: 8)  // q8 gold right: 1 of 4 = 25%
        #expect(fourthGold.ending == .removed)
        #expect(attempt.current == nil)
        let result = attempt.result(learner: nil)
        #expect(!result.passed)
        #expect(result.ending == .removed)
        #expect(result.failedBecause.first?.hasPrefix("Removed: your accuracy on hidden test questions fell to 25% after 4") == true)
        #expect(result.counts.unscored == 5)
        #expect(result.counts.items == 5)
        // The two items never reached keep their gold and reasons to themselves.
        let unreached = result.items.filter { ["q9", "q10"].contains($0.id) }
        #expect(unreached.allSatisfy { $0.reason.isEmpty && $0.lesson == nil && $0.metrics.isEmpty })
        #expect(unreached.first?.feedback == ["Not reached: the attempt ended before this item."])
        #expect(result.items.first { $0.id == "q8" }?.reason == "It is.")
        #expect(!result.failedBecause.contains { $0.contains("q10") }, "an item never reached is not blamed")
        #expect(result.concepts.map(\.concept) == ["c2", "c4", "c6", "c8"])
    }

    @Test func removalAfterIsTheAuthorsChoice() throws {
        var attempt = try session(try workTest("  removal-after: 1\n"))
        _ = attempt.answer(yes, at: 1)
        #expect(attempt.answer(no, at: 2).ending == .removed)
    }

    @Test func aLearnerAboveTheThresholdFinishesAndIsScoredOnGoldOnly() throws {
        var attempt = try session(try workTest())
        for n in 1...10 { _ = attempt.answer(n % 2 == 1 ? no : yes, at: Double(n)) }  // every ordinary row wrong
        let result = attempt.result(learner: nil)
        #expect(result.score == 1)
        #expect(result.passed)
        #expect(result.items.filter { !$0.scored }.map(\.id) == ["q1", "q3", "q5", "q7", "q9"])
    }
}

struct DrawingTests {
    @Test func aSampleDrawsDistinctItemsAndTheSameSeedDrawsTheSameOnes() throws {
        let assessment = try policyTest("  mode: exam\n  sample: 3\n", items: 10)
        let plan = AttemptPlan(assessment: assessment, seed: 99)
        #expect(plan.itemIDs.count == 3)
        #expect(Set(plan.itemIDs).count == 3)
        #expect(AttemptPlan(assessment: assessment, seed: 99) == plan)
        // Without shuffle, drawn items keep the author's order.
        let positions = plan.itemIDs.map { id in assessment.items.firstIndex { $0.id == id } ?? -1 }
        #expect(positions == positions.sorted())
        let draws = Set((1...20).map { AttemptPlan(assessment: assessment, seed: UInt64($0)).itemIDs })
        #expect(draws.count > 10, "retakes get fresh items")
    }

    @Test func aSampledAttemptIsScoredOnTheItemsItAskedOnly() throws {
        let assessment = try policyTest("  mode: exam\n  sample: 2\n", items: 10)
        var attempt = try AttemptSession(assessment: assessment, plan: AttemptPlan(assessment: assessment, seed: 5))
        _ = attempt.answer(yes, at: 1)
        _ = attempt.answer(yes, at: 2)
        let result = attempt.result(learner: nil)
        #expect(result.counts.items == 2)
        #expect(result.score == 1)
    }

    @Test func shufflingPermutesItemsAndOptionsTheSameWayForTheSameSeed() throws {
        let assessment = try policyTest("  mode: quiz\n  shuffle: true\n", items: 8)
        let plan = AttemptPlan(assessment: assessment, seed: 3)
        #expect(plan.itemIDs.sorted() == assessment.items.map(\.id).sorted())
        let orders = Set((1...10).map { AttemptPlan(assessment: assessment, seed: UInt64($0)).itemIDs })
        #expect(orders.count > 1)
        let task = try #require(choiceTask(assessment.items[0]))
        let everything = try policyTest("  mode: quiz\n  shuffle: true\n  shuffle-options: all\n", items: 8)
        let everyPlan = AttemptPlan(assessment: everything, seed: 3)
        #expect(everyPlan.options(task, of: "q1") == everyPlan.options(task, of: "q1"))
        #expect(Set(everyPlan.options(task, of: "q1").map(\.id)) == ["yes", "no"])
        let optionOrders = Set((1...20).map { AttemptPlan(assessment: everything, seed: UInt64($0)).options(task, of: "q1").map(\.id) })
        #expect(optionOrders.count == 2)
        let fixed = AttemptPlan(assessment: try policyTest("  mode: quiz\n", items: 8), seed: 3)
        #expect(fixed.options(task, of: "q1").map(\.id) == ["yes", "no"])
    }

    /// Platforms keep a label set's buttons in place and shuffle answers that are content.
    @Test func aShuffledAttemptKeepsLabelSetsInOrderAndShufflesContentOptions() throws {
        let content = "  options: [The first sentence, The second sentence, The third sentence]\n"
        let assessment = try policyTest("  mode: quiz\n  shuffle: true\n", items: 3)
        let labels = try #require(choiceTask(assessment.items[0]))
        // [yes, no] is shared by every item: a label set, never moved.
        for seed in 1...20 {
            #expect(AttemptPlan(assessment: assessment, seed: UInt64(seed)).options(labels, of: "q1").map(\.id) == ["yes", "no"])
        }
        let single = try policyTest("  mode: quiz\n  shuffle: true\n", items: 1)
        #expect(AttemptPlan(assessment: single, seed: 5).options(labels, of: "q1").map(\.id) == ["yes", "no"])
        let sentences = loadInline(
            "- id: s1\n  kind: single-choice\n  prompt: Which is right?\n\(content)  answer: The first sentence\n  reason: It is.\n",
            assessment: "---\ntitle: Content\npass-mark: 50%\npolicy:\n  shuffle: true\n---\nGo.\n")
        let withContent = try #require(sentences.assessment)
        let task = try #require(choiceTask(withContent.items[0]))
        let orders = Set((1...20).map { AttemptPlan(assessment: withContent, seed: UInt64($0)).options(task, of: "s1").map(\.id) })
        #expect(orders.count > 1)
        let kept = loadInline(
            "- id: s1\n  kind: single-choice\n  prompt: Which is right?\n\(content)  answer: The first sentence\n  reason: It is.\n",
            assessment: "---\ntitle: Content\npass-mark: 50%\npolicy:\n  shuffle: true\n  shuffle-options: none\n---\nGo.\n")
        let keptAssessment = try #require(kept.assessment)
        #expect(
            Set((1...20).map { AttemptPlan(assessment: keptAssessment, seed: UInt64($0)).options(task, of: "s1").map(\.id) }).count == 1)
    }
}

struct ScoringPolicyTests {
    @Test func negativeMarkingTakesItsShareForEachWrongAnswerAndTheTotalStopsAtZero() throws {
        var attempt = try session(try policyTest("  mode: exam\n  wrong-answer-penalty: 25%\n"))
        for response in [yes, yes, no, no] { _ = attempt.answer(response, at: 1) }
        let result = attempt.result(learner: nil)
        #expect(abs(result.score - 0.375) < 1e-12)  // (1 + 1 − 0.25 − 0.25) / 4
        #expect(result.items.map(\.penalty) == [0, 0, 0.25, 0.25])
        var wrong = try session(try policyTest("  mode: exam\n  wrong-answer-penalty: 100%\n"))
        for _ in 1...4 { _ = wrong.answer(no, at: 1) }
        #expect(wrong.result(learner: nil).score == 0)
    }

    @Test func anUnansweredItemIsNotPenalised() throws {
        var attempt = try session(try policyTest("  mode: exam\n  wrong-answer-penalty: 50%\n"))
        for response in [yes, yes, yes, nil] { _ = attempt.answer(response, at: 1) }
        #expect(attempt.result(learner: nil).score == 0.75)
    }

    @Test func aPoolGrantsTheScoreAsASkillValue() throws {
        var attempt = try session(try policyTest("  mode: pool\n"))
        for response in [yes, yes, yes, no] { _ = attempt.answer(response, at: 1) }
        #expect(attempt.result(learner: nil).skill == 75)
    }

    @Test func withoutARetakeDelayOneAttemptIsAllowedUnlessTheAuthorSaysOtherwise() throws {
        #expect(try policyTest("  mode: exam\n").policy.attemptLimit == 1)
        #expect(try policyTest("  mode: exam\n  retake-delay: 3d\n").policy.attemptLimit == nil)
        #expect(try policyTest("  mode: exam\n  attempts: 3\n").policy.attemptLimit == 3)
        #expect(try policyTest("  mode: exam\n  requires: training\n").policy.requires == ["training"])
    }

    @Test func policyMistakesAreReportedWhereTheyAre() {
        let front = "---\ntitle: T\npass-mark: 50%\npolicy:\n  wrong-answer-penalty: 150%\n  removal-after: 0\n  mode: trainnig\n---\n"
        let items = "- {id: q1, kind: single-choice, prompt: P, options: [a, b], answer: a, reason: R}\n"
        #expect(
            diagnostics(items, assessment: front).sorted() == [
                "assessment.md:5:25: error: [invalid-value] 'wrong-answer-penalty' in 'policy' must be from 0% to 100%, got '150%'",
                "assessment.md:6:18: error: [invalid-value] 'removal-after' must be at least 1 gold item",
                "assessment.md:7:9: error: [invalid-value] 'mode' is 'trainnig'; did you mean 'training'?",
            ])
    }

    @Test func anAttemptOfAnEditedAssessmentIsRefusedNotGuessed() throws {
        let assessment = try policyTest("  mode: exam\n")
        #expect(throws: AttemptSessionError.missingItem("q9")) {
            try AttemptSession(assessment: assessment, plan: AttemptPlan(seed: 1, itemIDs: ["q1", "q9"], assessment: assessment))
        }
    }
}

struct AttemptLimitTests {
    @Test func attemptsMayBeUnlimitedOnlyWhenTheAuthorSaysSo() throws {
        #expect(try policyTest("  mode: training\n  attempts: unlimited\n").policy.attemptLimit == nil)
        #expect(
            diagnostics(
                "- {id: q1, kind: single-choice, prompt: P, options: [a, b], answer: a, reason: R}\n",
                assessment: "---\ntitle: T\npass-mark: 50%\npolicy:\n  attempts: lots\n---\n")
                == ["assessment.md:5:13: error: [invalid-value] 'attempts' (a number or unlimited) must be a whole number, got 'lots'"])
    }
}

struct PolicyCheckTests {
    @Test func prerequisitesMustBeAssessmentsBesideThisOne() throws {
        let folder = try TemporaryFolder()
        let items = "- {id: q1, kind: single-choice, prompt: P, options: [a, b], answer: a, reason: R}\n"
        try folder.write("training/assessment.md", "---\ntitle: Training\npass-mark: 50%\n---\n")
        try folder.write("training/items.yaml", items)
        try folder.write("exam/assessment.md", "---\ntitle: Exam\npass-mark: 50%\npolicy:\n  requires: [training, trainig]\n---\n")
        try folder.write("exam/items.yaml", items)
        let messages = AssessmentChecker().check(folder: folder.path + "/exam").map(\.description)
        #expect(messages.count == 1, "\(messages)")
        #expect(
            messages.first?.hasSuffix(
                "exam/assessment.md:5:24: error: [unknown-prerequisite] 'requires' names 'trainig', which is not an assessment in \(folder.path); use the folder name of the test to pass first"
            ) == true, "\(messages)")
    }

    @Test func rulesThatCannotWorkAsWrittenAreFlagged() throws {
        let items = "- {id: q1, kind: single-choice, prompt: P, options: [a, b], answer: a, reason: R, gold: false}\n"
        let front = "---\ntitle: T\npass-mark: 50%\npolicy:\n  mode: quiz\n  removal-below: 70%\n  sample: 3\n---\n"
        let loaded = loadInline(items, assessment: front)
        let messages = AssessmentChecker().check(try #require(loaded.assessment)).map(\.description)
        #expect(
            messages.contains(
                "assessment.md:5:3: warning: [policy-conflict] 'removal-below' only applies in work mode; set 'mode: work' or remove it"))
        #expect(
            messages.contains(
                "assessment.md:5:3: warning: [policy-conflict] 'sample' asks for 3 items but there are only 1; every attempt will ask them all"
            ))
        #expect(messages.contains("assessment.md:5:3: error: [no-items] no item is scored: every item is 'gold: false'"))
    }
}

struct AnswerSheetCheckTests {
    @Test func shippedAnswerSheetsMustFitTheirAssessment() throws {
        let folder = try TemporaryFolder()
        try folder.write("quiz/assessment.md", "---\ntitle: Quiz\npass-mark: 50%\n---\n")
        try folder.write("quiz/items.yaml", "- {id: q1, kind: single-choice, prompt: P, options: [a, b], answer: a, reason: R}\n")
        try folder.write("quiz/answers/good.json", #"{"assessment": "quiz", "answers": {"q1": "a"}}"#)
        try folder.write("quiz/answers/typo.json", #"{"assessment": "quiz", "answers": {"q1": "c"}}"#)
        try folder.write("quiz/answers/broken.json", "{\"assessment\": \"quiz\",\n \"answers\": {\"q1\" \"a\"}}")
        let messages = AssessmentChecker().check(folder: folder.path + "/quiz").map(\.description)
        #expect(
            messages == [
                "\(folder.path)/quiz/answers/broken.json:2:19: error: [bad-answers-file] is not valid JSON here; check for a missing comma, quote or bracket at or just before this point",
                "\(folder.path)/quiz/answers/typo.json: error: [bad-answers-file] item 'q1' (single-choice) 'c' is not one of the options; use one of a, b",
            ])
    }
}

struct MultiPartExamTests {
    /// Two parts with their own pass marks; the second part's items weigh double; p2b is critical.
    func exam() throws -> Assessment {
        let front = """
            ---
            title: Two-part exam
            pass-mark: 60%
            time-limit: 30m
            sections:
              - {id: theory, title: Theory, pass-mark: 50%}
              - {id: practice, title: Practice, pass-mark: 75%}
            policy:
              mode: exam
              critical-items: [p2b]
            ---
            Go.

            """
        var items = ""
        for (id, section, weight) in [("t1", "theory", 1), ("t2", "theory", 1), ("p2a", "practice", 2), ("p2b", "practice", 2)] {
            items +=
                "- {id: \(id), section: \(section), weight: \(weight), kind: single-choice, prompt: P, options: [yes, no], answer: yes, reason: R}\n"
        }
        let loaded = loadInline(items, assessment: front)
        #expect(loaded.errors.isEmpty, "\(loaded.errors.map(\.description))")
        return try #require(loaded.assessment)
    }

    @Test func eachPartIsScoredOnItsOwnAndWeightsCombineThem() throws {
        var attempt = try session(try exam())
        for response in [yes, no, yes, no] { _ = attempt.answer(response, at: 60) }
        let result = attempt.result(learner: nil)
        #expect(result.sections.map(\.score) == [0.5, 0.5])
        #expect(result.sections.map(\.passed) == [true, false])
        #expect(result.score == 0.5)  // (1 + 0 + 2 + 0) / 6
        #expect(!result.passed)
        #expect(
            result.failedBecause == [
                "Your score 50% is below the pass mark 60%.", "Section 'Practice' scored 50%, below its pass mark 75%.",
                "Critical item 'p2b' must be fully correct to pass.",
            ])
    }

    @Test func aStrongTotalDoesNotRescueAWeakPart() throws {
        var attempt = try session(try exam())
        for response in [no, no, yes, yes] { _ = attempt.answer(response, at: 60) }
        let result = attempt.result(learner: nil)
        #expect(abs(result.score - 4.0 / 6.0) < 1e-12)
        #expect(result.failedBecause == ["Section 'Theory' scored 0%, below its pass mark 50%."])
    }
}

struct PracticeRulesTests {
    @Test(arguments: [AssessmentPolicy.ReasonTiming.atEnd, .never])
    func practiceExplainsEachAnswerWhateverTheTestsTimingAndDropsTheClock(timing: AssessmentPolicy.ReasonTiming) throws {
        let test = try policyTest("  mode: exam\n  show-reasons: \(timing.rawValue)\n", timeLimit: "1m")
        var attempt = try AttemptSession(
            assessment: test, plan: AttemptPlan(seed: 1, itemIDs: test.items.map(\.id), assessment: test), purpose: .practice)
        #expect(attempt.secondsLeft(at: 600) == nil)
        guard case .result(let result) = attempt.answer(no, at: 600).feedback else {
            Issue.record("practice should explain the answer")
            return
        }
        #expect(result.reason == "It is.")
        var exam = try session(test)
        #expect(exam.answer(no, at: 5).feedback == .none)
    }

    @Test func practiceInWorkModeStillExplainsOnlyMissedTestQuestions() throws {
        let test = try WorkModeTests().workTest()
        var attempt = try AttemptSession(
            assessment: test, plan: AttemptPlan(seed: 1, itemIDs: test.items.map(\.id), assessment: test), purpose: .practice)
        #expect(attempt.answer(no, at: 1).feedback == .none, "q1 is an ordinary row: explaining it would mark the hidden gold")
        guard case .result = attempt.answer(no, at: 2).feedback else {
            Issue.record("a missed test question is explained")
            return
        }
    }

    @Test func aResultNumbersItemsAsShownAndTimesEachFromTheAnswerBefore() throws {
        let test = try policyTest("  mode: quiz\n")
        var attempt = try AttemptSession(
            assessment: test, plan: AttemptPlan(seed: 1, itemIDs: ["q3", "q1", "q2", "q4"], assessment: test))
        for (answer, at) in [(yes, 4.0), (no, 10), (yes, 25), (yes, 26)] { _ = attempt.answer(answer, at: at) }
        let result = attempt.result(learner: nil)
        #expect(result.items.map(\.id) == ["q3", "q1", "q2", "q4"])
        #expect(result.items.map(\.number) == [1, 2, 3, 4])
        #expect(result.items.map(\.secondsSpent) == [4, 6, 15, 1])
        #expect(result.items[0].question?.prompt == "Is it?")
    }
}
