import Courseware
internal import GroundworkMetrics

/// The gold of a keypoint item: each object's keypoints, the per-keypoint sigmas and the
/// object keypoint similarity (OKS) an object needs to count.
///
/// **Score** = F1 over objects: learner objects are matched to gold objects by
/// ``Metrics/Keypoints/match(gold:predicted:sigmas:threshold:)`` (COCO OKS, CVAT-style
/// matching); a pair counts when OKS ≥ `oks` (default 0.5) and the labels agree. No gold and
/// no answer scores 1.
///
/// OKS averages, over the keypoints gold marks as labelled, `exp(−d² / (2·area·(2σ)²))`.
/// A keypoint the learner did not place counts as placed infinitely far away (it contributes
/// 0). Keypoints gold leaves unlabelled are ignored, as in COCO. Each keypoint's own term of
/// that average (its similarity) is what the feedback uses: a keypoint whose similarity is
/// below 0.5 is named as off, with its distance from gold in pixels.
///
/// **Visibility** (COCO's flags: 2 visible, 1 occluded, 0 not in the image) is scored too. A
/// gold-labelled keypoint the learner marks 0 counts as not placed (OKS term 0). Visibility
/// agreement is the share of gold-labelled keypoints, over every gold object, whose flag the
/// learner matched on the paired object (a missed object agrees on none); the item scores
/// `F1 + w·(agreement − F1)` with `w` = `visibility-weight` (default 0.2; 0 scores placement
/// alone).
///
/// Sigmas default to COCO's for the 17 COCO person keypoint names and to 0.05 otherwise;
/// an author sets one with `{name: tail, sigma: 0.08}`. An object's `area` defaults to the
/// area of the box around its labelled keypoints.
public struct KeypointsKey: Sendable, Hashable {
    public struct Object: Sendable, Hashable {
        public let label: String
        /// Keypoint name → position and COCO visibility (1 occluded, 2 visible).
        public let points: [String: Point]
        public let area: Double
    }

    public struct Point: Sendable, Hashable {
        public let x: Double
        public let y: Double
        public let visibility: Int
    }

    public let objects: [Object]
    /// One sigma per keypoint of the task, in its order.
    public let sigmas: [Double]
    public let oks: Double
    /// The share of the score that visibility agreement takes (`visibility-weight`, default
    /// 0.2); 0 scores placement alone.
    public let visibilityWeight: Double

    /// Placed nowhere: far enough that its OKS term underflows to exactly 0.
    private static let unplaced = Keypoint(x: 1e12, y: 1e12, visibility: 0)

    /// COCO's person keypoint names, in the order of ``Metrics/Keypoints/cocoPersonSigmas``.
    static let cocoNames = [
        "nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder",
        "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip",
        "left_knee", "right_knee", "left_ankle", "right_ankle",
    ]

    /// How feedback names a visibility flag.
    static func visibilityName(_ flag: Int) -> String {
        switch flag {
        case 2: return "visible"
        case 1: return "occluded"
        default: return "not in the image"
        }
    }

