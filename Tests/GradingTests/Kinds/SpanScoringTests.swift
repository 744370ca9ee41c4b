import Testing

@testable import Grading

struct SpanScoringTests {
    let entities = """
        - id: ner1
          kind: spans
          prompt: Mark the entities.
          text: Tim Cook said Apple will open an office near the Bank of England in London.
          labels: [PER, ORG, LOC]
          answer:
            - {text: Tim Cook, label: PER}
            - {text: Apple, label: ORG}
            - {text: Bank of England, label: ORG}
            - {start: 68, end: 74, label: LOC}
          reason: People, companies and places.
        """
    let tim = "{\"start\": 0, \"end\": 8, \"label\": \"PER\"}"
    let apple = "{\"start\": 14, \"end\": 19, \"label\": \"ORG\"}"
    let bank = "{\"start\": 49, \"end\": 64, \"label\": \"ORG\"}"
    let london = "{\"start\": 68, \"end\": 74, \"label\": \"LOC\"}"

    @Test func goldWrittenAsWordsBecomesScalarOffsets() throws {
        guard case .spans(_, let key) = try item(entities).content else { Issue.record("not a span item"); return }
        #expect(key.spans.map(\.start) == [0, 14, 49, 68])
        #expect(key.spans.map(\.end) == [8, 19, 64, 74])
    }

    @Test func theExactAnswerScoresFullCredit() throws {
        let result = try score("[\(tim), \(apple), \(bank), \(london)]", item(entities))
        #expect(result.score == 1)
        #expect(result.feedback == [])
    }

    @Test func aWrongLabelIsNamedInTheTextsOwnWords() throws {
        let result = try score("[\(tim), {\"start\": 14, \"end\": 19, \"label\": \"PER\"}, \(bank), \(london)]", item(entities))
        #expect(close(result.score, 0.75))
        #expect(result.feedback == ["'Apple' labelled PER, gold says ORG."])
        #expect(result.observations == [.confused(gold: "ORG", answer: "PER")])
    }

    @Test func aSpanThatTakesInAnArticleSaysWhichWords() throws {
        let result = try score("[\(tim), \(apple), {\"start\": 45, \"end\": 64, \"label\": \"ORG\"}, \(london)]", item(entities))
        #expect(close(result.score, 0.75))
        #expect(result.feedback == ["Span 'the Bank of England' includes 'the'; gold marks 'Bank of England' (ORG)."])
        #expect(result.observations == [.boundary(noun: "span", loose: true)])
    }

    @Test func aShortSpanSaysWhatItLeavesOut() throws {
        let result = try score("[\(tim), \(apple), {\"start\": 49, \"end\": 53, \"label\": \"ORG\"}, \(london)]", item(entities))
        #expect(result.feedback == ["Span 'Bank' leaves out 'of England'; gold marks 'Bank of England' (ORG)."])
    }

    @Test func missedAndExtraEntitiesAreListedInTextOrder() throws {
        let result = try score("[\(tim), \(apple), {\"start\": 33, \"end\": 39, \"label\": \"ORG\"}, \(bank)]", item(entities))
        #expect(result.feedback == ["'office' (ORG) is not an entity in the gold answer.", "You missed 'London' (LOC)."])
        #expect(close(metric(.precision, in: result), 0.75))
        #expect(close(metric(.recall, in: result), 0.75))
    }

    @Test func overlapMatchingForgivesBoundariesButNotLabels() throws {
        let loose = try item(entities + "\n  match: overlap")
        let result = try score("[\(tim), \(apple), {\"start\": 45, \"end\": 64, \"label\": \"ORG\"}, \(london)]", loose)
        #expect(result.score == 1)
        #expect(result.feedback == [])
        #expect(close(metric(.exactF1, in: result), 0.75))
    }

    @Test func aTextWithNoEntitiesAndAnEmptyAnswerScoresFullCredit() throws {
        let none = try item(
            """
            - id: ner2
              kind: spans
              prompt: Mark the entities, if any.
              text: It rained all afternoon.
              labels: [PER, ORG, LOC]
              answer: []
              reason: No entity.
            """)
        let nothing = try score("[]", none)
        #expect(nothing.score == 1)
        #expect(metric(.f1, in: nothing) == 1)
        #expect(nothing.departures == [Departure(metric: .f1, rule: .bothEmpty, value: 1, reference: 0)])
        let extra = try score("[{\"start\": 0, \"end\": 2, \"label\": \"PER\"}]", none)
        #expect(extra.score == 0)
        #expect(extra.counts == [Tally(.truePositives, 0), Tally(.falsePositives, 1), Tally(.falseNegatives, 0)])
    }

    @Test func offsetsAreUnicodeScalarsSoEmojiAndAccentsCountOnce() throws {
        let accents = try item(
            """
            - id: u
              kind: spans
              prompt: Mark the city.
              text: "🎉 Café in Zürich"
              labels: [LOC]
              answer: [{text: Zürich, label: LOC}]
              reason: A city.
            """)
        guard case .spans(_, let key) = accents.content else { Issue.record("not a span item"); return }
        #expect(key.spans == [SpanAnnotation(start: 10, end: 16, label: "LOC")])
        #expect(try score("[{\"start\": 10, \"end\": 16, \"label\": \"LOC\"}]", accents).score == 1)
    }

    @Test func answersOutsideTheTextOrWithUnknownLabelsAreRefused() throws {
        let ner = try item(entities)
        #expect(throws: AnswerShapeError("span 1 [70, 80) is not inside the text of 75 characters")) {
            try response("[{\"start\": 70, \"end\": 80, \"label\": \"LOC\"}]", for: ner)
        }
        #expect(throws: AnswerShapeError("span 1 has label 'ORGG', which is not one of PER, ORG, LOC (did you mean 'ORG'?)")) {
            try response("[{\"start\": 0, \"end\": 3, \"label\": \"ORGG\"}]", for: ner)
        }
    }
}
