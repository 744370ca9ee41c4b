internal import Foundation
internal import Grading

/// A Mechanical Turk qualification test, its `QuestionForm` and `AnswerKey`, as a test.
///
/// **How the answer key's scoring maps.** MTurk adds, per question, the `AnswerScore` of the
/// `AnswerOption` whose selections equal the worker's exactly (else the `DefaultScore`), and
/// a `PercentageMapping` divides the sum by `MaximumSummedScore`. Groundwork gives each item
/// a score in [0, 1] and a weight, and divides the weighted sum by the weights. So each
/// question becomes an item whose credits are its scores divided by its best score, and whose
/// weight is its best score (relative to the smallest best score): Groundwork's total then
/// equals MTurk's percentage whenever `MaximumSummedScore` is the sum of the best scores.
///
/// - A single-selection question becomes single-choice: an option's credit is its score ÷
///   the best; `DefaultScore` is the credit of every option the key does not list; a
///   negative score is a trap (credit down to −1).
/// - A multiple-selection question becomes multiple-choice, all-or-nothing on the best
///   option's selections; other scored combinations have no Groundwork form (a note).
///
/// Lost, each with a note: free-text and file-upload questions (an answer key scores
/// selections only), images and other binary content, `ScaleMapping` and `RangeMapping`,
/// a `MaximumSummedScore` other than the sum of the best scores, `IsRequired`, and the
/// passing score, which MTurk sets where a HIT requires the qualification, not in the key.
enum MTurkImporter {
    struct KeyEntry {
        var options: [(selections: [String], score: Double, node: XMLElementNode)]
        var defaultScore: Double
        var node: XMLElementNode
    }

    static func read(form: XMLElementNode, key: XMLElementNode, title: String) throws(InteropError) -> (DraftAssessment, [ConversionNote]) {
        guard form.localName == "QuestionForm" else { throw InteropError(form.location, "is a <\(form.name)>, not a <QuestionForm>") }
        guard key.localName == "AnswerKey" else { throw InteropError(key.location, "is a <\(key.name)>, not an <AnswerKey>") }
        var notes: [ConversionNote] = []
        var entries: [String: KeyEntry] = [:]
        for question in key.all("Question") {
            let id = try question.required("QuestionIdentifier").text.trimmingCharacters(in: .whitespacesAndNewlines)
            var options: [(selections: [String], score: Double, node: XMLElementNode)] = []
            for option in question.all("AnswerOption") {
                let selections = option.all("SelectionIdentifier").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
                options.append((selections, try option.number("AnswerScore"), option))
            }
            entries[id] = KeyEntry(
                options: options, defaultScore: question.first("DefaultScore") == nil ? 0 : try question.number("DefaultScore"),
                node: question)
        }
        var maximum: Double?
        if let mapping = key.first("QualificationValueMapping") {
            if let percentage = mapping.first("PercentageMapping") {
                maximum = try percentage.number("MaximumSummedScore")
            } else {
                notes.append(
                    ConversionNote(
                        mapping.location,
                        "a ScaleMapping or RangeMapping turns the summed score into a qualification value Groundwork does not keep; it reports a percentage"
                    ))
            }
        }
        notes.append(
            ConversionNote(
                key.location,
                "MTurk sets the passing score where a HIT requires the qualification, not in the answer key; 'pass-mark: 80%' is a placeholder to review"
            ))
        var instructions: [String] = []
        var questions: [(item: DraftItem, best: Double)] = []
        var seen = Set<String>()
        for child in form.children {
            switch child.localName {
            case "Overview":
                instructions.append(content(child, notes: &notes))
            case "Question":
                let id = try child.required("QuestionIdentifier").text.trimmingCharacters(in: .whitespacesAndNewlines)
                seen.insert(id)
                if let item = try question(child, id: id, key: entries[id], notes: &notes) { questions.append(item) }
            default:
                notes.append(ConversionNote(child.location, "<\(child.name)> is not part of a QuestionForm; left out"))
            }
        }
        for (id, entry) in entries.sorted(by: { $0.key < $1.key }) where !seen.contains(id) {
            notes.append(
                ConversionNote(entry.node.location, "the answer key scores question '\(id)', which the QuestionForm does not ask; left out")
            )
        }
        guard let smallest = questions.map(\.best).min() else {
            throw InteropError(
                form.location, "has no question the answer key scores" + (notes.last.map { ": \($0.message)" } ?? ""))
        }
        let best = questions.map(\.best).reduce(0, +)
        if let maximum, abs(maximum - best) > 1e-9 {
            notes.append(
                ConversionNote(
                    key.location,
                    "MaximumSummedScore is \(NumberText.exact(maximum)) but the best answers sum to \(NumberText.exact(best)); Groundwork divides by the best answers, so its percentage is MTurk's × \(NumberText.exact(maximum / best))"
                ))
        }
        let items = questions.map { question -> DraftItem in
            var item = question.item
            let weight = question.best / smallest
            if weight != 1 { item.fields.append(.init("weight", .number(weight))) }
            return item
        }
        return (DraftAssessment(title: title, instructions: instructions.joined(separator: "\n\n") + "\n", items: items), notes)
    }