    func goldObject(_ object: Object, task: KeypointsTask) -> KeypointObject<String>? {
        let placed = object.points.values
        guard let minX = placed.map(\.x).min(), let maxX = placed.map(\.x).max(),
            let minY = placed.map(\.y).min(), let maxY = placed.map(\.y).max(),
            let box = try? Box(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
        else { return nil }
        let keypoints = task.keypoints.map { name in
            object.points[name].map { Keypoint(x: $0.x, y: $0.y, visibility: $0.visibility) } ?? Keypoint(x: 0, y: 0, visibility: 0)
        }
        return KeypointObject(keypoints: keypoints, area: object.area, box: box, label: object.label)
    }

    /// The learner's points in task order; a point left out or marked 0 (not in the image)
    /// is placed nowhere, so its OKS term is 0.
    func placed(_ answer: KeypointAnnotation, task: KeypointsTask) -> [Keypoint] {
        task.keypoints.map { name in
            guard let point = answer.points[name], point.isPlaced else { return Self.unplaced }
            return Keypoint(x: point.x, y: point.y, visibility: point.visibility)
        }
    }

    func score(_ answer: [KeypointAnnotation], task: KeypointsTask) -> ItemScore {
        let gold = objects.compactMap { goldObject($0, task: task) }
        let predicted = answer.map { (keypoints: placed($0, task: task), label: $0.label) }
        guard gold.count == objects.count,
            let match = try? Keypoints.match(gold: gold, predicted: predicted, sigmas: sigmas, threshold: oks)
        else {
            return .unscorable
        }
        var points: [Int: [PointDetail]] = [:]
        for pair in match.pairs {
            points[pair.gold] = pointDetails(gold: objects[pair.gold], goldObject: gold[pair.gold], answer: answer[pair.answer], task: task)
        }
        let scorer = ObjectScorer(
            goldLabels: objects.map(\.label), answerLabels: answer.map(\.label), name: "Object", similarity: "OKS", noun: "object",
            lowOverlap: { index, partner, similarity in
                let problems = Self.offKeypoints(points[index] ?? [])
                let detail = problems.isEmpty ? "" : ": " + problems.joined(separator: "; ")
                let line =
                    "Object \(partner + 1) ('\(answer[partner].label)') has OKS \(Format.number(similarity)), needs \(Format.number(oks))\(detail)."
                return (line, [.boundary(noun: "keypoint", loose: false)])
            },
            missed: { index in "You missed the '\(objects[index].label)' with \(firstPoint(objects[index], task: task))." },
            extra: { index in "Object \(index + 1) ('\(answer[index].label)') matches no object in the gold answer." })
        let placement = scorer.score(match, threshold: oks)
        var feedback = placement.feedback, observations = placement.observations
        for pair in match.pairs {
            for point in points[pair.gold] ?? [] where point.placed && point.visibility != point.goldVisibility {
                feedback.append(
                    "Object \(pair.answer + 1) ('\(answer[pair.answer].label)'): '\(point.name)' is marked \(Self.visibilityName(point.visibility)); gold says \(Self.visibilityName(point.goldVisibility))."
                )
                observations.append(.wrongVisibility)
            }
        }
        let labelled = objects.reduce(0) { $0 + $1.points.count }
        let agreeing = points.values.joined().filter { $0.visibility == $0.goldVisibility }.count
        let agreement = labelled == 0 ? 1 : Double(agreeing) / Double(labelled)
        var result = ItemScore(
            score: placement.score + visibilityWeight * (agreement - placement.score),
            metrics: placement.metrics + [Metric(.visibility, agreement)],
            feedback: feedback, observations: observations,
            details: .objects(scorer.details(match, measure: .oks, threshold: oks) { $0.points = points[$0.gold] }))
        result.settings = placement.settings + [Setting(.visibilityWeight, visibilityWeight)]
        result.counts = placement.counts
        result.departures = placement.departures
        return result
    }

    private func firstPoint(_ object: Object, task: KeypointsTask) -> String {
        for name in task.keypoints {
            if let p = object.points[name] {
                return "'\(name)' at (\(Format.number(p.x, decimals: 0)), \(Format.number(p.y, decimals: 0)))"
            }
        }
        return "the image"
    }

    /// One entry per keypoint gold labels: the learner's distance from it, the keypoint's own
    /// OKS term (`exp(−d² / (2·area·(2σ)²))`, as in the object's OKS) and both flags.
    private func pointDetails(gold: Object, goldObject: KeypointObject<String>, answer: KeypointAnnotation, task: KeypointsTask)
        -> [PointDetail]
    {
        task.keypoints.enumerated().compactMap { i, name in
            guard let g = gold.points[name] else { return nil }
            guard let p = answer.points[name], p.isPlaced else {
                return PointDetail(name: name, distance: nil, oks: 0, placed: false, visibility: 0, goldVisibility: g.visibility)
            }
            let single = KeypointObject(keypoints: [goldObject.keypoints[i]], area: goldObject.area, box: goldObject.box, label: gold.label)
            let similarity =
                (try? Keypoints.oks(gold: single, predicted: [Keypoint(x: p.x, y: p.y, visibility: p.visibility)], sigmas: [sigmas[i]]))
                ?? 0
            let distance = ((p.x - g.x) * (p.x - g.x) + (p.y - g.y) * (p.y - g.y)).squareRoot()
            return PointDetail(
                name: name, distance: distance, oks: similarity, placed: true, visibility: p.visibility, goldVisibility: g.visibility)
        }
    }

    /// "'left_wrist' is 23 px from where gold puts it", "you did not place 'nose'": the
    /// labelled keypoints whose own OKS term is below 0.5, said from their details.
    private static func offKeypoints(_ points: [PointDetail]) -> [String] {
        points.compactMap { point in
            guard let distance = point.distance else { return "you did not place '\(point.name)'" }
            return point.oks < 0.5 ? "'\(point.name)' is \(Format.number(distance, decimals: 0)) px from where gold puts it" : nil
        }
    }

    /// `image`, `size`, `labels`, `keypoints: [nose, {name: tail, sigma: 0.08}]`, `oks` and
    /// `answer:` a list of `{label, points: {name: [x, y] or [x, y, visibility]}, area}`.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> (KeypointsTask, KeypointsKey)? {
        let image = parser.media(&fields, "image")
        let size = parser.imageSize(&fields)
        let labels = parser.labels(&fields, example: "[person]")
        let oks = parser.threshold(&fields, "oks", default: 0.5)
        let visibilityWeight = fields.fraction("visibility-weight", sink: &parser.sink)?.value ?? 0.2
        var names: [String] = []
        var sigmas: [Double] = []
        if let node = fields.node("keypoints"), case .sequence(let entries) = node.value, !entries.isEmpty {
            for entry in entries {
                var name: Located<String>?
                var sigma: Double?
                if entry.text != nil {
                    name = YAMLFields.string(entry, what: "a keypoint name", sink: &parser.sink)
                } else if var definition = YAMLFields(entry, context: "a keypoint of \(parser.context)", sink: &parser.sink) {
                    name = definition.requiredString("name", hint: "give the keypoint's name", sink: &parser.sink)
                    if let value = definition.number("sigma", sink: &parser.sink) {
                        if value.value > 0 {
                            sigma = value.value
                        } else {
                            parser.report(.invalidValue, at: value.position, "'sigma' must be positive")
                        }
                    }
                    definition.finish(allowed: ["name", "sigma"], sink: &parser.sink)
                }
                guard let name else { return nil }
                if names.contains(name.value) {
                    parser.report(.duplicateID, at: name.position, "keypoint '\(name.value)' is listed twice in \(parser.context)")
                    return nil
                }
                names.append(name.value)
                sigmas.append(sigma ?? cocoNames.firstIndex(of: name.value).map { Keypoints.cocoPersonSigmas[$0] } ?? 0.05)
            }
        } else {
            fields.reportMissing("keypoints", "list the keypoint names, e.g. keypoints: [nose, left_eye, right_eye]", sink: &parser.sink)
        }
        guard let gold = parser.gold(&fields, example: "answer: [{label: person, points: {nose: [120, 40]}}]"),
            let size, let labels, !names.isEmpty
        else { return nil }
        let task = KeypointsTask(image: image, width: size.width, height: size.height, labels: labels, keypoints: names)
        let objects = parser.goldObjects(gold, noun: "object", list: "a list of objects", labels: labels) { entry, parser in
            parseObject(&entry, names: names, size: size, &parser)
        }
        return objects.map { (task, KeypointsKey(objects: $0, sigmas: sigmas, oks: oks, visibilityWeight: visibilityWeight)) }
    }

