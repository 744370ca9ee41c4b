import Foundation
import Testing

@testable import Grading

struct TranscriptionScoringTests {
    let homophones = """
        - id: t1
          kind: transcription
          prompt: Transcribe the clip.
          duration: 4.2
          answer: I think their car is parked over there.
          reason: Homophones.
        """
    let clean = """
        - id: t2
          kind: transcription
          prompt: Transcribe the clip.
          wer: 10%
          ignore: [case, punctuation, tags, fillers]
          answer: [We open at nine on weekdays and at ten on Saturdays., We open at 9 on weekdays and at 10 on Saturdays.]
          reason: Clean verbatim.
        """

    @Test func caseAndPunctuationAreIgnoredByDefault() throws {
        #expect(try score("\"i THINK their car is parked over there\"", item(homophones)).score == 1)
    }

    @Test func eachSubstitutionIsQuotedWithWhatTheAudioSays() throws {
        let result = try score("\"I think there car is parked over their.\"", item(homophones))
        #expect(result.score == 0.75)
        #expect(metric(.wer, in: result) == 0.25)
        #expect(
            result.feedback == [
                "Word error rate 25%: 2 wrong words, 0 missing words, 0 extra words.",
                "You wrote 'there', the audio says 'their'.",
                "You wrote 'their', the audio says 'there'.",
            ])
        #expect(result.observations == [.misheard(said: "their", wrote: "there"), .misheard(said: "there", wrote: "their")])
    }

    @Test func fillersAndTagsAreDroppedWhenIgnoredAndTheBestReferenceCounts() throws {
        #expect(try score("\"Um, we open at 9 on weekdays [noise] and at 10 on Saturdays\"", item(clean)).score == 1)
    }

    @Test func errorsBeyondTheAllowanceCostTheirShare() throws {
        let result = try score("\"we open at nine on weekdays\"", item(clean))
        // WER 5/11 against an allowance of 10%: (1 − 5/11) / 0.9.
        #expect(close(result.score, (1 - 5.0 / 11.0) / 0.9))
        #expect(
            result.feedback == [
                "Word error rate 45.5%, 10% allowed: 0 wrong words, 5 missing words, 0 extra words.",
                "You left out 'and at ten on Saturdays'.",
            ])
    }

    @Test func feedbackQuotesWordsAsWrittenNotAsNormalised() throws {
        let numbers = """
            - id: t3
              kind: transcription
              prompt: Transcribe the clip.
              answer: Their team reviewed forty-two images at 7:15.
              reason: Numbers as spoken.
            """
        let result = try score("\"There team reviewed 42 images at 7:15.\"", item(numbers))
        #expect(
            result.feedback.dropFirst() == ["You wrote 'There', the audio says 'Their'.", "You wrote '42', the audio says 'forty-two'."])
        #expect(result.observations == [.misheard(said: "their", wrote: "there"), .misheard(said: "fortytwo", wrote: "42")])
    }

    @Test func anEmptyTranscriptScoresZeroEvenWithAnAllowance() throws {
        #expect(try score("\"\"", item(clean)).score == 0)
    }

    @Test func verbatimItemsCountFillers() throws {
        let verbatim = try item(homophones + "\n  ignore: []")
        let result = try score("\"I think their car is parked over there.\"", verbatim)
        #expect(result.score == 1)
        #expect(try score("\"i think their car is parked over there\"", verbatim).score < 1)
    }
}

struct RankingScoringTests {
    let flights = """
        - id: rank1
          kind: ranking
          prompt: cheap flights to paris
          candidates:
            - {id: d1, text: Flight comparison}
            - {id: d2, text: Paris travel guide}
            - {id: d3, text: History of aviation}
          answer: [d1, d2, d3]
          reason: Direct answer first.
        """

    @Test func theScoreIsTheShareOfPairsInGoldOrder() throws {
        let result = try score("[\"d2\", \"d1\", \"d3\"]", item(flights))
        #expect(close(result.score, 2.0 / 3.0))
        #expect(close(metric(.kendallTau, in: result), 1.0 / 3.0))
        #expect(result.feedback == ["You put 'Paris travel guide' above 'Flight comparison'; gold ranks 'Flight comparison' higher."])
    }

    @Test func aReversedOrderScoresZeroAndListsThreeSwapsThenCounts() throws {
        let result = try score("[\"d3\", \"d2\", \"d1\"]", item(flights))
        #expect(result.score == 0)
        #expect(result.feedback.count == 3)
        #expect(result.observations.count == 3)
    }

