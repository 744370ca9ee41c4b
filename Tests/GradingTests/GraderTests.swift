import Testing

@testable import Grading

struct GraderTests {
    func grade(_ id: String, _ answers: [String: ItemResponse], learner: String? = "ana") throws -> AttemptResult {
        let assessment = try Fixtures.assessment(id)
        return Grader().grade(AnswerSheet(assessmentID: assessment.id, learner: learner, responses: answers), for: assessment)
    }

    @Test func theTotalIsTheWeightedMeanOfItemScoresWithUnansweredAsZero() throws {
        // q3 has weight 2: (1 + 0 + 2 × 0.5 + 0) / 5.
        let result = try grade(
            "sentiment-single", ["q1": .singleChoice("MIXED"), "q3": .singleChoice("MIXED"), "q4": .singleChoice("pos")])
        #expect(close(result.score, 0.4))
        #expect(!result.passed)
        #expect(result.failedBecause == ["Your score 40% is below the pass mark 75%."])
        #expect(result.counts == AttemptResult.Counts(items: 4, correct: 1, partial: 1, incorrect: 1, unanswered: 1))
        #expect(result.items.map(\.verdict) == [.correct, .unanswered, .partial, .incorrect])
    }

    @Test func aFullyCorrectSheetPasses() throws {
        let result = try grade(
            "sentiment-single",
            ["q1": .singleChoice("MIXED"), "q2": .singleChoice("NEUTRAL"), "q3": .singleChoice("NEGATIVE"), "q4": .singleChoice("neu")])
        #expect(result.score == 1)
        #expect(result.passed)
        #expect(result.failedBecause == [])
        #expect(result.hints == [])
    }

    @Test func repeatedConfusionsBecomeAPatternHint() throws {
        let result = try grade(
            "sentiment-single",
            ["q1": .singleChoice("NEUTRAL"), "q2": .singleChoice("MIXED"), "q3": .singleChoice("NEGATIVE"), "q4": .singleChoice("skip")])
        #expect(result.hints == ["You confused MIXED and NEUTRAL 2 times (q1, q2): reread how the guideline tells them apart."])
    }

    @Test func conceptsSummariseScoresAndPointToLessonsToReview() throws {
        let result = try grade(
            "sentiment-single",
            ["q1": .singleChoice("NEUTRAL"), "q2": .singleChoice("NEUTRAL"), "q3": .singleChoice("NEGATIVE"), "q4": .singleChoice("neu")])
        let mixed = try #require(result.concepts.first { $0.concept == "mixed-sentiment" })
        #expect(mixed.score == 0)
        #expect(mixed.review == ["../../Content/annotation-types/text-classification-and-sentiment.md#sentiment"])
        let sarcasm = try #require(result.concepts.first { $0.concept == "sarcasm" })
        #expect(sarcasm.score == 1)
        #expect(sarcasm.review == [])
        #expect(result.concepts.map(\.concept) == ["sentiment", "mixed-sentiment", "sarcasm"])
    }

    @Test func aSectionBelowItsOwnPassMarkAndAFailedCriticalItemFailTheAttempt() throws {
        let weak = PairwiseAnswer(
            preferred: "B", ratings: ["A": ["accuracy": 5, "helpfulness": 4], "B": ["accuracy": 1, "helpfulness": 2]],
            reason: "A is right: the wall fell in 1989, so B is wrong.")
        let result = try grade("llm-comparison", ["pw1": .pairwise(weak)])
        #expect(close(result.score, 0.5))
        #expect(
            result.failedBecause == [
                "Your score 50% is below the pass mark 70%.",
                "Section 'Factual accuracy' scored 50%, below its pass mark 60%.",
                "Critical item 'pw1' must be fully correct to pass.",
            ])
        #expect(
            result.sections == [
                SectionResult(id: "accuracy", title: "Factual accuracy", score: 0.5, items: 1, passMark: 0.6, passed: false)
            ])
        #expect(result.items.first?.critical == true)
    }

    @Test func hintsAreCappedAtThreeAndOrderedByCount() {
        let observations: [(item: String, observations: [Observation])] = [
            ("a", [.missed(noun: "box"), .missed(noun: "box"), .trap, .swappedPair]),
            ("b", [.missed(noun: "box"), .trap, .swappedPair, .wrongPreference]),
            ("c", [.boundary(noun: "box", loose: true), .boundary(noun: "box", loose: true), .weakReason]),
        ]
        #expect(
            PatternHints.hints(from: observations) == [
                "You missed 3 boxes (a, b): scan the whole task for every instance before you submit.",
                "You picked a trap answer 2 times (a, b): these are the tempting wrong answers the test is built to catch.",
                "You ordered 2 pairs of candidates the wrong way round (a, b).",
            ])
    }

    @Test func aSingleMistakeIsNotAPattern() {
        #expect(PatternHints.hints(from: [("a", [.trap]), ("b", [.weakReason])]) == [])
    }

    @Test func theResultEncodesToTheDocumentedJSON() throws {
        let result = try grade("street-boxes", ["b1": .boxes([BoxAnnotation(label: "car", x: 0, y: 200, width: 300, height: 100)])])
        try expectGolden(result.jsonText(), "Reports/street-boxes.json")
    }

    @Test func theTextReportLeadsWithTheVerdictThenExplainsEachLostPoint() throws {
        let assessment = try Fixtures.assessment("sentiment-single")
        let sheet = try AnswerSheet.load(path: Fixtures.assessmentFolder("sentiment-single") + "/answers/ana.json", for: assessment)
        let report = ReportRenderer(width: 80).render(Grader().grade(sheet, for: assessment))
        try expectGolden(report, "Reports/sentiment-single.txt")
    }
}