    /// One gold object: `{label, points, area}`, each point one of the task's keypoints inside
    /// the image, the area (or the box around the points) at least 1 px².
    private static func parseObject(
        _ entry: inout GoldEntry, names: [String], size: (width: Double, height: Double), _ parser: inout ItemParser
    ) -> Object? {
        let area = entry.fields.number("area", sink: &parser.sink)
        let pointsNode = entry.fields.node("points")
        guard let label = entry.finish(keys: ["points", "area"], &parser) else { return nil }
        let what = entry.what
        guard let pointsNode, case .mapping(let pairs) = pointsNode.value, !pairs.isEmpty else {
            parser.report(.missingKey, at: entry.node.position, "\(what) needs 'points': keypoint name → [x, y], e.g. {nose: [120, 40]}")
            return nil
        }
        var pointsValid = true
        var points: [String: Point] = [:]
        for pair in pairs {
            let name = pair.key.text ?? ""
            guard names.contains(name) else {
                parser.report(
                    .unknownLabel, at: pair.key.position,
                    "keypoint \(Quote.text(name)) of \(what) is not one of this item's keypoints\(Suggestion.hint(for: name, in: names))")
                pointsValid = false
                continue
            }
            guard let point = parser.point(pair.value, what: "keypoint '\(name)'") else { pointsValid = false; continue }
            var visibility = 2
            if let flag = point.extra {
                guard let value = YAMLFields.integer(flag, what: "the visibility of '\(name)'", sink: &parser.sink),
                    value.value == 1 || value.value == 2
                else {
                    parser.report(
                        .invalidValue, at: flag.position,
                        "the third value of keypoint '\(name)' is its visibility: 1 (occluded) or 2 (visible); leave an unlabelled keypoint out"
                    )
                    pointsValid = false
                    continue
                }
                visibility = value.value
            }
            guard point.x >= 0, point.y >= 0, point.x <= size.width, point.y <= size.height else {
                parser.report(
                    .outOfBounds, at: pair.value.position,
                    "keypoint '\(name)' of \(what) at (\(Format.number(point.x)), \(Format.number(point.y))) is outside the \(Format.number(size.width)) × \(Format.number(size.height)) image"
                )
                pointsValid = false
                continue
            }
            points[name] = Point(x: point.x, y: point.y, visibility: visibility)
        }
        let xs = points.values.map(\.x), ys = points.values.map(\.y)
        let boxArea = ((xs.max() ?? 0) - (xs.min() ?? 0)) * ((ys.max() ?? 0) - (ys.min() ?? 0))
        let objectArea = area?.value ?? boxArea
        if objectArea < 1 {
            parser.report(
                .invalidValue, at: area?.position ?? entry.node.position,
                "\(what) needs an 'area' of at least 1 px² (its keypoints span no area); give the object's area in pixels")
            return nil
        }
        return pointsValid ? Object(label: label, points: points, area: objectArea) : nil
    }
}
