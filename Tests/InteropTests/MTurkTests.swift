import Foundation
import Grading
import Interop
import TestSupport
import Testing

/// Mechanical Turk QuestionForm and AnswerKey in and out, and the key's scoring kept.
struct MTurkTests {
    @Test func theReferenceExamplesAreRefusedWithEverythingTheyCannotCarry() throws {
        let options = Interop.ImportOptions(answerKey: FixturePath.of("mturk/aws-answerkey-example.xml"))
        do {
            _ = try Interop.importTest(.mturk, file: FixturePath.of("mturk/aws-questionform-example.xml"), into: "unused", options: options)
            Issue.record("a form with no scored question was accepted")
        } catch {
            #expect(error.description.contains("aws-questionform-example.xml:1:"), "\(error)")
            #expect(error.description.contains("has no question the answer key scores"))
            #expect(error.description.contains("'favoritefruit', which the QuestionForm does not ask"))
        }
    }

    @Test func aFormWithoutItsKeyOrBrokenXMLIsRefusedWithItsPlace() throws {
        #expect(throws: InteropError.self) {
            try Interop.importTest(.mturk, file: FixturePath.of("mturk/aws-questionform-example.xml"), into: "unused")
        }
        let folder = try TemporaryFolder()
        try folder.write("form.xml", "<QuestionForm>\n  <Question>\n</QuestionForm>\n")
        do {
            _ = try Interop.importTest(
                .mturk, file: folder.path + "/form.xml", into: "unused",
                options: .init(answerKey: FixturePath.of("mturk/aws-answerkey-example.xml")))
            Issue.record("broken XML was accepted")
        } catch {
            #expect(error.description.hasPrefix(folder.path + "/form.xml:3:"), "\(error)")
            #expect(error.description.contains("is not well-formed XML"))
        }
    }

    /// The shipped MTurk-style test goes out as a form and key, comes back with the same
    /// options and credits, and grades every shipped answers file as MTurk's key scores it.
    @Test func theShippedQualificationTestKeepsItsScoring() throws {
        let shipped = try AssessmentLoader().loadChecked(folder: FixturePath.repository + "/Assessments/mturk-categorisation")
        let (form, key, notes) = Interop.exportMTurk(shipped)
        #expect(notes.contains { $0.message.contains("QualificationRequirement") })
        let folder = try TemporaryFolder()
        try folder.write("form.xml", form)
        try folder.write("key.xml", key)
        let imported = try Imported(.mturk, folder.path + "/form.xml", options: .init(answerKey: folder.path + "/key.xml"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.items == Dictionary(uniqueKeysWithValues: shipped.items.map { ($0.id, $0.content) }))

        // MTurk's rule, read straight from the key: the chosen selection's score, summed, over
        // MaximumSummedScore.
        let maximum = try #require(Double(key.components(separatedBy: "<MaximumSummedScore>")[1].prefix { $0.isNumber }))
        func mturkPercentage(_ sheet: AnswerSheet) -> Double {
            var sum = 0.0
            for (id, response) in sheet.responses {
                guard case .singleChoice(let choice) = response,
                    let question = key.components(separatedBy: "<QuestionIdentifier>\(id)</QuestionIdentifier>").dropFirst().first?
                        .components(separatedBy: "</Question>").first,
                    let option = question.components(separatedBy: "<SelectionIdentifier>\(choice)</SelectionIdentifier><AnswerScore>")
                        .dropFirst().first
                else { continue }
                sum += Double(option.prefix { $0 == "-" || $0.isNumber }) ?? 0
            }
            return sum / maximum
        }
        let answers = FixturePath.repository + "/Assessments/mturk-categorisation/answers/"
        for name in try FileManager.default.contentsOfDirectory(atPath: answers).sorted() {
            let sheet = try AnswerSheet.load(path: answers + name, for: shipped)
            let again = AnswerSheet(assessmentID: imported.assessment.id, responses: sheet.responses)
            let groundwork = Grader().grade(again, for: imported.assessment).score
            let chosenTrap = sheet.responses.contains { id, response in
                guard case .singleChoice(let choice) = response, case .singleChoice(_, let credits)? = shipped.item(id)?.content else {
                    return false
                }
                return (credits.credits[choice] ?? 0) < 0
            }
            // A trap lowers MTurk's sum; Groundwork scores it 0 and flags it, so it is never below.
            if chosenTrap {
                #expect(groundwork >= mturkPercentage(sheet) - 1e-9, "\(name)")
            } else {
                #expect(abs(groundwork - mturkPercentage(sheet)) < 1e-9, "\(name)")
            }
        }
    }
}
