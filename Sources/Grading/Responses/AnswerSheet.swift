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
/// Each answer has its item kind's shape (see ``ItemResponse``).
public struct AnswerSheet: Sendable, Hashable {
    public var assessmentID: String
    public var learner: String?
    /// Item id → response; items not present are unanswered.
    public var responses: [String: ItemResponse]

    public init(assessmentID: String, learner: String? = nil, responses: [String: ItemResponse]) {
        self.assessmentID = assessmentID
        self.learner = learner
        self.responses = responses
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
    /// broken answer at once: "item 'q3' expects a list of boxes, got a string".
    ///
    /// - Throws: ``AnswerSheetError`` when the JSON is invalid, the file is for another
    ///   assessment, an item id is unknown or an answer has the wrong shape.
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
                    error.position == nil
                        ? "is not valid JSON (\(error.detail)); check for a missing comma or quote"
                        : "is not valid JSON here; check for a missing comma, quote or bracket at or just before this point"
                ])
        }
        guard case .object(let top) = root else {
            throw AnswerSheetError(
                path: path, problems: ["must be a JSON object with \"assessment\" and \"answers\", got \(root.typeDescription)"])
        }
        var problems: [String] = []
        for key in top.keys.sorted() where !["assessment", "learner", "answers"].contains(key) {
            problems.append("has an unknown key \(Quote.text(key))\(Suggestion.hint(for: key, in: ["assessment", "learner", "answers"]))")
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
        guard case .object(let answers)? = top["answers"] else {
            throw AnswerSheetError(path: path, problems: problems + ["has no \"answers\" object mapping item ids to answers"])
        }
        var responses: [String: ItemResponse] = [:]
        let ids = assessment.items.map(\.id)
        for key in answers.keys.sorted() where assessment.item(key) == nil {
            problems.append(
                "answers item \(Quote.text(key)), which assessment '\(assessment.id)' does not have\(Suggestion.closest(to: key, in: ids).map { " (did you mean '\($0)'?)" } ?? "")"
            )
        }
        for item in assessment.items {
            guard let value = answers[item.id], value != .null else { continue }
            do {
                responses[item.id] = try ItemResponse(json: value, for: item)
            } catch {
                problems.append("item '\(item.id)' (\(item.kind.rawValue)) \(error.message)")
            }
        }
        guard problems.isEmpty else { throw AnswerSheetError(path: path, problems: problems) }
        return AnswerSheet(assessmentID: id, learner: learner, responses: responses)
    }

    /// The sheet as `answers.json` text (keys sorted, pretty-printed).
    public func jsonText() -> String {
        var top: [String: JSONValue] = ["assessment": .string(assessmentID), "answers": .object(responses.mapValues(\.json))]
        if let learner { top["learner"] = .string(learner) }
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
