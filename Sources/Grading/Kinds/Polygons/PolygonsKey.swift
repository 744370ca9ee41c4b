internal import GroundworkMetrics

/// The gold of a polygon (segmentation) item: the outlines and the IoU a polygon needs.
///
/// **Score** = F1 over objects exactly as for boxes, with IoU of simple polygons from
/// ``Metrics/PolygonGeometry/match(gold:predicted:threshold:)`` (default `iou` 0.5); no gold
/// and no answer scores 1.
///
/// Feedback for a polygon that overlaps its gold object too little says how much of the gold
/// shape it covers and how much of it spills outside (from the exact intersection area).
public struct PolygonsKey: Sendable, Hashable {
    public let polygons: [PolygonAnnotation]
    public let iou: Double

    static func geometry(_ polygon: PolygonAnnotation) throws(MetricsError) -> Polygon {
        try Polygon(polygon.points.map { Point(x: $0.x, y: $0.y) })
    }

    func score(_ answer: [PolygonAnnotation], task: ImageTask) -> ItemScore {
        let gold = polygons.compactMap { p in (try? Self.geometry(p)).map { LabeledPolygon($0, label: p.label) } }
        let predicted = answer.compactMap { p in (try? Self.geometry(p)).map { LabeledPolygon($0, label: p.label) } }
        guard gold.count == polygons.count, predicted.count == answer.count,
            let match = try? PolygonGeometry.match(gold: gold, predicted: predicted, threshold: iou)
        else {
            return .unscorable
        }
        let scorer = ObjectScorer(
            goldLabels: polygons.map(\.label), answerLabels: answer.map(\.label), name: "Polygon", similarity: "IoU",
            noun: "object",
            lowOverlap: { index, partner, similarity in
                let g = polygons[index], p = answer[partner]
                let inter = PolygonGeometry.intersectionArea(gold[index].polygon, predicted[partner].polygon)
                let goldArea = gold[index].polygon.area, answerArea = predicted[partner].polygon.area
                let covered = inter / goldArea, spill = (answerArea - inter) / goldArea
                var line = "Polygon \(partner + 1) ('\(p.label)') covers \(Format.percent(covered)) of the gold '\(g.label)'"
                if spill >= 0.005 { line += " and spills \(Format.percent(spill)) of its size outside it" }
                line += " (IoU \(Format.number(similarity)), needs \(Format.number(iou)))"
                var observations: [Observation] = []
                if p.label != g.label {
                    line += "; it is also labelled '\(p.label)'"
                    observations.append(.confused(gold: g.label, answer: p.label))
                }
                observations.append(.boundary(noun: "polygon", loose: answerArea > goldArea))
                return (line + ".", observations)
            },
            missed: { index in
                let g = polygons[index]
                let xs = g.points.map(\.x), ys = g.points.map(\.y)
                return
                    "You missed the '\(g.label)' around x \(Format.number(xs.min() ?? 0, decimals: 0))–\(Format.number(xs.max() ?? 0, decimals: 0)), y \(Format.number(ys.min() ?? 0, decimals: 0))–\(Format.number(ys.max() ?? 0, decimals: 0))."
            },
            extra: { index in "Polygon \(index + 1) ('\(answer[index].label)') matches no object in the gold answer." })
        var result = scorer.score(match, threshold: iou)
        result.details = .objects(scorer.details(match, measure: .iou, threshold: iou))
        return result
    }

    /// `image`, `size`, `labels`, `iou` and `answer:` a list of `{label, points: [[x, y], …]}`.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (ImageTask, PolygonsKey)? {
        let task = ImageTask.parse(&fields, &parser)
        let iou = parser.threshold(&fields, "iou", default: 0.5)
        guard let gold = parser.gold(&fields, example: "answer: [{label: roof, points: [[0, 0], [40, 0], [20, 30]]}]"), let task else {
            return nil
        }
        let polygons = parser.goldObjects(gold, noun: "polygon", list: "a list of polygons", labels: task.labels) { entry, parser in
            parsePolygon(&entry, in: task, &parser)
        }
        return polygons.map { (task, PolygonsKey(polygons: $0, iou: iou)) }
    }

    /// One gold polygon: `{label, points}`, a simple polygon with every vertex inside the image.
    private static func parsePolygon(_ entry: inout GoldEntry, in task: ImageTask, _ parser: inout ItemParser) -> PolygonAnnotation? {
        let pointsNode = entry.fields.node("points")
        guard let label = entry.finish(keys: ["points"], &parser) else { return nil }
        let what = entry.what
        guard let pointsNode, case .sequence(let pointNodes) = pointsNode.value else {
            parser.report(.missingKey, at: entry.node.position, "\(what) needs 'points': a list of [x, y] vertices")
            return nil
        }
        guard pointNodes.count <= GradingLimits.maximumPolygonVertices else {
            parser.report(
                .invalidValue, at: pointsNode.position,
                "\(what) has \(pointNodes.count) vertices; at most \(GradingLimits.maximumPolygonVertices) are accepted — simplify its outline"
            )
            return nil
        }
        var verticesValid = true
        var vertices: [PolygonAnnotation.Vertex] = []
        for (n, node) in pointNodes.enumerated() {
            guard let point = parser.point(node, what: "vertex \(n + 1) of \(what)") else { verticesValid = false; break }
            if !task.contains(x: point.x, y: point.y) {
                parser.report(
                    .outOfBounds, at: node.position,
                    "vertex \(n + 1) of \(what) at (\(Format.number(point.x)), \(Format.number(point.y))) is outside the \(Format.number(task.width)) × \(Format.number(task.height)) image"
                )
                verticesValid = false
            }
            vertices.append(.init(x: point.x, y: point.y))
        }
        let polygon = PolygonAnnotation(label: label, points: vertices)
        do {
            _ = try geometry(polygon)
        } catch {
            parser.report(
                .invalidValue, at: pointsNode.position, "\(what) is not a simple polygon: \(error.message); reorder or fix its vertices"
            )
            return nil
        }
        return verticesValid ? polygon : nil
    }
}
