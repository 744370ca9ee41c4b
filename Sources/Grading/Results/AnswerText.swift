internal import Foundation

/// An answer (the learner's or gold) in a line a learner reads, for reviews: choices and
/// labels as written, spans as the words they cover, segments as times, and anything else
/// as compact JSON, which is the answers-file shape a learner can copy.
public enum AnswerText {
    static func text(_ value: JSONValue, kind: ItemKind, question: ItemQuestion?) -> String {
        switch (kind, value) {
        case (.spans, .array(let spans)):
            guard !spans.isEmpty else { return "none" }
            let scalars = question?.text.map { Array($0.unicodeScalars) }
            return spans.map { span in
                guard case .object(let fields) = span, case .number(let start)? = fields["start"],
                    case .number(let end)? = fields["end"], case .string(let label)? = fields["label"]
                else { return compact(span) }
                guard let scalars, Int(start) >= 0, Int(end) <= scalars.count, Int(start) < Int(end) else {
                    return "\(Int(start))–\(Int(end)) \(label)"
                }
                var words = String.UnicodeScalarView()
                words.append(contentsOf: scalars[Int(start)..<Int(end)])
                return "'\(String(words))' \(label)"
            }.joined(separator: "; ")
        case (.timeSegments, .array(let segments)):
            guard !segments.isEmpty else { return "none" }
            return segments.map { segment in
                guard case .object(let fields) = segment, case .string(let label)? = fields["label"],
                    case .number(let start)? = fields["start"], case .number(let end)? = fields["end"]
                else { return compact(segment) }
                return "\(label) \(Format.number(start))–\(Format.number(end)) s"
            }.joined(separator: "; ")
        case (.rubric, .object(let fields)):
            // A report line holds the text on one line: its paragraphs are joined.
            guard case .string(let text)? = fields["text"] else { return compact(value) }
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        case (.ranking, .array(let order)) where order.allSatisfy(\.isString):
            return order.map(compact).joined(separator: " > ")
        case (_, .array(let values)) where values.allSatisfy(\.isString):
            return values.isEmpty ? "none" : values.map(compact).joined(separator: ", ")
        default:
            return compact(value)
        }
    }

    /// An answer in words, as a page repeats it next to the question: choices and candidates
    /// by their text, spans by the words they cover. Uses only the learner's view of the task.
    public static func describe(_ response: ItemResponse, task: LearnerTask) -> String {
        switch (response, task) {
        case (.singleChoice(let id), .singleChoice(let task)): return task.options.first { $0.id == id }?.text ?? id
        case (.multipleChoice(let ids), .multipleChoice(let task)):
            let texts = task.options.filter { ids.contains($0.id) }.map(\.text)
            return texts.isEmpty ? "nothing ticked" : texts.joined(separator: "; ")
        case (.rating(let value), _): return "\(value)"
        case (.numeric(let value), _): return String(format: "%g", value)
        case (.shortText(let text), _), (.transcription(let text), _): return "“\(text)”"
        case (.ranking(let order), .ranking(let task)):
            let texts = Dictionary(task.candidates.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
            return order.enumerated().map { "\($0.offset + 1). \(texts[$0.element] ?? $0.element)" }.joined(separator: "  ")
        case (.rubric(let answer), _): return "“\(answer.text)”"
        case (.pairwise(let answer), _):
            return "Preferred \(answer.preferred)" + (answer.reason.isEmpty ? "" : "; reason: “\(answer.reason)”")
        case (.spans(let spans), .spans(let task)):
            let scalars = Array(task.text.unicodeScalars)
            return spans.isEmpty
                ? "no entities"
                : spans.map { span in
                    let text =
                        scalars.indices.contains(span.start) && span.end <= scalars.count
                        ? String(String.UnicodeScalarView(scalars[span.start..<span.end])) : "?"
                    return "“\(text)” \(span.label)"
                }.joined(separator: "; ")
        case (.timeSegments(let segments), _):
            return segments.isEmpty
                ? "no events" : segments.map { "\($0.label) " + String(format: "%.2f–%.2f s", $0.start, $0.end) }.joined(separator: "; ")
        case (.boxes(let boxes), _): return boxes.count == 1 ? "1 box" : "\(boxes.count) boxes"
        case (.polygons(let polygons), _): return polygons.count == 1 ? "1 polygon" : "\(polygons.count) polygons"
        case (.keypoints(let objects), _): return objects.count == 1 ? "1 object's keypoints" : "\(objects.count) objects' keypoints"
        default: return String(describing: response)
        }
    }

    /// Strings bare, numbers shortest, the rest as one-line JSON.
    private static func compact(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .number(let number): return Format.number(number)
        default:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}

extension JSONValue {
    fileprivate var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
