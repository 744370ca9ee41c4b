import Testing

@testable import Grading

struct ShortTextScoringTests {
    let capital = """
        - id: s1
          kind: short-text
          prompt: Capital of France?
          answer:
            - Paris
            - text: Paris, France
            - pattern: 'paris\\s*\\(france\\)'
              example: Paris (France)
            - text: Paris, Texas
              credit: -1
              feedback: Paris, Texas is a different city.
            - text: Pariss
              credit: 0.5
              feedback: Check your spelling.
          reason: Paris.
        """

    @Test(arguments: [
        ("paris", 1.0), ("  PARIS,   france ", 1.0), ("Paris (France)", 1.0), ("Pariss", 0.5), ("Paris, Texas", 0.0), ("Lyon", 0.0),
    ])
    func answersAreComparedAfterTrimmingCollapsingSpacesAndIgnoringCase(answer: String, expected: Double) throws {
        #expect(try score("\"\(answer)\"", item(capital)).score == expected)
    }

    @Test func aPartialVariantSaysWhatItEarnsAndShowsItsFeedback() throws {
        #expect(
            try score("\"Pariss\"", item(capital)).feedback == [
                "Your answer 'Pariss' earns 50%; the best answer is 'Paris'.", "Check your spelling.",
            ])
    }

    @Test func aTrapVariantScoresZeroAndExplainsWhy() throws {
        let result = try score("\"Paris, Texas\"", item(capital))
        #expect(
            result.feedback == ["Your answer 'Paris, Texas' earns 0%; the best answer is 'Paris'.", "Paris, Texas is a different city."])
        #expect(result.observations == [.trap])
    }

    @Test func anUnknownAnswerNamesAnAcceptedOne() throws {
        #expect(
            try score("\"Lyon\"", item(capital)).feedback == [
                "Your answer 'Lyon' is not one of the accepted answers; an accepted answer is 'Paris'."
            ])
    }

    @Test func caseSensitiveItemsCompareCase() throws {
        let exact = try item(
            """
            - id: s2
              kind: short-text
              prompt: Entity type?
              case-sensitive: true
              max-length: 5
              answer: LOC
              reason: Locations.
            """)
        #expect(try score("\"LOC\"", exact).score == 1)
        #expect(try score("\"loc\"", exact).score == 0)
        #expect(throws: AnswerShapeError("the answer is 8 characters long; at most 5 are accepted")) {
            try response("\"LOCATION\"", for: exact)
        }
    }
}

struct NumericScoringTests {
    let door = """
        - id: n2
          kind: numeric
          prompt: Door width?
          unit: cm
          answer:
            - {value: 90, tolerance: 5%}
            - {value: 90, tolerance: 15, credit: 0.5}
          reason: About 90 cm.
        """

    @Test(arguments: [(90.0, 1.0), (94.5, 1.0), (85.5, 1.0), (94.6, 0.5), (105.0, 0.5), (105.1, 0.0), (0.0, 0.0)])
    func theBestVariantWhoseToleranceHoldsTheAnswerGivesTheCredit(answer: Double, expected: Double) throws {
        #expect(try score("\(answer)", item(door)).score == expected)
    }

    @Test func feedbackGivesTheGapAndTheUnit() throws {
        #expect(
            try score("100", item(door)).feedback == [
                "You answered 100 cm; the answer is 90 cm (± 4.5 cm), so yours is 10 cm too high and earns 50%."
            ])
        #expect(try score("60", item(door)).feedback == ["You answered 60 cm; the answer is 90 cm (± 4.5 cm), so yours is 30 cm too low."])
    }

    @Test func decimalRoundingNeverCostsAPoint() throws {
        let sum = try item("- id: n\n  kind: numeric\n  prompt: 0.1 + 0.2?\n  answer: 0.3\n  reason: Arithmetic.\n")
        #expect(try score("0.30000000000000004", sum).score == 1)
    }

    @Test func aStringIsNotANumber() throws {
        #expect(throws: AnswerShapeError("expects a number, got a string")) { try response("\"90\"", for: item(door)) }
    }
}
