import Testing

@testable import Grading

struct RatingScoringTests {
    let labelled = """
        - id: r1
          kind: rating
          prompt: How relevant?
          scale: {min: 1, max: 5, labels: {1: Irrelevant, 5: Perfect}}
          answer: 5
          reason: Exact answer.
        """

    @Test(arguments: [(5, 1.0), (4, 0.5), (3, 0.0), (1, 0.0)])
    func creditFallsWithDistanceByDefaultOneThenAHalf(rating: Int, expected: Double) throws {
        #expect(try score("\(rating)", item(labelled)).score == expected)
    }

    @Test func feedbackSaysHowFarAndInWhichDirection() throws {
        let result = try score("4", item(labelled))
        #expect(result.feedback == ["You rated 4; gold is 5 ('Perfect'), 1 step lower, which earns 50%."])
        #expect(result.observations == [.ratingBias(higher: false)])
    }

    @Test func distanceIsToTheNearestAcceptedValueWithCustomPartialCredit() throws {
        let several = try item(
            """
            - id: r2
              kind: rating
              prompt: How relevant?
              scale: [1, 5]
              answer: [1, 2]
              partial-credit: [1, 0.5, 0.25]
              reason: Other language.
            """)
        #expect(try score("2", several).score == 1)
        #expect(try score("3", several).score == 0.5)
        #expect(try score("4", several).score == 0.25)
        #expect(try score("5", several).score == 0)
        #expect(try score("5", several).feedback == ["You rated 5; gold is 2, 3 steps higher."])
    }

    @Test func aRatingOffTheScaleIsRefused() throws {
        #expect(throws: AnswerShapeError("rating 6 is outside the scale 1–5")) { try response("6", for: item(labelled)) }
        #expect(throws: AnswerShapeError("the rating must be a whole number, got 4.5")) { try response("4.5", for: item(labelled)) }
    }
}