    @Test func ndcgScoringUsesGradedRelevanceWithTies() throws {
        let graded = try item(
            """
            - id: rank2
              kind: ranking
              prompt: python tutorial
              candidates: [Official, Video, Snake, Java]
              answer: {Official: 3, Video: 3, Snake: 0, Java: 1}
              scoring: ndcg
              reason: Tutorials first.
            """)
        #expect(close(try score("[\"Video\", \"Official\", \"Java\", \"Snake\"]", graded).score, 1))
        // DCG = 3/log2(3) + 3/log2(4) + 1/log2(5) over IDCG = 3 + 3/log2(3) + 1/2.
        let log2 = { (x: Double) in Foundation.log2(x) }
        let expected = (3 / log2(3) + 3 / log2(4) + 1 / log2(5)) / (3 + 3 / log2(3) + 0.5)
        #expect(close(try score("[\"Snake\", \"Official\", \"Video\", \"Java\"]", graded).score, expected, 1e-12))
    }

    @Test func anIncompleteOrderIsRefused() throws {
        #expect(throws: AnswerShapeError("does not rank 'd3'; put every candidate in the order")) {
            try response("[\"d1\", \"d2\"]", for: item(flights))
        }
        #expect(throws: AnswerShapeError("ranks 'd1' twice")) { try response("[\"d1\", \"d1\", \"d2\"]", for: item(flights)) }
    }
}

struct PairwiseScoringTests {
    let wall = """
        - id: pw1
          kind: pairwise
          prompt: When did the Berlin Wall fall?
          responses:
            A: The Berlin Wall fell on 9 November 1989.
            B: The Berlin Wall fell in 1991.
          dimensions:
            - {id: accuracy, scale: [1, 5]}
            - {id: helpfulness, scale: [1, 5]}
          answer:
            preferred: A
            ratings:
              A: {accuracy: 5, helpfulness: 4}
              B: {accuracy: 1, helpfulness: 2}
            reason:
              min-words: 8
              mentions: [[1989], [wrong, incorrect]]
          reason: B gives the wrong year.
        """

    @Test func theRightPreferenceRatingsAndReasonScoreFullCredit() throws {
        let result = try score(
            """
            {"preferred": "A", "ratings": {"A": {"accuracy": 5, "helpfulness": 5}, "B": {"accuracy": 2, "helpfulness": 2}},
             "reason": "B says 1991, which is wrong; the wall fell in 1989."}
            """, item(wall))
        #expect(result.score == 1)
        #expect(result.feedback == [])
    }

    @Test func eachPartLosesItsWeightWithItsOwnFeedback() throws {
        let result = try score(
            """
            {"preferred": "B", "ratings": {"A": {"accuracy": 5, "helpfulness": 4}, "B": {"accuracy": 4, "helpfulness": 2}},
             "reason": "B is better."}
            """, item(wall))
        #expect(close(result.score, 0.3 * 0.75))
        #expect(
            result.feedback == [
                "You preferred B; gold prefers A.",
                "You rated B's accuracy 4; gold says 1 (± 1 accepted).",
                "Your reason has 3 words; write at least 8 that say why.",
            ])
    }

    @Test func aReasonMustMentionEachKeyPoint() throws {
        let result = try score(
            """
            {"preferred": "A", "ratings": {"A": {"accuracy": 5, "helpfulness": 4}, "B": {"accuracy": 1, "helpfulness": 2}},
             "reason": "Response A is right and B is simply wrong about the date."}
            """, item(wall))
        #expect(close(result.score, 0.5 + 0.3 + 0.2 * 0.5))
        #expect(result.feedback == ["Your reason does not mention '1989', which is the key point here."])
    }

    @Test func missingRatingsCountAsWrong() throws {
        let result = try score("{\"preferred\": \"A\", \"reason\": \"A is correct: 1989. B is wrong, it says 1991.\"}", item(wall))
        #expect(close(result.score, 0.7))
        #expect(result.feedback.first == "You did not rate A's accuracy; gold says 5.")
    }

    @Test func aTieIsOnlyAcceptedWhenTheItemAllowsIt() throws {
        #expect(throws: AnswerShapeError("'preferred' is 'tie'; use one of A, B")) {
            try response("{\"preferred\": \"tie\"}", for: item(wall))
        }
    }
}