    /// The text of an `Overview` or `QuestionContent`: its `Title` in bold and its `Text`s;
    /// `FormattedContent` is kept as written, binary content is noted and left out.
    static func content(_ node: XMLElementNode, notes: inout [ConversionNote]) -> String {
        var parts: [String] = []
        for child in node.children {
            let text = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch child.localName {
            case "Title": parts.append("**\(text)**")
            case "Text": parts.append(text)
            case "FormattedContent":
                parts.append(text)
                notes.append(ConversionNote(child.location, "FormattedContent's XHTML is kept as written; review it as Markdown"))
            case "List":
                parts.append(
                    child.all("ListItem").map { "- " + $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: "\n"))
            default:
                notes.append(ConversionNote(child.location, "<\(child.name)> content (an image, audio or an application) is not kept"))
            }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private static func question(
        _ node: XMLElementNode, id: String, key: KeyEntry?, notes: inout [ConversionNote]
    ) throws(InteropError) -> (item: DraftItem, best: Double)? {
        var prompt = node.first("QuestionContent").map { content($0, notes: &notes) } ?? ""
        if let name = node.value("DisplayName"), !name.isEmpty { prompt = "**\(name)**" + (prompt.isEmpty ? "" : "\n\n" + prompt) }
        if node.first("IsRequired") != nil {
            notes.append(ConversionNote(node.location, "question '\(id)': IsRequired is not kept; an unanswered item scores 0"))
        }
        let specification = try node.required("AnswerSpecification")
        guard let selection = specification.first("SelectionAnswer") else {
            let kind = specification.children.first?.localName ?? "answer"
            notes.append(
                ConversionNote(
                    specification.location,
                    "question '\(id)' asks for a \(kind), which an answer key cannot score\(key == nil ? "" : " (its key entry names selections)"); left out"
                ))
            return nil
        }
        guard let key else {
            notes.append(ConversionNote(node.location, "question '\(id)' has no answer key entry, so MTurk gives it no score; left out"))
            return nil
        }
        var options: [YAMLOut] = []
        var ids: [String] = []
        for choice in try selection.required("Selections").children {
            guard choice.localName == "Selection" else {
                notes.append(ConversionNote(choice.location, "question '\(id)': <\(choice.name)> (a free-text 'other' choice) is not kept"))
                continue
            }
            let choiceID = try choice.required("SelectionIdentifier").text.trimmingCharacters(in: .whitespacesAndNewlines)
            let text = choice.value("Text") ?? choice.value("FormattedContent") ?? choiceID
            ids.append(choiceID)
            options.append(
                text == choiceID ? .string(choiceID) : .map([.init("id", .string(choiceID)), .init("text", .string(text))], flow: true))
        }
        let best = max(key.defaultScore, key.options.map(\.score).max() ?? 0)
        guard best > 0 else {
            notes.append(ConversionNote(key.node.location, "question '\(id)': no answer earns a positive score; left out"))
            return nil
        }
        for option in key.options {
            for selection in option.selections where !ids.contains(selection) {
                throw InteropError(
                    option.node.location,
                    "question '\(id)': the answer key names selection '\(selection)', which the question does not offer")
            }
        }
        let multiple =
            (selection.value("MaxSelectionCount").flatMap(Int.init) ?? 1) > 1
            || ["checkbox", "multichooser"].contains(selection.value("StyleSuggestion") ?? "")
        let reason = "The answer key gives this answer \(NumberText.exact(best)) points."
        if multiple {
            guard let top = key.options.max(by: { $0.score < $1.score }), top.score == best else {
                notes.append(ConversionNote(key.node.location, "question '\(id)': only its DefaultScore is positive; left out"))
                return nil
            }
            if key.options.contains(where: { $0.score != 0 && $0.node !== top.node }) || key.defaultScore != 0 {
                notes.append(
                    ConversionNote(
                        key.node.location,
                        "question '\(id)': only its best combination is kept (all-or-nothing); other scored combinations have no Groundwork form"
                    ))
            }
            let fields: [YAMLOut.Entry] = [
                .init("options", .list(options, flow: false)), .init("answer", .strings(top.selections)),
                .init("scoring", .string("all-or-nothing")),
            ]
            return (DraftItem(id: DraftItem.identifier(id), kind: .multipleChoice, prompt: prompt, fields: fields, reason: reason), best)
        }
        var credits: [YAMLOut.Entry] = []
        for choiceID in ids {
            let option = key.options.first { $0.selections == [choiceID] }
            let score = option?.score ?? key.defaultScore
            guard score != 0 else { continue }
            var credit = score / best
            if credit < -1 {
                notes.append(
                    ConversionNote(
                        option?.node.location ?? key.node.location, "question '\(id)': a score below minus the best becomes a credit of -1")
                )
                credit = -1
            }
            credits.append(.init(choiceID, .number(credit)))
        }
        for option in key.options where option.selections.count != 1 {
            notes.append(
                ConversionNote(
                    option.node.location,
                    "question '\(id)' takes one selection, so an answer option naming \(option.selections.count) can never match; left out")
            )
        }
        let fields: [YAMLOut.Entry] = [.init("options", .list(options, flow: false)), .init("answer", .map(credits, flow: true))]
        return (DraftItem(id: DraftItem.identifier(id), kind: .singleChoice, prompt: prompt, fields: fields, reason: reason), best)
    }
}
