import Testing

@testable import Grading

struct SingleChoiceScoringTests {
    let yaml = """
        - id: q1
          kind: single-choice
          prompt: What sentiment?
          options:
            - POSITIVE
            - NEGATIVE
            - NEUTRAL
            - MIXED
            - {id: skip, text: Skip, feedback: Never skip a clear item.}
          answer: {MIXED: 1, NEGATIVE: 0.5, skip: -1}
          reason: Both feelings are present.
        """

    @Test func theRightOptionEarnsFullCreditWithoutFeedback() throws {
        let result = try score("\"MIXED\"", item(yaml))
        #expect(result.score == 1)
        #expect(result.verdict == .correct)
        #expect(result.feedback == [])
    }

    @Test func aPartlyRightOptionEarnsItsCreditAndNamesTheBestAnswer() throws {
        let result = try score("\"NEGATIVE\"", item(yaml))
        #expect(result.score == 0.5)
        #expect(result.verdict == .partial)
        #expect(result.feedback == ["You chose 'NEGATIVE', which earns 50%; the best answer is 'MIXED'."])
        #expect(result.observations == [.confused(gold: "MIXED", answer: "NEGATIVE")])
    }

    @Test func anUnlistedOptionScoresZero() throws {
        let result = try score("\"NEUTRAL\"", item(yaml))
        #expect(result.score == 0)
        #expect(result.verdict == .incorrect)
        #expect(result.feedback == ["You chose 'NEUTRAL'; the answer is 'MIXED'."])
    }

    @Test func aTrapScoresZeroShowsItsFeedbackAndIsObserved() throws {
        let result = try score("\"skip\"", item(yaml))
        #expect(result.score == 0)
        #expect(metric(.credit, in: result) == -1)
        #expect(result.feedback == ["You chose 'Skip'; the answer is 'MIXED'.", "Never skip a clear item."])
        #expect(result.observations.contains(.trap))
    }

    @Test func noAnswerScoresZeroAsUnanswered() throws {
        let result = try item(yaml).score(nil)
        #expect(result.score == 0)
        #expect(result.verdict == .unanswered)
    }

    @Test func anOptionThatDoesNotExistIsRefusedWithASuggestion() throws {
        #expect(throws: AnswerShapeError("'MIXD' is not one of the options; did you mean 'MIXED'?")) {
            try response("\"MIXD\"", for: item(yaml))
        }
    }
}

struct MultipleChoiceScoringTests {
    let jaccard = """
        - id: m1
          kind: multiple-choice
          prompt: Which flags apply?
          options: [spam, link, hate, adult]
          answer: [spam, link]
          reason: Advert with a link.
        """

    @Test(arguments: [
        ("[\"spam\", \"link\"]", 1.0),
        ("[\"spam\"]", 0.5),
        ("[\"spam\", \"link\", \"hate\"]", 2.0 / 3.0),
        ("[\"hate\"]", 0.0),
        ("[]", 0.0),
    ])
    func theScoreIsTheJaccardSimilarityOfTheTickedSet(answer: String, expected: Double) throws {
        #expect(close(try score(answer, item(jaccard)).score, expected))
    }

    @Test func feedbackNamesMissedAndWronglyTickedOptions() throws {
        let result = try score("[\"spam\", \"hate\"]", item(jaccard))
        #expect(result.feedback == ["You did not tick 'link', which applies.", "You ticked 'hate', which does not apply."])
        #expect(result.observations == [.missed(noun: "option"), .extra(noun: "option")])
    }

    @Test func anEmptyGoldAndAnEmptyAnswerScoreFullCreditNotTheReferenceZero() throws {
        let none = try item(
            """
            - id: m0
              kind: multiple-choice
              prompt: Which flags apply?
              options: [spam, link]
              answer: []
              reason: Nothing applies.
            """)
        #expect(try score("[]", none).score == 1)
        #expect(try score("[\"spam\"]", none).score == 0)
    }

    @Test(arguments: [("[\"none\"]", 1.0), ("[\"none\", \"spam\"]", 0.5), ("[\"spam\"]", 0.0), ("[\"link\"]", 0.0)])
    func aCreditMapSumsTheCreditsOfTickedOptionsAndTrapsSubtract(answer: String, expected: Double) throws {
        let credits = try item(
            """
            - id: m2
              kind: multiple-choice
              prompt: Which flags apply?
              options: [spam, link, none]
              answer: {none: 1, spam: -0.5}
              reason: Ordinary post.
            """)
        #expect(close(try score(answer, credits).score, expected))
    }

    @Test func allOrNothingScoringNeedsTheExactSet() throws {
        let exact = try item(jaccard + "\n  scoring: all-or-nothing")
        #expect(try score("[\"spam\"]", exact).score == 0)
        #expect(try score("[\"link\", \"spam\"]", exact).score == 1)
    }

    @Test func tickingAnOptionTwiceIsRefused() throws {
        #expect(throws: AnswerShapeError("ticks 'spam' twice")) { try response("[\"spam\", \"spam\"]", for: item(jaccard)) }
    }
}
