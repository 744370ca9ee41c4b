import Foundation
import Grading
import Interop
import TestSupport
import Testing

/// A worker's QuestionFormAnswers read as an answers file that `grade` scores with the
/// AnswerKey's semantics, and answers files written back in that form.
struct MTurkAnswersTests {
    /// The reference's example form, scored by a key written here (the reference's own key
    /// scores other questions), answered by the reference's example answers.
    @Test func theReferenceAnswersAreGradedWithTheKeysScores() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "key.xml",
            """
            <AnswerKey xmlns="http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2005-10-01/AnswerKey.xsd">
              <Question>
                <QuestionIdentifier>likelytowin</QuestionIdentifier>
                <AnswerOption><SelectionIdentifier>likely</SelectionIdentifier><AnswerScore>10</AnswerScore></AnswerOption>
                <AnswerOption><SelectionIdentifier>notlikely</SelectionIdentifier><AnswerScore>4</AnswerScore></AnswerOption>
              </Question>
            </AnswerKey>
            """)
        let test = try Imported(
            .mturk, FixturePath.of("mturk/aws-questionform-example.xml"), options: .init(answerKey: folder.path + "/key.xml"))
        let (sheet, notes) = try Interop.importAnswers(
            .mturk, file: FixturePath.of("mturk/aws-questionformanswers-example.xml"), for: test.assessment, learner: "worker")
        #expect(sheet.responses == ["likelytowin": .singleChoice("notlikely")])
        #expect(sheet.learner == "worker")
        // The free-text question has no key entry, so the import left it out; its answer is noted.
        #expect(notes.map(\.message) == ["answers question 'nextmove', which '\(test.assessment.id)' does not have; left out"])
        #expect(notes.first?.location.line == 2)
        // MTurk: 4 of the best 10 points.
        #expect(abs(Grader().grade(sheet, for: test.assessment).score - 0.4) < 1e-12)
    }

    /// Every shipped answers file of the MTurk-style test survives QuestionFormAnswers.
    @Test func shippedAnswersRoundTrip() throws {
        let shipped = try AssessmentLoader().loadChecked(folder: FixturePath.repository + "/Assessments/mturk-categorisation")
        let answers = FixturePath.repository + "/Assessments/mturk-categorisation/answers/"
        let folder = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: answers).sorted() {
            let sheet = try AnswerSheet.load(path: answers + name, for: shipped)
            let (xml, notes) = try Interop.exportAnswers(.mturk, sheet, for: shipped, file: answers + name)
            #expect(notes.isEmpty, "\(notes)")
            try folder.write(name + ".xml", xml)
            let (again, _) = try Interop.importAnswers(.mturk, file: folder.path + "/" + name + ".xml", for: shipped, learner: nil)
            #expect(again.responses == sheet.responses, "\(name)")
            #expect(Grader().grade(again, for: shipped).score == Grader().grade(sheet, for: shipped).score)
        }
    }

    @Test func answersTheTestCannotTakeAreNotedOrRefused() throws {
        let shipped = try AssessmentLoader().loadChecked(folder: FixturePath.repository + "/Assessments/sentiment-quiz")
        let choice = try #require(shipped.items.first { $0.kind == .singleChoice })
        let folder = try TemporaryFolder()
        try folder.write(
            "twice.xml",
            """
            <QuestionFormAnswers>
              <Answer><QuestionIdentifier>\(choice.id)</QuestionIdentifier><FreeText>words</FreeText></Answer>
              <Answer><QuestionIdentifier>\(choice.id)</QuestionIdentifier><UploadedFileKey>k</UploadedFileKey></Answer>
            </QuestionFormAnswers>
            """)
        let (sheet, notes) = try Interop.importAnswers(.mturk, file: folder.path + "/twice.xml", for: shipped, learner: nil)
        #expect(sheet.responses.isEmpty)
        #expect(notes.contains { $0.message.contains("free text answers a choice item") && $0.location.line == 2 })
        #expect(notes.contains { $0.message.contains("an uploaded file has no Groundwork form") && $0.location.line == 3 })
        try folder.write(
            "unknown.xml",
            "<QuestionFormAnswers>\n<Answer><QuestionIdentifier>\(choice.id)</QuestionIdentifier><SelectionIdentifier>no-such-option</SelectionIdentifier></Answer>\n</QuestionFormAnswers>"
        )
        #expect {
            _ = try Interop.importAnswers(.mturk, file: folder.path + "/unknown.xml", for: shipped, learner: nil)
        } throws: { error in
            ((error as? InteropError)?.description ?? "").contains("no-such-option")
        }
        try folder.write("form.xml", "<QuestionForm/>")
        #expect(throws: InteropError.self) {
            try Interop.importAnswers(.mturk, file: folder.path + "/form.xml", for: shipped, learner: nil)
        }
    }
}
