/// A learner's answer to one item, in the shape of the item's kind.
///
/// The JSON shape of each kind (see docs/grading.md) is what ``AnswerSheet`` reads and
/// ``json`` writes:
///
/// | kind | JSON |
/// | --- | --- |
/// | single-choice | `"b"` (an option id) |
/// | multiple-choice | `["a", "c"]` |
/// | rating | `4` |
/// | short-text, transcription | `"text"` |
/// | numeric | `42.5` |
/// | spans | `[{"start": 0, "end": 5, "label": "ORG"}]` |
/// | boxes | `[{"label": "car", "x": 10, "y": 20, "width": 100, "height": 50}]` |
/// | polygons | `[{"label": "roof", "points": [[0, 0], [40, 0], [20, 30]]}]` |
/// | keypoints | `[{"label": "person", "points": {"nose": [120, 40], "left_wrist": [90, 220, 1]}}]` |
/// | time-segments | `[{"label": "dog bark", "start": 1.2, "end": 2.0}]` |
/// | ranking | `["d2", "d1", "d3"]` (every candidate once, best first) |
/// | pairwise | `{"preferred": "A", "ratings": {"A": {"accuracy": 5}}, "reason": "…"}` |
/// | rubric | `{"text": "…", "selfGrade": {"accuracy": {"points": 2, "reason": "…"}}}` |
public enum ItemResponse: Sendable, Hashable {
    case singleChoice(String)
    case multipleChoice(Set<String>)
    case rating(Int)
    case shortText(String)
    case numeric(Double)
    case spans([SpanAnnotation])
    case boxes([BoxAnnotation])
    case polygons([PolygonAnnotation])
    case keypoints([KeypointAnnotation])
    case transcription(String)
    case timeSegments([SegmentAnnotation])
    case ranking([String])
    case pairwise(PairwiseAnswer)
    case rubric(RubricAnswer)

    public var kind: ItemKind {
        switch self {
        case .singleChoice: return .singleChoice
        case .multipleChoice: return .multipleChoice
        case .rating: return .rating
        case .shortText: return .shortText
        case .numeric: return .numeric
        case .spans: return .spans
        case .boxes: return .boxes
        case .polygons: return .polygons
        case .keypoints: return .keypoints
        case .transcription: return .transcription
        case .timeSegments: return .timeSegments
        case .ranking: return .ranking
        case .pairwise: return .pairwise
        case .rubric: return .rubric
        }
    }

    /// The response as JSON, in the shape ``init(json:for:)`` reads.
    public var json: JSONValue {
        switch self {
        case .singleChoice(let id), .shortText(let id), .transcription(let id): return .string(id)
        case .multipleChoice(let ids): return .array(ids.sorted().map(JSONValue.string))
        case .rating(let value): return .number(Double(value))
        case .numeric(let value): return .number(value)
        case .spans(let spans):
            return .array(
                spans.map { .object(["start": .number(Double($0.start)), "end": .number(Double($0.end)), "label": .string($0.label)]) })
        case .boxes(let boxes):
            return .array(
                boxes.map {
                    .object([
                        "label": .string($0.label), "x": .number($0.x), "y": .number($0.y), "width": .number($0.width),
                        "height": .number($0.height),
                    ])
                })
        case .polygons(let polygons):
            return .array(
                polygons.map {
                    .object(["label": .string($0.label), "points": .array($0.points.map { .array([.number($0.x), .number($0.y)]) })])
                })
        case .keypoints(let objects):
            return .array(
                objects.map {
                    .object([
                        "label": .string($0.label), "points": .object($0.points.mapValues(\.json)),
                    ])
                })
        case .timeSegments(let segments):
            return .array(segments.map { .object(["label": .string($0.label), "start": .number($0.start), "end": .number($0.end)]) })
        case .ranking(let ids): return .array(ids.map(JSONValue.string))
        case .pairwise(let answer):
            return .object([
                "preferred": .string(answer.preferred),
                "ratings": .object(answer.ratings.mapValues { .object($0.mapValues { .number(Double($0)) }) }),
                "reason": .string(answer.reason),
            ])
        case .rubric(let answer):
            var fields: [String: JSONValue] = ["text": .string(answer.text)]
            if !answer.selfGrade.isEmpty { fields["selfGrade"] = RubricAnswer.json(answer.selfGrade) }
            if !answer.mentorGrade.isEmpty { fields["mentorGrade"] = RubricAnswer.json(answer.mentorGrade) }
            return .object(fields)
        }
    }
}

extension KeypointAnnotation.Point {
    /// `[x, y]` for a visible point (the default, so answers recorded before visibility was
    /// scored read the same), `[x, y, v]` otherwise.
    var json: JSONValue {
        let xy: [JSONValue] = [.number(x), .number(y)]
        return .array(visibility == 2 ? xy : xy + [.number(Double(visibility))])
    }
}
