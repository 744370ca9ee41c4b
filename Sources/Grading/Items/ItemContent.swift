/// An item's kind-specific part: what the learner sees (the task) and the gold (the key),
/// kept in separate types so the learner view (``LearnerTask``) cannot hold gold by
/// construction.
public enum ItemContent: Sendable, Hashable {
    case singleChoice(ChoiceTask, SingleChoiceKey)
    case multipleChoice(ChoiceTask, MultipleChoiceKey)
    case rating(RatingTask, RatingKey)
    case shortText(ShortTextTask, ShortTextKey)
    case numeric(NumericTask, NumericKey)
    case spans(SpanTask, SpanKey)
    case boxes(ImageTask, BoxesKey)
    case polygons(ImageTask, PolygonsKey)
    case keypoints(KeypointsTask, KeypointsKey)
    case transcription(TranscriptionTask, TranscriptionKey)
    case timeSegments(SegmentsTask, SegmentsKey)
    case ranking(RankingTask, RankingKey)
    case pairwise(PairwiseTask, PairwiseKey)
    case rubric(RubricTask, RubricKey)

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

    /// The task alone, for the learner.
    public var task: LearnerTask {
        switch self {
        case .singleChoice(let task, _): return .singleChoice(task)
        case .multipleChoice(let task, _): return .multipleChoice(task)
        case .rating(let task, _): return .rating(task)
        case .shortText(let task, _): return .shortText(task)
        case .numeric(let task, _): return .numeric(task)
        case .spans(let task, _): return .spans(task)
        case .boxes(let task, _): return .boxes(task)
        case .polygons(let task, _): return .polygons(task)
        case .keypoints(let task, _): return .keypoints(task)
        case .transcription(let task, _): return .transcription(task)
        case .timeSegments(let task, _): return .timeSegments(task)
        case .ranking(let task, _): return .ranking(task)
        case .pairwise(let task, _): return .pairwise(task)
        case .rubric(let task, _): return .rubric(task)
        }
    }

    /// Scores a response; `nil` (no answer) scores 0 as ``ItemScore/unanswered``. A
    /// response of another kind cannot come out of ``AnswerSheet`` decoding; if a caller
    /// builds one anyway it scores 0 with a message rather than trapping.
    ///
    /// With `detail` ``GradingDetail/scores`` a kind may leave out what only explains the
    /// score (feedback, observations, details); the score itself is the same.
    public func score(_ response: ItemResponse?, detail: GradingDetail = .full) -> ItemScore {
        guard let response else { return .unanswered }
        switch (self, response) {
        case let (.singleChoice(task, key), .singleChoice(answer)): return key.score(answer, task: task)
        case let (.multipleChoice(task, key), .multipleChoice(answer)): return key.score(answer, task: task)
        case let (.rating(task, key), .rating(answer)): return key.score(answer, task: task)
        case let (.shortText(task, key), .shortText(answer)): return key.score(answer, task: task)
        case let (.numeric(task, key), .numeric(answer)): return key.score(answer, task: task)
        case let (.spans(task, key), .spans(answer)): return key.score(answer, task: task, explain: detail == .full)
        case let (.boxes(task, key), .boxes(answer)): return key.score(answer, task: task)
        case let (.polygons(task, key), .polygons(answer)): return key.score(answer, task: task)
        case let (.keypoints(task, key), .keypoints(answer)): return key.score(answer, task: task)
        case let (.transcription(task, key), .transcription(answer)):
            return key.score(answer, task: task, explain: detail == .full)
        case let (.timeSegments(task, key), .timeSegments(answer)): return key.score(answer, task: task)
        case let (.ranking(task, key), .ranking(answer)): return key.score(answer, task: task)
        case let (.pairwise(task, key), .pairwise(answer)): return key.score(answer, task: task)
        case let (.rubric(task, key), .rubric(answer)): return key.score(answer, task: task)
        default:
            return ItemScore(
                score: 0, feedback: ["This answer is a \(response.kind.rawValue) answer, but the item is a \(kind.rawValue) item."])
        }
    }

    /// The gold answer(s) in the response shape, which must score 100%: what the checker
    /// replays through ``score(_:)``. Short-text patterns without an `example` are not
    /// replayable and are left out.
    public var goldResponses: [ItemResponse] {
        switch self {
        case let .singleChoice(task, key): return key.bestOptions(task).map(ItemResponse.singleChoice)
        case let .multipleChoice(_, key): return [.multipleChoice(key.goldAnswer())]
        case let .rating(_, key): return key.accepted.map(ItemResponse.rating)
        case let .shortText(_, key): return key.goldAnswers().map(ItemResponse.shortText)
        case let .numeric(_, key): return key.goldAnswers().map(ItemResponse.numeric)
        case let .spans(_, key): return [.spans(key.spans)]
        case let .boxes(_, key): return [.boxes(key.boxes)]
        case let .polygons(_, key): return [.polygons(key.polygons)]
        case let .keypoints(_, key):
            return [
                .keypoints(
                    key.objects.map { object in
                        KeypointAnnotation(
                            label: object.label, points: object.points.mapValues { .init(x: $0.x, y: $0.y, visibility: $0.visibility) })
                    })
            ]
        case let .transcription(_, key): return key.references.map(ItemResponse.transcription)
        case let .timeSegments(_, key): return [.timeSegments(key.segments)]
        case let .ranking(task, key): return [.ranking(key.goldOrder(task: task))]
        case let .pairwise(_, key): return [.pairwise(key.goldAnswer())]
        case let .rubric(task, key): return [.rubric(key.goldAnswer(task: task))]
        }
    }

    /// The "nothing done" answer of kinds that have one (no boxes, no spans, empty text,
    /// nothing ticked); nil for kinds where every answer is a choice.
    public var emptyResponse: ItemResponse? {
        switch self {
        case .multipleChoice: return .multipleChoice([])
        case .shortText: return .shortText("")
        case .spans: return .spans([])
        case .boxes: return .boxes([])
        case .polygons: return .polygons([])
        case .keypoints: return .keypoints([])
        case .transcription: return .transcription("")
        case .rubric: return .rubric(RubricAnswer(text: ""))
        case .timeSegments: return .timeSegments([])
        case .singleChoice, .rating, .numeric, .ranking, .pairwise: return nil
        }
    }
}
