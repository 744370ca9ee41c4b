internal import GroundworkMetrics

/// The gold of a bounding-box item: the boxes and the IoU a box needs to count.
///
/// **Score** = F1 over objects: learner boxes are matched one-to-one to gold boxes by
/// ``Metrics/BoxGeometry/match(gold:predicted:threshold:)`` (CVAT-style optimal matching);
/// a pair counts when its IoU ≥ `iou` (default 0.5) and the labels agree. F1 = 2·TP /
/// (gold + answer). An image with nothing to box and no learner box scores 1 (the reference
/// convention gives 0).
///
/// Feedback names each box by its number in the learner's answer and says what is off:
/// which edges are too loose or cut off by how many pixels, a wrong label, a missed object or
/// a box matching nothing.
public struct BoxesKey: Sendable, Hashable {
    public let boxes: [BoxAnnotation]
    /// IoU a box needs to count, in (0, 1].
    public let iou: Double

    func score(_ answer: [BoxAnnotation], task: ImageTask) -> ItemScore {
        func labelled(_ b: BoxAnnotation) -> LabeledBox<String>? {
            (try? Box(x: b.x, y: b.y, width: b.width, height: b.height)).map { LabeledBox($0, label: b.label) }
        }
        let gold = boxes.compactMap(labelled), predicted = answer.compactMap(labelled)
        guard gold.count == boxes.count, predicted.count == answer.count,
            let match = try? BoxGeometry.match(gold: gold, predicted: predicted, threshold: iou)
        else {
            return .unscorable
        }
        let scorer = ObjectScorer(
            goldLabels: boxes.map(\.label), answerLabels: answer.map(\.label), name: "Box", similarity: "IoU", noun: "object",
            lowOverlap: { index, partner, similarity in
                let g = boxes[index], p = answer[partner]
                let edges = Self.describeEdges(BoxEdges(answer: p, gold: g))
                var line =
                    "Box \(partner + 1) ('\(p.label)') \(edges.isEmpty ? "is misplaced" : Format.list(edges)) (IoU \(Format.number(similarity)), needs \(Format.number(iou)))"
                var observations: [Observation] = []
                if p.label != g.label {
                    line += "; it is also labelled '\(p.label)', gold says '\(g.label)'"
                    observations.append(.confused(gold: g.label, answer: p.label))
                }
                observations.append(.boundary(noun: "box", loose: p.width * p.height > g.width * g.height))
                return (line + ".", observations)
            },
            missed: { index in
                let g = boxes[index]
                return
                    "You missed the '\(g.label)' at x \(Format.number(g.x, decimals: 0)), y \(Format.number(g.y, decimals: 0)) (\(Format.number(g.width, decimals: 0)) × \(Format.number(g.height, decimals: 0)) px)."
            },
            extra: { index in
                let p = answer[index]
                return
                    "Box \(index + 1) ('\(p.label)' at x \(Format.number(p.x, decimals: 0)), y \(Format.number(p.y, decimals: 0))) matches no object in the gold answer."
            })
        var result = scorer.score(match, threshold: iou)
        result.details = .objects(
            scorer.details(match, measure: .iou, threshold: iou) { pair in
                pair.edges = BoxEdges(answer: answer[pair.answer], gold: boxes[pair.gold])
            })
        return result
    }

    /// "14 px too wide on the left", "cuts 6 px off the bottom", largest first; edges off by
    /// less than 1 px are not mentioned. Said from the same ``BoxEdges`` the details carry.
    static func describeEdges(_ edges: BoxEdges) -> [String] {
        // How much larger than gold the box is at each edge (negative: it cuts into gold).
        let edges: [(delta: Double, side: String, horizontal: Bool)] = [
            (-edges.left, "left", true),
            (edges.right, "right", true),
            (-edges.top, "top", false),
            (edges.bottom, "bottom", false),
        ]
        return edges.filter { abs($0.delta) >= 1 }.sorted { abs($0.delta) > abs($1.delta) }.map { edge in
            let pixels = "\(Format.number(abs(edge.delta), decimals: 0)) px"
            if edge.delta > 0 {
                return edge.horizontal ? "is \(pixels) too wide on the \(edge.side)" : "is \(pixels) too tall at the \(edge.side)"
            }
            return "cuts \(pixels) off the \(edge.side)"
        }
    }

    /// `image`, `size: [w, h]`, `labels`, `iou` and `answer:` a list of
    /// `{label, x, y, width, height}` inside the image.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (ImageTask, BoxesKey)? {
        let task = ImageTask.parse(&fields, &parser)
        let iou = parser.threshold(&fields, "iou", default: 0.5)
        guard let gold = parser.gold(&fields, example: "answer: [{label: car, x: 10, y: 20, width: 100, height: 50}]"), let task else {
            return nil
        }
        let boxes = parser.goldObjects(
            gold, noun: "box", list: "a list of boxes (an empty list [] when there is nothing to box)", labels: task.labels
        ) { entry, parser in parseBox(&entry, in: task, &parser) }
        return boxes.map { (task, BoxesKey(boxes: $0, iou: iou)) }
    }

    /// One gold box: `{label, x, y, width, height}`, positive and inside the image.
    private static func parseBox(_ entry: inout GoldEntry, in task: ImageTask, _ parser: inout ItemParser) -> BoxAnnotation? {
        let keys = ["x", "y", "width", "height"]
        let values = keys.map { key -> Double? in
            guard entry.fields.has(key) else {
                entry.fields.reportMissing(key, "boxes are {label, x, y, width, height} in pixels", sink: &parser.sink)
                return nil
            }
            return entry.fields.number(key, sink: &parser.sink)?.value
        }
        guard let label = entry.finish(keys: keys, &parser),
            let x = values[0], let y = values[1], let w = values[2], let h = values[3]
        else { return nil }
        let what = entry.what
        guard w > 0, h > 0 else {
            parser.report(
                .invalidValue, at: entry.node.position,
                "\(what) has size \(Format.number(w)) × \(Format.number(h)); width and height must be positive")
            return nil
        }
        guard task.contains(x: x, y: y), task.contains(x: x + w, y: y + h) else {
            parser.report(
                .outOfBounds, at: entry.node.position,
                "\(what) (x \(Format.number(x)), y \(Format.number(y)), \(Format.number(w)) × \(Format.number(h))) reaches outside the \(Format.number(task.width)) × \(Format.number(task.height)) image; keep 0 ≤ x, x + width ≤ \(Format.number(task.width)), 0 ≤ y, y + height ≤ \(Format.number(task.height))"
            )
            return nil
        }
        return BoxAnnotation(label: label, x: x, y: y, width: w, height: h)
    }
}
