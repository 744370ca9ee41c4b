internal import Foundation

/// An answer (the learner's or gold) in a line a learner reads, for reviews: choices and
/// labels as written, spans as the words they cover, segments as times, and anything else
/// as compact JSON, which is the answers-file shape a learner can copy.
enum AnswerText {
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
