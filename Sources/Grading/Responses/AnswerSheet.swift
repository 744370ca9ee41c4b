public import Courseware
internal import Foundation

/// A learner's answers to one assessment, as read from or written to `answers.json`.
///
/// ```json
/// {
///   "assessment": "street-scenes",
///   "learner": "ana",
///   "answers": {
///     "q1": "NEUTRAL",
///     "q2": [{"label": "car", "x": 10, "y": 20, "width": 100, "height": 50}]
///   }
/// }
/// ```
/// `learner` is optional; an item left out of `answers` (or given `null`) is unanswered.
/// Each answer has its item kind's shape (see ``ItemResponse``). A sheet exported from a
/// gradebook also says which attempt it was and when (`attempt`, `startedAt`, `finishedAt`).
public struct AnswerSheet: Sendable, Hashable {
    public var assessmentID: String
    public var learner: String?
    /// Where the answers came from, when a gradebook export wrote them.
    public var origin: AnswerSheetOrigin?
    /// Item id → response; items not present are unanswered.
    public var responses: [String: ItemResponse]
    /// Item id → why its answer could not be read (the wrong shape for its kind): that item
    /// scores as unanswered with the reason, and the rest of the sheet is still graded.
    public var unreadable: [String: String]

    public init(assessmentID: String, learner: String? = nil, responses: [String: ItemResponse], unreadable: [String: String] = [:]) {
        self.assessmentID = assessmentID
        self.learner = learner
        self.responses = responses
        self.unreadable = unreadable
    }

    /// The sheet if every answer could be read; for uses that must not start with a gap
    /// (an exam answered from a file).
    ///
    /// - Throws: ``AnswerSheetError`` listing each unreadable answer.
    public func requireReadable(path: String) throws(AnswerSheetError) -> AnswerSheet {
        guard unreadable.isEmpty else {
            throw AnswerSheetError(path: path, problems: unreadable.keys.sorted().compactMap { unreadable[$0] })
        }
        return self
    }

    /// One line per unreadable answer, naming the file: what `grade` warns about.
    public func unreadableWarnings(path: String) -> [String] {
        unreadable.keys.sorted().compactMap { id in unreadable[id].map { "\(path): \($0); graded as unanswered" } }
    }

