import Courseware
import Testing

@testable import Grading

struct AnswerSheetTests {
    func decode(_ json: String, _ id: String = "street-boxes") throws -> AnswerSheet {
        try AnswerSheet.decode(Array(json.utf8), path: "answers.json", for: Fixtures.assessment(id))
    }

    func problems(_ json: String, _ id: String = "street-boxes") -> [String] {
        do {
            _ = try decode(json, id)
            return []
        } catch let error as AnswerSheetError {
            return error.description.split(separator: "\n").map(String.init)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func aWellFormedSheetDecodesEveryAnswer() throws {
        let sheet = try decode(
            """
            {"assessment": "street-boxes", "learner": "ana",
             "answers": {"b1": [{"label": "car", "x": 100, "y": 200, "width": 200, "height": 100}]}}
            """)
        #expect(sheet.learner == "ana")
        #expect(sheet.responses["b1"] == .boxes([BoxAnnotation(label: "car", x: 100, y: 200, width: 200, height: 100)]))
    }

    /// A wrong shape spoils only its item: the sheet loads, that item is unreadable with the
    /// reason, and a caller that needs every answer gets the located message.
    @Test func aWrongShapeNamesTheFileTheItemAndWhatItExpects() throws {
        let json = "{\"assessment\": \"street-boxes\", \"answers\": {\"b1\": \"car\"}}"
        let sheet = try decode(json)
        let why =
            "item 'b1' (boxes) expects a list of boxes such as [{\"label\": \"car\", \"x\": 10, \"y\": 20, \"width\": 100, \"height\": 50}], got a string"
        #expect(sheet.responses.isEmpty)
        #expect(sheet.unreadable == ["b1": why])
        #expect(sheet.unreadableWarnings(path: "answers.json") == ["answers.json: \(why); graded as unanswered"])
        #expect(throws: AnswerSheetError(path: "answers.json", problems: [why])) { try sheet.requireReadable(path: "answers.json") }
        let result = Grader().grade(sheet, for: try Fixtures.assessment("street-boxes"))
        #expect(result.items.first { $0.id == "b1" }?.verdict == .unanswered)
    }

    @Test func anUnknownItemIdIsReportedWithASuggestion() {
        #expect(
            problems("{\"assessment\": \"street-boxes\", \"answers\": {\"b2\": []}}") == [
                "answers.json: answers item 'b2', which assessment 'street-boxes' does not have (did you mean 'b1'?)"
            ])
    }

    @Test func answersForAnotherAssessmentAreRefusedWhole() {
        #expect(
            problems("{\"assessment\": \"sentiment-single\", \"answers\": {}}") == [
                "answers.json: holds answers for assessment 'sentiment-single', not 'street-boxes'; pick the answers file of this assessment"
            ])
    }

    @Test func everyProblemIsListedAtOnce() {
        let lines = problems(
            """
            {"assessment": "sentiment-single", "learnr": "x",
             "answers": {"q1": 3, "q2": "MAYBE", "q9": "MIXED"}}
            """, "sentiment-single")
        #expect(
            lines == [
                "answers.json: has an unknown key 'learnr'; did you mean 'learner'?",
                "answers.json: answers item 'q9', which assessment 'sentiment-single' does not have (did you mean 'q1'?)",
                "answers.json: item 'q1' (single-choice) expects one option id such as \"POSITIVE\", got a number",
                "answers.json: item 'q2' (single-choice) 'MAYBE' is not one of the options; use one of POSITIVE, NEGATIVE, NEUTRAL, MIXED",
            ])
    }

    @Test func invalidJSONSaysSoWithoutCrashing() {
        let lines = problems("{\"assessment\": \"street-boxes\", \"answers\": {")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("answers.json:1:44: is not valid JSON here") == true, "\(lines)")
        let missingComma = problems("{\"assessment\": \"street-boxes\",\n \"answers\": {\n  \"b1\": []\n  \"b2\": []}}")
        #expect(missingComma.first?.hasPrefix("answers.json:4:3: is not valid JSON here") == true, "\(missingComma)")
    }

    @Test(arguments: ["[]", "null", "\"x\"", "{}", "{\"assessment\": 3}"])
    func aSheetWithoutTheRequiredKeysIsRefused(json: String) {
        #expect(problems(json).count == 1)
    }

    @Test func nullAndMissingAnswersAreUnanswered() throws {
        let sheet = try decode("{\"assessment\": \"sentiment-single\", \"answers\": {\"q1\": null}}", "sentiment-single")
        #expect(sheet.responses.isEmpty)
    }

    @Test(arguments: Fixtures.assessmentIDs)
    func goldResponsesRoundTripThroughAnswersJSON(id: String) throws {
        let assessment = try Fixtures.assessment(id)
        var responses: [String: ItemResponse] = [:]
        for item in assessment.items { responses[item.id] = item.content.goldResponses.first }
        let sheet = AnswerSheet(assessmentID: assessment.id, learner: "gold", responses: responses)
        let decoded = try AnswerSheet.decode(Array(sheet.jsonText().utf8), path: "gold.json", for: assessment)
        #expect(decoded == sheet)
    }
}
