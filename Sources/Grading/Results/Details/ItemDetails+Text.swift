extension ItemDetails {
    /// Every fact of the details as plain sentences, one per pair, missed or extra object
    /// (one line for a transcript's alignment), so a text view says what an overlay draws.
    /// Differences are the answer's minus gold's, as in the JSON.
    ///
    /// - Parameter kind: the item's kind, which names the objects ("Box 1", "gold polygon 2").
    public func lines(kind: ItemKind) -> [String] {
        let noun = Self.noun(kind)
        switch self {
        case .objects(let details):
            let measure = details.measure == .iou ? "IoU" : "OKS"
            var lines = details.pairs.map { pair in
                var parts = [
                    Self.similarity(measure, pair.similarity, details.threshold, counts: pair.passes),
                    pair.labelMatches ? "same label" : "different label",
                ]
                if let edges = pair.edges {
                    parts.append(
                        "edges left \(Self.signed(edges.left)) px, top \(Self.signed(edges.top)) px, right \(Self.signed(edges.right)) px, bottom \(Self.signed(edges.bottom)) px"
                    )
                }
                for point in pair.points ?? [] { parts.append(Self.describe(point)) }
                return "\(noun.capitalizedFirst) \(pair.answer + 1) with gold \(noun) \(pair.gold + 1): \(parts.joined(separator: "; "))."
            }
            lines += details.missed.map { "Gold \(noun) \($0 + 1) has no \(noun) of yours (missed)." }
            lines += details.extra.map { "\(noun.capitalizedFirst) \($0 + 1) matches no gold \(noun) (extra)." }
            return lines
        case .spans(let details):
            var lines = details.pairs.map { pair in
                "Span \(pair.answer + 1) with gold span \(pair.gold + 1): start \(Self.signed(Double(pair.startDelta))), end \(Self.signed(Double(pair.endDelta))) characters; \(pair.labelMatches ? "same label" : "different label")."
            }
            lines += details.missed.map { "Gold span \($0 + 1) has no span of yours (missed)." }
            lines += details.extra.map { "Span \($0 + 1) matches no gold span (extra)." }
            return lines
        case .segments(let details):
            var lines = details.pairs.map { pair in
                "Segment \(pair.answer + 1) with gold segment \(pair.gold + 1): \(Self.similarity("IoU", pair.similarity, details.threshold, counts: pair.passes)); onset \(Self.signed(Double(pair.onsetDeltaMs))) ms, offset \(Self.signed(Double(pair.offsetDeltaMs))) ms; \(pair.labelMatches ? "same label" : "different label")."
            }
            lines += details.missed.map { "Gold segment \($0 + 1) has no segment of yours (missed)." }
            lines += details.extra.map { "Segment \($0 + 1) matches no gold segment (extra)." }
            return lines
        case .words(let details):
            guard !details.operations.isEmpty else { return [] }
            let steps = details.operations.map { step -> String in
                switch step.op {
                case .equal: return "'\(step.said ?? "")'"
                case .substitute: return "'\(step.wrote ?? "")' for '\(step.said ?? "")'"
                case .delete: return "left out '\(step.said ?? "")'"
                case .insert: return "added '\(step.wrote ?? "")'"
                }
            }
            return ["Word by word: " + steps.joined(separator: ", ") + "."]
        }
    }

    /// "IoU 0.67 (needs 0.75, does not count)".
    private static func similarity(_ measure: String, _ value: Double, _ threshold: Double, counts: Bool) -> String {
        "\(measure) \(Format.number(value)) (needs \(Format.number(threshold)), \(counts ? "counts" : "does not count"))"
    }

    /// "'nose' 15.2 px off (OKS 0.41), visible, gold visible" or "'nose' not placed, gold visible".
    private static func describe(_ point: PointDetail) -> String {
        let gold = "gold \(KeypointsKey.visibilityName(point.goldVisibility))"
        guard let distance = point.distance else { return "'\(point.name)' not placed, \(gold)" }
        return
            "'\(point.name)' \(Format.number(distance, decimals: 1)) px off (OKS \(Format.number(point.oks))), \(KeypointsKey.visibilityName(point.visibility)), \(gold)"
    }

    /// A difference with its sign: "+4", "-12", "0".
    private static func signed(_ value: Double) -> String {
        let text = Format.number(value, decimals: 1)
        return value > 0 && text != "0" ? "+" + text : text
    }

    /// What the objects of a kind are called.
    private static func noun(_ kind: ItemKind) -> String {
        switch kind {
        case .boxes: return "box"
        case .polygons: return "polygon"
        case .spans: return "span"
        case .timeSegments: return "segment"
        case .keypoints, .singleChoice, .multipleChoice, .rating, .shortText, .numeric, .transcription, .ranking, .pairwise, .rubric:
            return "object"
        }
    }
}

extension String {
    /// "box" → "Box".
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
