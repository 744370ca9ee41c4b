import Foundation
import Testing

@testable import Grading

/// Written answers graded by automatic checks and a rubric (self- or mentor-graded).
struct RubricScoringTests {
    static let critique = """
        - id: w1
          kind: rubric
          prompt: Point out what is wrong in the AI's answer about the Eiffel Tower.
          min-words: 8
          max-words: 60
          requires:
            - {name: a correction of the year, any: ["1889"]}
          forbid: [as an AI language model]
          claims:
            - {claim: The tower was finished in 1925, any: ["1925"]}
          criteria:
            - {id: accurate, title: Every correction is true, points: 2}
            - {id: clear, title: Plain and polite, points: 2}
          answer: The answer says the tower was finished in 1925, but it opened in 1889 for the World's Fair.
          reason: The year is the false claim.
        """

    static let goodText = "The answer claims the tower was finished in 1925; it was finished in 1889, so that sentence is false."

    func answer(_ text: String, self grades: [String: Int] = [:], mentor: [String: Int] = [:]) -> ItemResponse {
        .rubric(
            RubricAnswer(
                text: text, selfGrade: grades.mapValues { .init(points: $0, reason: "because") },
                mentorGrade: mentor.mapValues { .init(points: $0, reason: "mentor says") }))
    }

    @Test func anUngradedAnswerEarnsItsChecksAndWaitsForTheRubric() throws {
        let result = try item(Self.critique).score(answer(Self.goodText))
        #expect(abs(result.score - 0.5) < 1e-12)
        #expect(result.feedback.last?.hasPrefix("The rubric part is not graded yet") == true)
        #expect(metric(.checksPassed, in: result) == 1)
        #expect(metric(.rubric, in: result)?.isNaN == true)
    }

    @Test func theSelfGradeCountsAsPointsOverTheTotal() throws {
        let result = try item(Self.critique).score(answer(Self.goodText, self: ["accurate": 2, "clear": 1]))
        #expect(abs(result.score - (0.5 + 0.5 * 3 / 4)) < 1e-12)
        #expect(
            result.feedback == [
                "'Every correction is true': 2 of 2, graded by you: because", "'Plain and polite': 1 of 2, graded by you: because",
            ])
    }

    @Test func aMentorGradeReplacesTheSelfGradeWhole() throws {
        let result = try item(Self.critique).score(answer(Self.goodText, self: ["accurate": 2, "clear": 2], mentor: ["accurate": 1]))
        #expect(abs(result.score - (0.5 + 0.5 * 1 / 4)) < 1e-12)
        #expect(result.feedback.contains("'Plain and polite': not graded by your mentor, so 0 of 2."))
    }

    @Test func everyFailedCheckSaysWhatWasMissing() throws {
        let text = "As an AI language model I think the answer is fine and I have nothing more to say here."
        let result = try item(Self.critique).score(answer(text, self: ["accurate": 2, "clear": 2]))
        // Length passes; the year, the forbidden phrase and the claim fail: 1 of 4 checks.
        #expect(abs(result.score - (0.5 * 1 / 4 + 0.5)) < 1e-12)
        #expect(
            Array(result.feedback.prefix(3)) == [
                "Your answer does not cover a correction of the year.",
                "Your answer uses 'as an AI language model', which the guidelines rule out.",
                "You did not flag the claim 'The tower was finished in 1925'.",
            ])
    }

    @Test func anEmptyTextScoresZeroWhateverItsGrade() throws {
        let result = try item(Self.critique).score(answer("  \n ", self: ["accurate": 2, "clear": 2]))
        #expect(result.score == 0)
        #expect(result.verdict == .incorrect)
    }

    @Test func theLengthCheckCountsWordsAndNamesTheLimit() throws {
        let long = Array(repeating: "word", count: 61).joined(separator: " ") + " 1925 1889"
        let result = try item(Self.critique).score(answer(long))
        #expect(result.feedback.first == "Your answer has 63 words; keep it to at most 60.")
    }

    @Test func theGoldIsTheModelWithFullMarksAndScoresOne() throws {
        let rubric = try item(Self.critique)
        let gold = try #require(rubric.content.goldResponses.first)
        #expect(rubric.score(gold).score == 1)
        guard case .rubric(let model) = gold else { Issue.record("gold is not a written answer"); return }
        #expect(model.text.hasPrefix("The answer says"))
    }

    @Test func answersRoundTripThroughJSONWithTheirGrades() throws {
        let rubric = try item(Self.critique)
        let given = answer(Self.goodText, self: ["accurate": 1], mentor: ["clear": 2])
        let text = ItemResponse.recordedJSON(given)
        #expect(try ItemResponse.decode(recorded: text, for: rubric) == given)
    }

    @Test(arguments: [
        (
            #"{"text": "x", "selfGrade": {"acurate": {"points": 1}}}"#,
            "'selfGrade' grades 'acurate', which is not a criterion; did you mean 'accurate'?"
        ),
        (#"{"text": "x", "selfGrade": {"accurate": {"points": 3}}}"#, "'selfGrade' gives 'accurate' 3 points; give 0 to 2"),
        (#""just text""#, "expects an object such as {\"text\": \"…\"}, got a string"),
        (#"{"text": "x", "score": 1}"#, "the answer has an unknown key 'score'; use one of text, selfGrade, mentorGrade"),
    ])
    func malformedAnswersSayWhatIsWrong(json: String, message: String) throws {
        #expect(throws: AnswerShapeError(message)) { try response(json, for: try item(Self.critique)) }
    }

    @Test func theModelAnswerMustPassEveryCheck() {
        let yaml = Self.critique.replacingOccurrences(of: "opened in 1889", with: "opened later")
        #expect(
            diagnostics(yaml) == [
                "items.yaml:14:11: error: [gold-not-full-credit] the model answer of item 'w1' fails its own check: it does not cover a correction of the year. Fix the answer or the check."
            ])
    }

    @Test func impossibleLimitsAndUnknownKeysAreReported() {
        let yaml = Self.critique.replacingOccurrences(of: "max-words: 60", with: "max-words: 5\n  reading-level: [12, 6]")
        #expect(
            diagnostics(yaml) == [
                "items.yaml:5:14: error: [invalid-value] 'max-words' (5) of item 'w1' is below 'min-words' (8); no answer could pass",
                "items.yaml:6:18: error: [invalid-value] 'reading-level' of item 'w1' must be [lowest, highest] Flesch–Kincaid grades, lowest first, e.g. [6, 10]",
            ])
    }

    @Test func theLearnerSeesLimitsAndCriteriaButNotTheChecksThatGiveTheAnswerAway() throws {
        let json = JSONText.encode(LearnerItem(try item(Self.critique)))
        #expect(json.contains("Every correction is true"))
        #expect(!json.contains("1925") && !json.contains("1889") && !json.contains("AI language model"))
    }
}

