import Foundation
import Grading
import HTTPTypes

/// Reads an answer from an item page's form, or from the API's JSON, into the item's kind,
/// with the same rules the terminal uses (``AnswerInput``). A form may also carry the
/// answers-JSON of its kind in `response` (what the drawing widgets write).
enum WebAnswer {
    /// The answer in `form` to `item`; nil when the learner skipped it.
    ///
    /// - Throws: ``WebError`` 422 naming the field, when the answer does not fit the item.
    static func read(_ form: FormFields, for item: Item, plan: AttemptPlan) throws -> ItemResponse? {
        if form.value("skip") != nil { return nil }
        if let json = form.value("response"), !json.trimmingCharacters(in: .whitespaces).isEmpty {
            return try decode(json: json, for: item)
        }
        do {
            return try typed(form, for: item, plan: plan)
        } catch let problem as AnswerInput.Problem {
            throw WebError(.unprocessableContent, problem.message, field: "answer")
        }
    }

    /// An answer in the documented answers-JSON shape of the item's kind.
    static func decode(json: String, for item: Item) throws -> ItemResponse? {
        do {
            return try ItemResponse.decode(recorded: json, for: item)
        } catch {
            throw WebError(.unprocessableContent, error.message, field: "response")
        }
    }

    private static func typed(_ form: FormFields, for item: Item, plan: AttemptPlan) throws -> ItemResponse? {
        func required(_ name: String, _ message: String) throws -> String {
            guard let value = form.value(name), !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw WebError(.unprocessableContent, message, field: name)
            }
            return value
        }
        switch item.content.task {
        case .singleChoice(let task):
            return .singleChoice(try AnswerInput.choice(try required("choice", "Choose an answer, or skip the item."), task.options))
        case .multipleChoice(let task):
            let chosen = form.values("choice")
            if chosen.isEmpty { return .multipleChoice([]) }
            return .multipleChoice(Set(try chosen.map { try AnswerInput.choice($0, task.options) }))
        case .rating(let task):
            return .rating(
                try AnswerInput.integer(try required("rating", "Choose a rating, or skip the item."), task.minimum, task.maximum))
        case .shortText(let task):
            let text = try required("text", "Type your answer, or skip the item.")
            guard text.count <= task.maxLength else {
                throw WebError(
                    .unprocessableContent, "Your answer is \(text.count) characters; at most \(task.maxLength) are allowed.", field: "text")
            }
            return .shortText(text)
        case .numeric:
            return .numeric(try AnswerInput.number(try required("number", "Type a number, or skip the item.")))
        case .transcription:
            return .transcription(try required("text", "Type what you hear, or skip the item."))
        case .spans(let task):
            return .spans(try AnswerInput.spans(try required("typed", "Mark the entities, or type 'none'."), task))
        case .timeSegments(let task):
            return .timeSegments(
                try AnswerInput.segments(
                    try required("typed", "Mark the events, or type 'none'."), labels: task.labels, duration: task.duration))
        case .ranking(let task):
            return .ranking(try ranking(form, task))
        case .pairwise(let task):
            return .pairwise(try pairwise(form, task))
        case .rubric(let task):
            let text = try required("text", "Write your answer, or skip the item.").trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.count <= task.maximumCharacters else {
                throw WebError(
                    .unprocessableContent, "Your answer is \(text.count) characters; at most \(task.maximumCharacters) are allowed.",
                    field: "text")
            }
            return .rubric(RubricAnswer(text: text))
        case .boxes, .polygons, .keypoints:
            throw WebError(
                .unprocessableContent, "Draw your answer on the image (this needs JavaScript), or skip the item.", field: "response")
        }
    }

    /// `rank-<candidate>` = position (1 = best) for every candidate, each position once.
    private static func ranking(_ form: FormFields, _ task: RankingTask) throws -> [String] {
        var byPosition: [Int: String] = [:]
        for candidate in task.candidates {
            guard let text = form.value("rank-\(candidate.id)"), let position = Int(text), (1...task.candidates.count).contains(position)
            else {
                throw WebError(
                    .unprocessableContent, "Give every candidate a place from 1 to \(task.candidates.count).", field: "rank-\(candidate.id)"
                )
            }
            guard byPosition[position] == nil else {
                throw WebError(
                    .unprocessableContent, "Place \(position) is given twice; each place goes to one candidate.",
                    field: "rank-\(candidate.id)")
            }
            byPosition[position] = candidate.id
        }
        return (1...task.candidates.count).compactMap { byPosition[$0] }
    }

    /// `preferred`, `rating-<response>-<dimension>` and `reason`.
    private static func pairwise(_ form: FormFields, _ task: PairwiseTask) throws -> PairwiseAnswer {
        let choices = task.responses.map(\.id) + (task.allowsTie ? ["tie"] : [])
        guard let preferred = form.value("preferred"), choices.contains(preferred) else {
            throw WebError(.unprocessableContent, "Choose the better response (\(choices.joined(separator: ", "))).", field: "preferred")
        }
        var answer = PairwiseAnswer(preferred: preferred)
        for response in task.responses {
            for dimension in task.dimensions {
                let field = "rating-\(response.id)-\(dimension.id)"
                guard let text = form.value(field), let value = Int(text), (dimension.minimum...dimension.maximum).contains(value) else {
                    throw WebError(
                        .unprocessableContent,
                        "Rate response \(response.id) on \(dimension.id) from \(dimension.minimum) to \(dimension.maximum).",
                        field: field)
                }
                answer.ratings[response.id, default: [:]][dimension.id] = value
            }
        }
        if task.asksForReason {
            let reason = (form.value("reason") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw WebError(.unprocessableContent, "Write a short reason for your choice.", field: "reason") }
            answer.reason = reason
        }
        return answer
    }
}
