import Courseware

/// What the learner sees of a single- or multiple-choice item: the options, never which
/// of them is right.
public struct ChoiceTask: Sendable, Hashable, Codable {
    public struct Option: Sendable, Hashable, Codable {
        /// What an answer names (`"b"`, or the text itself when the author gave only text).
        public let id: String
        /// What the learner reads (Markdown).
        public let text: String
    }

    public let options: [Option]

    /// The text of an option for feedback: `'Neutral'`.
    func name(_ id: String) -> String {
        Format.quote(options.first { $0.id == id }?.text ?? id, limit: 50)
    }

    var ids: [String] { options.map(\.id) }

    /// Reads `options:` — texts, or `{id, text, feedback}` mappings — and the per-option
    /// feedback the key keeps (it may reveal the answer, so the task never holds it).
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (ChoiceTask, [String: String])? {
        guard let node = fields.node("options") else {
            fields.reportMissing("options", "list the choices, e.g. options: [Positive, Negative, Neutral]", sink: &parser.sink)
            return nil
        }
        guard case .sequence(let entries) = node.value, entries.count >= 2 else {
            parser.report(.invalidValue, at: node.position, "'options' of \(parser.context) must be a list of at least two choices")
            return nil
        }
        var options: [Option] = []
        var feedback: [String: String] = [:]
        var seen = Set<String>()
        for (index, entry) in entries.enumerated() {
            let id: Located<String>
            let text: String
            if let scalar = entry.text {
                id = Located(scalar, at: entry.position)
                text = scalar
            } else if var option = YAMLFields(entry, context: "option \(index + 1) of \(parser.context)", sink: &parser.sink) {
                guard let given = option.requiredString("text", hint: "give the text the learner reads", sink: &parser.sink) else {
                    continue
                }
                id = option.string("id", sink: &parser.sink) ?? given
                text = given.value
                if let note = option.string("feedback", sink: &parser.sink) { feedback[id.value] = note.value }
                option.finish(allowed: ["id", "text", "feedback"], sink: &parser.sink)
            } else {
                continue
            }
            guard seen.insert(id.value).inserted else {
                parser.report(
                    .duplicateID, at: id.position, "option '\(id.value)' appears twice in \(parser.context); give each option its own id")
                continue
            }
            options.append(Option(id: id.value, text: text))
        }
        return (ChoiceTask(options: options), feedback)
    }

    /// Checks that a gold answer names an option.
    func check(_ id: Located<String>, _ parser: inout ItemParser) -> Bool {
        if ids.contains(id.value) { return true }
        parser.report(
            .unknownLabel, at: id.position,
            "\(Quote.text(id.value)) is not one of the options of \(parser.context)\(Suggestion.hint(for: id.value, in: ids))")
        return false
    }

    /// Decodes an answer naming one option.
    func decodeOption(_ value: JSONValue, _ what: String) throws(AnswerShapeError) -> String {
        let written = try JSONRead.string(value, what)
        guard let id = DeclaredName.match(written, in: ids) else {
            throw AnswerShapeError("\(Quote.text(written)) is not one of the options\(Suggestion.hint(for: written, in: ids))")
        }
        return id
    }
}