    /// Reads `answers.json` at `path` and checks every answer against `assessment`.
    ///
    /// - Throws: ``AnswerSheetError`` naming the file and listing every problem.
    public static func load(path: String, for assessment: Assessment) throws(AnswerSheetError) -> AnswerSheet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnswerSheetError(path: path, problems: ["cannot be read; check the path"])
        }
        return try decode(Array(data), path: path, for: assessment)
    }

    /// Decodes answers JSON and checks every answer against `assessment`; `path` names the
    /// source in messages.
    ///
    /// All problems are collected, so a learner (or the tool that wrote the file) sees every
    /// broken answer at once: "item 'q3' expects a list of boxes, got a string". An answer of
    /// the wrong shape spoils only its item (``unreadable``).
    ///
    /// - Throws: ``AnswerSheetError`` when the JSON is invalid, the file is for another
    ///   assessment or an item id is unknown.
    public static func decode(_ bytes: [UInt8], path: String, for assessment: Assessment) throws(AnswerSheetError) -> AnswerSheet {
        guard bytes.count <= GradingLimits.maximumFileBytes else {
            throw AnswerSheetError(path: path, problems: ["is \(bytes.count) bytes; at most \(GradingLimits.maximumFileBytes) are read"])
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes, path: path)
        } catch {
            throw AnswerSheetError(
                path: path, position: error.position,
                problems: [
                    error.isStructural
                        ? "is not valid JSON here; check for a missing comma, quote or bracket at or just before this point"
                        : "is not valid JSON here: \(error.detail)"
                ])
        }
        guard case .object(let top) = root else {
            throw AnswerSheetError(
                path: path, problems: ["must be a JSON object with \"assessment\" and \"answers\", got \(root.typeDescription)"])
        }
        var problems: [String] = []
        let keys = ["assessment", "learner", "answers"] + AnswerSheetOrigin.keys
        for key in top.keys.sorted() where !keys.contains(key) {
            problems.append("has an unknown key \(Quote.text(key))\(Suggestion.hint(for: key, in: keys))")
        }
        guard case .string(let id)? = top["assessment"] else {
            throw AnswerSheetError(path: path, problems: problems + ["has no \"assessment\" id; add \"assessment\": \"\(assessment.id)\""])
        }
        guard id == assessment.id else {
            throw AnswerSheetError(
                path: path,
                problems: [
                    "holds answers for assessment \(Quote.text(id)), not '\(assessment.id)'; pick the answers file of this assessment"
                ])
        }
        var learner: String?
        switch top["learner"] {
        case .string(let name)?: learner = name
        case nil, .null?: break
        case let other?: problems.append("\"learner\" must be a string, got \(other.typeDescription)")
        }
        let origin = AnswerSheetOrigin.decode(top, problems: &problems)
        guard case .object(let answers)? = top["answers"] else {
            throw AnswerSheetError(path: path, problems: problems + ["has no \"answers\" object mapping item ids to answers"])
        }
        var responses: [String: ItemResponse] = [:]
        var unreadable: [String: String] = [:]
        let ids = assessment.items.map(\.id)
        for key in answers.keys.filter({ assessment.item($0) == nil }).sorted() {
            problems.append(
                "answers item \(Quote.text(key)), which assessment '\(assessment.id)' does not have\(Suggestion.closest(to: key, in: ids).map { " (did you mean '\($0)'?)" } ?? "")"
            )
        }
        for item in assessment.items {
            guard let value = answers[item.id], value != .null else { continue }
            do {
                responses[item.id] = try ItemResponse(json: value, for: item)
            } catch {
                unreadable[item.id] = "item '\(item.id)' (\(item.kind.rawValue)) \(error.message)"
            }
        }
        // A file refused for its own problems lists the unreadable answers too, all at once.
        guard problems.isEmpty else {
            throw AnswerSheetError(path: path, problems: problems + unreadable.keys.sorted().compactMap { unreadable[$0] })
        }
        var sheet = AnswerSheet(assessmentID: id, learner: learner, responses: responses, unreadable: unreadable)
        sheet.origin = origin
        return sheet
    }

    /// The sheet as `answers.json` text (keys sorted, pretty-printed).
    public func jsonText() -> String {
        Self.jsonText(assessmentID: assessmentID, learner: learner, origin: origin, answers: responses.mapValues(\.json))
    }

    /// An answers file from answers already in their JSON shape (a stored report's
    /// responses), so an export needs no assessment to decode them first.
    public static func jsonText(assessmentID: String, learner: String?, origin: AnswerSheetOrigin?, answers: [String: JSONValue]) -> String
    {
        var top: [String: JSONValue] = ["assessment": .string(assessmentID), "answers": .object(answers)]
        if let learner { top["learner"] = .string(learner) }
        origin?.encode(into: &top)
        return JSONText.encode(JSONValue.object(top))
    }
}

/// Why an answers file was refused: the file and every problem in it.
public struct AnswerSheetError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// Where in the file, when the problem has a place (a JSON syntax error).
    public var position: SourcePosition?
    /// Each problem as a phrase that follows the path: "item 'q3' (boxes) expects a list of
    /// boxes, got a string".
    public var problems: [String]

    public init(path: String, position: SourcePosition? = nil, problems: [String]) {
        self.path = path
        self.position = position
        self.problems = problems
    }

    public var description: String {
        let place = position.map { "\(path):\($0.line):\($0.column)" } ?? path
        return problems.map { "\(place): \($0)" }.joined(separator: "\n")
    }
}
