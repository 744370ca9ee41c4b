/// The kind-specific part of an item as the learner may see it: only task types, which hold
/// no gold, so a learner view cannot leak an answer however it is built or encoded.
///
/// Encodes as `{"kind": "boxes", …the task's fields…}`.
public enum LearnerTask: Sendable, Hashable, Encodable {
    case singleChoice(ChoiceTask)
    case multipleChoice(ChoiceTask)
    case rating(RatingTask)
    case shortText(ShortTextTask)
    case numeric(NumericTask)
    case spans(SpanTask)
    case boxes(ImageTask)
    case polygons(ImageTask)
    case keypoints(KeypointsTask)
    case transcription(TranscriptionTask)
    case timeSegments(SegmentsTask)
    case ranking(RankingTask)
    case pairwise(PairwiseTask)
    case rubric(RubricTask)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .singleChoice(let task), .multipleChoice(let task): try task.encode(to: encoder)
        case .rating(let task): try task.encode(to: encoder)
        case .shortText(let task): try task.encode(to: encoder)
        case .numeric(let task): try task.encode(to: encoder)
        case .spans(let task): try task.encode(to: encoder)
        case .boxes(let task), .polygons(let task): try task.encode(to: encoder)
        case .keypoints(let task): try task.encode(to: encoder)
        case .transcription(let task): try task.encode(to: encoder)
        case .timeSegments(let task): try task.encode(to: encoder)
        case .ranking(let task): try task.encode(to: encoder)
        case .pairwise(let task): try task.encode(to: encoder)
        case .rubric(let task): try task.encode(to: encoder)
        }
    }
}
