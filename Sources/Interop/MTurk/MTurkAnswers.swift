internal import Foundation
internal import Grading

/// A worker's `QuestionFormAnswers` (the `Answer` of an assignment or a qualification
/// request) as one learner's answers file, and an answers file written back in that form.
///
/// Each `Answer` is matched to the item whose id is its `QuestionIdentifier` (as an MTurk
/// import names items): `SelectionIdentifier`s answer single- and multiple-choice items,
/// `FreeText` answers short-text and numeric items. The sheet is then scored by `grade` and
/// `stats` with the items' credits, which an MTurk import took from the AnswerKey, so the
/// total is the AnswerKey's percentage (see docs/interop.md for where the two differ).
/// Left out, each with a note: answers to questions the test does not have, uploaded files,
/// `OtherSelectionText`, a second answer to one question, free text for a choice item,
/// selections for a text item, and free text that is not a number for a numeric item.
enum MTurkAnswers {
    static let namespace = "http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2005-10-01/QuestionFormAnswers.xsd"

    static func read(_ root: XMLElementNode, for assessment: Assessment, learner: String?) throws(InteropError) -> (
        AnswerSheet, [ConversionNote]
    ) {
        guard root.localName == "QuestionFormAnswers" else {
            throw InteropError(root.location, "is a <\(root.name)>, not the <QuestionFormAnswers> of an assignment")
        }
        var notes: [ConversionNote] = []
        var responses: [String: ItemResponse] = [:]
        for answer in root.all("Answer") {
            let question = try answer.required("QuestionIdentifier").text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let item = assessment.item(question) ?? assessment.item(DraftItem.identifier(question)) else {
                notes.append(
                    ConversionNote(answer.location, "answers question '\(question)', which '\(assessment.id)' does not have; left out"))
                continue
            }
            func lost(_ what: String) { notes.append(ConversionNote(answer.location, "question '\(question)': \(what); left out")) }
            guard responses[item.id] == nil else {
                lost("a second answer to the same question")
                continue
            }
            if answer.first("UploadedFileKey") != nil { lost("an uploaded file has no Groundwork form") }
            if answer.first("OtherSelectionText") != nil { lost("the 'other' text is not an option of the item") }
            let selections = answer.all("SelectionIdentifier").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
            let freeText = answer.first("FreeText")?.text
            switch item.kind {
            case .singleChoice:
                guard let first = selections.first else {
                    if freeText != nil { lost("free text answers a choice item") }
                    continue
                }
                if selections.count > 1 {
                    notes.append(ConversionNote(answer.location, "question '\(question)': one option is chosen; '\(first)' is kept"))
                }
                responses[item.id] = .singleChoice(first)
            case .multipleChoice:
                guard !selections.isEmpty else {
                    if freeText != nil { lost("free text answers a choice item") }
                    continue
                }
                responses[item.id] = .multipleChoice(Set(selections))
            case .shortText:
                guard let freeText else {
                    if !selections.isEmpty { lost("selections answer a text item") }
                    continue
                }
                responses[item.id] = .shortText(freeText)
            case .numeric:
                let text = freeText?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                guard let value = Double(text), value.isFinite else {
                    lost("'\(text)' is not a number")
                    continue
                }
                responses[item.id] = .numeric(value)
            case .rating, .spans, .boxes, .polygons, .keypoints, .transcription, .timeSegments, .ranking, .pairwise, .rubric:
                lost("a \(item.kind.rawValue) item has no MTurk answer form")
            }
        }
        let sheet = AnswerSheet(assessmentID: assessment.id, learner: learner, responses: responses)
        // Read back as `grade` reads it, so an option the item does not offer is refused now.
        do {
            let path = root.location.file
            return (try AnswerSheet.decode(Array(sheet.jsonText().utf8), path: path, for: assessment).requireReadable(path: path), notes)
        } catch {
            throw InteropError(root.location, "gives answers the test refuses: " + error.problems.joined(separator: "; "))
        }
    }

    /// The sheet's choice, short-text and numeric answers as `QuestionFormAnswers`.
    static func write(_ sheet: AnswerSheet, for assessment: Assessment) -> (String, [ConversionNote]) {
        var notes: [ConversionNote] = []
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<QuestionFormAnswers xmlns=\"\(namespace)\">"]
        for item in assessment.items {
            guard let response = sheet.responses[item.id] else { continue }
            let value: [String]
            switch response {
            case .singleChoice(let id): value = ["<SelectionIdentifier>\(XMLText.escape(id))</SelectionIdentifier>"]
            case .multipleChoice(let ids): value = ids.sorted().map { "<SelectionIdentifier>\(XMLText.escape($0))</SelectionIdentifier>" }
            case .shortText(let text): value = ["<FreeText>\(XMLText.escape(text))</FreeText>"]
            case .numeric(let number): value = ["<FreeText>\(NumberText.exact(number))</FreeText>"]
            case .rating, .spans, .boxes, .polygons, .keypoints, .transcription, .timeSegments, .ranking, .pairwise, .rubric:
                notes.append(
                    ConversionNote(
                        item.location(in: assessment), "the answer to item '\(item.id)' (\(item.kind.rawValue)) has no MTurk form; left out"
                    ))
                continue
            }
            lines +=
                ["  <Answer>", "    <QuestionIdentifier>\(XMLText.escape(item.id))</QuestionIdentifier>"] + value.map { "    " + $0 } + [
                    "  </Answer>"
                ]
        }
        return ((lines + ["</QuestionFormAnswers>"]).joined(separator: "\n") + "\n", notes)
    }
}
