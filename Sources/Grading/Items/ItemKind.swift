import Courseware

/// The kinds of item an assessment can hold, named as authors write them in `kind:`.
public enum ItemKind: String, Sendable, Hashable, Codable, CaseIterable {
    case singleChoice = "single-choice"
    case multipleChoice = "multiple-choice"
    case rating
    case shortText = "short-text"
    case numeric
    case spans
    case boxes
    case polygons
    case keypoints
    case transcription
    case timeSegments = "time-segments"
    case ranking
    case pairwise
    case rubric

    /// Names authors reach for that mean one of the kinds, for "did you mean" messages.
    static let synonyms: [String: ItemKind] = [
        "choice": .singleChoice, "radio": .singleChoice, "single": .singleChoice, "classification": .singleChoice,
        "checkbox": .multipleChoice, "checkboxes": .multipleChoice, "multi-choice": .multipleChoice, "multiple": .multipleChoice,
        "multi-label": .multipleChoice,
        "likert": .rating, "scale": .rating, "ordinal": .rating, "relevance": .rating,
        "text": .shortText, "free-text": .shortText, "short-answer": .shortText,
        "number": .numeric, "count": .numeric,
        "ner": .spans, "entities": .spans, "span": .spans, "named-entities": .spans,
        "bbox": .boxes, "bboxes": .boxes, "box": .boxes, "bounding-box": .boxes, "bounding-boxes": .boxes,
        "polygon": .polygons, "segmentation": .polygons,
        "keypoint": .keypoints, "pose": .keypoints, "landmarks": .keypoints,
        "asr": .transcription, "transcript": .transcription,
        "segments": .timeSegments, "events": .timeSegments, "audio-events": .timeSegments, "time-segment": .timeSegments,
        "rank": .ranking, "order": .ranking,
        "preference": .pairwise, "comparison": .pairwise, "side-by-side": .pairwise, "pairwise-preference": .pairwise,
        "essay": .rubric, "writing": .rubric, "written": .rubric, "free-response": .rubric, "long-text": .rubric,
    ]

    /// The kind a mistaken name most likely meant.
    static func suggestion(for name: String) -> ItemKind? {
        let lowered = name.lowercased().replacingUnderscores
        if let kind = ItemKind(rawValue: lowered) ?? synonyms[lowered] { return kind }
        return Suggestion.closest(to: lowered, in: allCases.map(\.rawValue)).flatMap(ItemKind.init(rawValue:))
    }
}

extension String {
    /// `snake_case` and spaces written as `kebab-case`.
    var replacingUnderscores: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "_" || $0 == " " ? "-" : $0 }))
    }
}