/// A written answer in an attempt: never retried in training, graded afterwards.
struct RubricSessionTests {
    @Test func trainingDoesNotAskForAWrittenAnswerAgainAndReleasesTheModel() throws {
        let front = "---\ntitle: Training\npass-mark: 50%\npolicy:\n  mode: training\n---\nGo.\n"
        let assessment = try #require(loadInline(RubricScoringTests.critique, assessment: front).assessment)
        var attempt = try session(assessment)
        let outcome = attempt.answer(.rubric(RubricAnswer(text: RubricScoringTests.goodText)), at: 5)
        guard case .result(let result) = outcome.feedback else {
            Issue.record("a written answer in training gets its result, not another try")
            return
        }
        #expect(attempt.ending == .completed)
        #expect(result.gold != nil, "the model answer is released for the self-grade")
        let graded = RubricAnswer(
            text: RubricScoringTests.goodText,
            selfGrade: ["accurate": .init(points: 2, reason: "r"), "clear": .init(points: 2, reason: "r")])
        let applied = attempt.grade("w1", graded)
        #expect(applied)
        #expect(attempt.result(learner: nil).score == 1)
        let swapped = attempt.grade("w1", RubricAnswer(text: "Another text."))
        #expect(!swapped, "a grade never swaps the text")
    }
}

/// The reading level, by the documented counting rules, checked against values worked by hand.
struct ReadingLevelTests {
    @Test(arguments: [
        ("make", 1), ("table", 2), ("simple", 2), ("the", 1), ("beautiful", 3), ("queue", 1), ("rhythm", 1), ("2024", 1),
        ("Isn't", 1), ("horse", 1), ("people", 2),
    ])
    func syllablesAreVowelRunsWithASilentFinalE(word: String, syllables: Int) {
        #expect(ReadingLevel.syllableCount(Substring(word)) == syllables)
    }

    @Test func aOneSentenceTextOfShortWords() throws {
        // 6 words, 1 sentence, 6 syllables: 0.39 · 6 + 11.8 · 1 − 15.59 = −1.45.
        #expect(ReadingLevel.counts("The cat sat on the mat.") == .init(words: 6, sentences: 1, syllables: 6))
        let grade = try #require(ReadingLevel.grade("The cat sat on the mat."))
        #expect(abs(grade + 1.45) < 1e-9)
    }

    @Test func twoSentencesWithSilentAndSoundedEndings() throws {
        // make 1, a 1, table 2, it 1, is 1, simple 2: 8 syllables, 6 words, 2 sentences.
        // 0.39 · 3 + 11.8 · 8 / 6 − 15.59 = 1.17 + 15.7333… − 15.59 = 1.31333…
        let text = "Make a table. It is simple!"
        #expect(ReadingLevel.counts(text) == .init(words: 6, sentences: 2, syllables: 8))
        let grade = try #require(ReadingLevel.grade(text))
        #expect(abs(grade - 1.313_333_333_333_333) < 1e-9)
    }

    @Test func punctuationAloneIsNotASentenceAndATextWithoutWordsHasNoGrade() {
        #expect(ReadingLevel.counts("Wait... what?! Yes").sentences == 3)
        #expect(ReadingLevel.counts("... !!").sentences == 0)
        #expect(ReadingLevel.grade("... !!") == nil)
    }
}
