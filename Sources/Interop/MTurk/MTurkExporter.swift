internal import Foundation
internal import Grading

/// An assessment as a Mechanical Turk qualification test: a `QuestionForm` and the
/// `AnswerKey` that scores it (see ``MTurkImporter`` for how the scoring maps).
///
/// Each choice item's credits become integer `AnswerScore`s: credit × weight × 100, so the
/// `PercentageMapping`'s `MaximumSummedScore` (the sum of the best scores) gives Groundwork's
/// total as a percentage. A multiple-choice item keeps only its full-credit combination
/// (MTurk scores exact combinations); Jaccard partial credit and credit maps are lost. Short-
/// text and numeric items become free-text questions the key cannot score. Lost, each with a
/// note: other kinds, option feedback, reasons, the common keys and the pass mark.
enum MTurkExporter {
    static let formNamespace = "http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2017-11-06/QuestionForm.xsd"
    static let keyNamespace = "http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2005-10-01/AnswerKey.xsd"

    static func write(_ assessment: Assessment) -> (form: String, key: String, notes: [ConversionNote]) {
        var notes: [ConversionNote] = []
        var form = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<QuestionForm xmlns=\"\(formNamespace)\">"]
        form += ["  <Overview>", "    <Title>\(XMLText.escape(assessment.title))</Title>"]
        let instructions = assessment.instructions.trimmingCharacters(in: .whitespacesAndNewlines)
        if !instructions.isEmpty { form.append("    <Text>\(XMLText.escape(instructions))</Text>") }
        form.append("  </Overview>")
        var key = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<AnswerKey xmlns=\"\(keyNamespace)\">"]
        var maximum = 0
        for item in assessment.items {
            let location = item.location(in: assessment)
            func lost(_ what: String) { notes.append(ConversionNote(location, "item '\(item.id)': \(what)")) }
            let points = { (credit: Double) -> Int in Int((credit * item.weight * 100).rounded()) }
            var question = ["  <Question>", "    <QuestionIdentifier>\(XMLText.escape(item.id))</QuestionIdentifier>"]
            question.append(
                "    <QuestionContent><Text>\(XMLText.escape(item.prompt.trimmingCharacters(in: .whitespacesAndNewlines)))</Text></QuestionContent>"
            )
            switch item.content {
            case .singleChoice(let task, let singleKey):
                question += selections(task, multiple: false)
                var options: [String] = []
                for option in task.options {
                    guard let credit = singleKey.credits[option.id], credit != 0 else { continue }
                    if abs(Double(points(credit)) / 100 - credit * item.weight) > 1e-9 { lost("a credit is rounded to whole points") }
                    options.append(answerOption([option.id], points(credit)))
                }
                maximum += points(1)
                key +=
                    ["  <Question>", "    <QuestionIdentifier>\(XMLText.escape(item.id))</QuestionIdentifier>"] + options + [
                        "  </Question>"
                    ]
                if !singleKey.explanations.isEmpty { lost("option feedback is not kept") }
            case .multipleChoice(let task, let multipleKey):
                question += selections(task, multiple: true)
                let gold = task.options.map(\.id).filter {
                    multipleKey.credits.isEmpty ? multipleKey.correct.contains($0) : (multipleKey.credits[$0] ?? 0) > 0
                }
                if multipleKey.scoring != .allOrNothing || !multipleKey.credits.isEmpty {
                    lost("only the full-credit combination scores in MTurk (it matches exact combinations); partial credit is lost")
                }
                maximum += points(1)
                key += [
                    "  <Question>", "    <QuestionIdentifier>\(XMLText.escape(item.id))</QuestionIdentifier>",
                    answerOption(gold, points(1)),
                    "  </Question>",
                ]
            case .shortText, .numeric:
                let numeric = item.kind == .numeric ? "<Constraints><IsNumeric/></Constraints>" : ""
                question.append("    <AnswerSpecification><FreeTextAnswer>\(numeric)</FreeTextAnswer></AnswerSpecification>")
                lost("a free-text question, which an MTurk answer key cannot score; its gold is not in the key")
            case .rating, .spans, .boxes, .polygons, .keypoints, .transcription, .timeSegments, .ranking, .pairwise, .rubric:
                notes.append(ExportNotes.unsupported(item, in: assessment, format: "an MTurk QuestionForm"))
                continue
            }
            notes += ExportNotes.commonKeys(item, in: assessment, format: "an MTurk QuestionForm")
            form += question + ["  </Question>"]
        }
        form.append("</QuestionForm>")
        key += [
            "  <QualificationValueMapping>", "    <PercentageMapping>", "      <MaximumSummedScore>\(maximum)</MaximumSummedScore>",
            "    </PercentageMapping>", "  </QualificationValueMapping>", "</AnswerKey>",
        ]
        notes.append(
            ConversionNote(
                SourceLocation(file: assessment.assessmentPath),
                "the pass mark (\(NumberText.exact(assessment.passMark * 100))%) belongs in the QualificationRequirement of the HITs, not in the answer key; set it there"
            ))
        return (form.joined(separator: "\n") + "\n", key.joined(separator: "\n") + "\n", notes)
    }

    private static func selections(_ task: ChoiceTask, multiple: Bool) -> [String] {
        var lines = ["    <AnswerSpecification>", "      <SelectionAnswer>"]
        if multiple { lines.append("        <MaxSelectionCount>\(task.options.count)</MaxSelectionCount>") }
        lines.append("        <StyleSuggestion>\(multiple ? "checkbox" : "radiobutton")</StyleSuggestion>")
        lines.append("        <Selections>")
        for option in task.options {
            lines.append(
                "          <Selection><SelectionIdentifier>\(XMLText.escape(option.id))</SelectionIdentifier><Text>\(XMLText.escape(option.text))</Text></Selection>"
            )
        }
        return lines + ["        </Selections>", "      </SelectionAnswer>", "    </AnswerSpecification>"]
    }

    private static func answerOption(_ selections: [String], _ score: Int) -> String {
        "    <AnswerOption>" + selections.map { "<SelectionIdentifier>\(XMLText.escape($0))</SelectionIdentifier>" }.joined()
            + "<AnswerScore>\(score)</AnswerScore></AnswerOption>"
    }
}
