extension ItemContent {
    /// Scores `answer` with `reference` standing in as the gold, under this item's own rules
    /// (threshold, exact or overlap matching): how two annotators' objects or spans agree.
    /// Nil for kinds whose gold is not an annotation of the same shape as an answer.
    func score(_ answer: ItemResponse, against reference: ItemResponse) -> ItemScore? {
        switch (self, reference) {
        case let (.boxes(task, key), .boxes(gold)): return ItemContent.boxes(task, BoxesKey(boxes: gold, iou: key.iou)).score(answer)
        case let (.polygons(task, key), .polygons(gold)):
            return ItemContent.polygons(task, PolygonsKey(polygons: gold, iou: key.iou)).score(answer)
        case let (.timeSegments(task, key), .timeSegments(gold)):
            return ItemContent.timeSegments(task, SegmentsKey(segments: gold, iou: key.iou)).score(answer)
        case let (.spans(task, key), .spans(gold)):
            return ItemContent.spans(task, SpanKey(spans: gold, matching: key.matching)).score(answer)
        default:
            return nil
        }
    }
}
