import Courseware
import Foundation
import Testing

@testable import Grading

private func spanTask(_ item: Item) throws -> SpanTask {
    guard case .spans(let task, _) = item.content else { throw AnswerInput.Problem("not a spans item") }
    return task
}

/// What a learner types at the terminal and writes in answers files, read by one set of rules.
struct TypedAnswerTests {
    @Test(arguments: [
        ("Google's new office.", ["Google", "'s", "new", "office", "."]),
        ("President Lincoln’s speech", ["President", "Lincoln", "’s", "speech"]),
        ("a co-founder, 'quoted' don't", ["a", "co-founder", ",", "'", "quoted", "'", "don", "'t"]),
    ])
    func cliticsAndPunctuationAreTokensOfTheirOwn(text: String, expected: [String]) {
        #expect(AnswerInput.tokens(text).map(\.text) == expected)
    }

    @Test func aPerfectTypedAnswerToAPossessiveItemScoresFullCredit() throws {
        let yaml = """
            - id: s5
              kind: spans
              prompt: Mark every entity.
              text: Google's new office in Zurich will open next March.
              labels: [ORG, LOC, DATE]
              answer:
                - {text: Google, label: ORG}
                - {text: Zurich, label: LOC}
                - {text: next March, label: DATE}
              reason: The possessive stays out.
            """
        let item = try #require(loadInline(yaml).assessment?.items.first)
        let task = try spanTask(item)
        let typed = try AnswerInput.spans("1 ORG; 6 loc; 9-10 DATE", task)
        #expect(item.score(.spans(typed)).score == 1)
    }

    @Test func entitiesSeparatedByCommasAreToldToUseSemicolonsOnce() throws {
        let yaml = "- {id: s1, kind: spans, prompt: Mark., text: Ana met Bo in Rome, labels: [PER, LOC], answer: [], reason: R.}\n"
        let task = try spanTask(try #require(loadInline(yaml).assessment?.items.first))
        #expect(throws: AnswerInput.Problem("Separate entities with ';', not ',': e.g. 1 PER; 8-9 LOC.")) {
            try AnswerInput.spans("1 PER, 5 LOC", task)
        }
    }

    @Test func aMistypedLabelSuggestsOnceWithoutAStrayFullStop() {
        #expect(throws: AnswerInput.Problem("'DATA' is not a label; use one of PER, DATE; did you mean 'DATE'?")) {
            try AnswerInput.label("DATA", ["PER", "DATE"])
        }
        #expect(throws: AnswerInput.Problem("'xyzzy' is not a label; use one of PER, DATE.")) {
            try AnswerInput.label("xyzzy", ["PER", "DATE"])
        }
    }

    @Test func labelsMatchWhateverCaseIsWrittenUnlessTwoDifferOnlyInCase() {
        #expect(DeclaredName.match("insult", in: ["INSULT", "OK"]) == "INSULT")
        #expect(DeclaredName.match("Ok", in: ["ok", "OK"]) == nil)
        #expect(DeclaredName.match("OK", in: ["ok", "OK"]) == "OK")
        #expect((try? AnswerInput.label("date", ["DATE"])) == "DATE")
    }

    @Test func anAnswersFileGivesLabelsAndOptionsInAnyCaseAsTheTerminalDoes() throws {
        let yaml = """
            - {id: q1, kind: single-choice, prompt: Which?, options: [INSULT, OK], answer: INSULT, reason: R.}
            - {id: s1, kind: spans, prompt: Mark., text: Ana sings, labels: [PER], answer: [{text: Ana, label: PER}], reason: R.}
            """
        let test = try #require(loadInline(yaml).assessment)
        let json = #"{"assessment": "\#(test.id)", "answers": {"q1": "insult", "s1": [{"start": 0, "end": 3, "label": "per"}]}}"#
        let sheet = try AnswerSheet.decode(Array(json.utf8), path: "a.json", for: test)
        #expect(Grader().grade(sheet, for: test).score == 1)
    }

    @Test func checkRefusesAGoldSpanThatTokenPickingCannotSelect() throws {
        let yaml = """
            - id: s1
              kind: spans
              prompt: Mark.
              text: Googlers met.
              labels: [ORG]
              answer: [{start: 0, end: 6, label: ORG}]
              reason: R.
            """
        let test = try #require(loadInline(yaml).assessment)
        let lines = AssessmentChecker(checkLessonLinks: false).check(test).map(\.description)
        #expect(
            lines.contains(
                "items.yaml:1:3: error: [span-not-selectable] gold span 'Google' (ORG) of item 's1' does not start and end at token edges, so a learner picking tokens ('Googlers') cannot select it; move the span to whole tokens"
            ), "\(lines)")
    }
}
