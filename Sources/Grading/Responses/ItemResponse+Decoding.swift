import Courseware
internal import GroundworkMetrics

extension ItemResponse {
    /// Reads `json` as an answer to `item`, checking it against the item's task: option ids,
    /// labels, keypoint names and candidates must exist, spans must lie inside the text,
    /// sizes must not be negative, and so on.
    ///
    /// - Throws: ``AnswerShapeError`` whose message says what the item expects and what it
    ///   got ("expects a list of boxes, got a string"), naming the offending element.
    public init(json: JSONValue, for item: Item) throws(AnswerShapeError) {
        switch item.content {
        case .singleChoice(let task, _):
            guard case .string = json else {
                throw AnswerShapeError("expects one option id such as \"\(task.ids[0])\", got \(json.typeDescription)")
            }
            self = .singleChoice(try task.decodeOption(json, "the answer"))
        case .multipleChoice(let task, _):
            var ids = Set<String>()
            for (index, value) in try JSONRead.array(json, "a list of option ids such as [\"\(task.ids[0])\"]").enumerated() {
                let id = try task.decodeOption(value, "entry \(index + 1)")
                guard ids.insert(id).inserted else { throw AnswerShapeError("ticks \(Quote.text(id)) twice") }
            }
            self = .multipleChoice(ids)
        case .rating(let task, _):
            guard case .number = json else {
                throw AnswerShapeError("expects a rating from \(task.minimum) to \(task.maximum), got \(json.typeDescription)")
            }
            let value = try JSONRead.integer(json, "the rating")
            guard value >= task.minimum, value <= task.maximum else {
                throw AnswerShapeError("rating \(value) is outside the scale \(task.minimum)–\(task.maximum)")
            }
            self = .rating(value)
        case .shortText(let task, _):
            guard case .string = json else { throw AnswerShapeError("expects a text answer, got \(json.typeDescription)") }
            self = .shortText(try JSONRead.boundedString(json, "the answer", limit: task.maxLength))
        case .numeric:
            guard case .number = json else { throw AnswerShapeError("expects a number, got \(json.typeDescription)") }
            self = .numeric(try JSONRead.number(json, "the answer"))
        case .spans(let task, _):
            self = .spans(try Self.spans(json, task))
        case .boxes(let task, _):
            self = .boxes(try Self.boxes(json, task))
        case .polygons(let task, _):
            self = .polygons(try Self.polygons(json, task))
        case .keypoints(let task, _):
            self = .keypoints(try Self.keypoints(json, task))
        case .transcription:
            guard case .string = json else { throw AnswerShapeError("expects the transcript as a string, got \(json.typeDescription)") }
            self = .transcription(try JSONRead.boundedString(json, "the transcript"))
        case .timeSegments(let task, _):
            self = .timeSegments(try Self.segments(json, task))
        case .ranking(let task, _):
            var order: [String] = []
            for (index, value) in try JSONRead.array(json, "the candidates in order, best first, such as [\"\(task.ids[0])\", …]")
                .enumerated()
            {
                let id = try JSONRead.string(value, "entry \(index + 1)")
                guard let id = DeclaredName.match(id, in: task.ids) else {
                    throw AnswerShapeError("\(Quote.text(id)) is not a candidate\(Suggestion.hint(for: id, in: task.ids))")
                }
                guard !order.contains(id) else { throw AnswerShapeError("ranks \(Quote.text(id)) twice") }
                order.append(id)
            }
            let missing = task.ids.filter { !order.contains($0) }
            guard missing.isEmpty else {
                throw AnswerShapeError("does not rank \(Format.list(missing.map { "'\($0)'" })); put every candidate in the order")
            }
            self = .ranking(order)
        case .pairwise(let task, _):
            self = .pairwise(try Self.pairwise(json, task))
        case .rubric(let task, _):
            self = .rubric(try RubricAnswer(json: json, task: task))
        }
    }

    private static func label(_ fields: [String: JSONValue], _ labels: [String], _ what: String) throws(AnswerShapeError) -> String {
        let written = try JSONRead.string(try JSONRead.field(fields, "label", what), "the label of \(what)")
        guard let label = DeclaredName.match(written, in: labels) else {
            let label = written
            throw AnswerShapeError(
                "\(what) has label \(Quote.text(label)), which is not one of \(labels.joined(separator: ", "))\(Suggestion.closest(to: label, in: labels).map { " (did you mean '\($0)'?)" } ?? "")"
            )
        }
        return label
    }

    private static func spans(_ json: JSONValue, _ task: SpanTask) throws(AnswerShapeError) -> [SpanAnnotation] {
        var result: [SpanAnnotation] = []
        for (index, value) in try JSONRead.array(
            json, "a list of spans such as [{\"start\": 0, \"end\": 5, \"label\": \"\(task.labels[0])\"}]"
        ).enumerated() {
            let what = "span \(index + 1)"
            let fields = try JSONRead.object(value, what)
            try JSONRead.onlyKeys(fields, ["start", "end", "label"], what)
            let start = try JSONRead.integer(try JSONRead.field(fields, "start", what), "'start' of \(what)")
            let end = try JSONRead.integer(try JSONRead.field(fields, "end", what), "'end' of \(what)")
            guard start >= 0, end > start, end <= task.length else {
                throw AnswerShapeError("\(what) [\(start), \(end)) is not inside the text of \(task.length) characters")
            }
            result.append(SpanAnnotation(start: start, end: end, label: try label(fields, task.labels, what)))
        }
        return result
    }

    private static func boxes(_ json: JSONValue, _ task: ImageTask) throws(AnswerShapeError) -> [BoxAnnotation] {
        var result: [BoxAnnotation] = []
        for (index, value) in try JSONRead.array(
            json, "a list of boxes such as [{\"label\": \"\(task.labels[0])\", \"x\": 10, \"y\": 20, \"width\": 100, \"height\": 50}]"
        ).enumerated() {
            let what = "box \(index + 1)"
            let fields = try JSONRead.object(value, what)
            try JSONRead.onlyKeys(fields, ["label", "x", "y", "width", "height"], what)
            var numbers: [Double] = []
            for key in ["x", "y", "width", "height"] {
                numbers.append(try JSONRead.number(try JSONRead.field(fields, key, what), "'\(key)' of \(what)"))
            }
            guard numbers[2] >= 0, numbers[3] >= 0 else { throw AnswerShapeError("\(what) has a negative width or height") }
            result.append(
                BoxAnnotation(
                    label: try label(fields, task.labels, what), x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3]))
        }
        return result
    }

    private static func point(_ value: JSONValue, _ what: String) throws(AnswerShapeError) -> PolygonAnnotation.Vertex {
        guard case .array(let pair) = value, pair.count == 2 else {
            throw AnswerShapeError("\(what) must be [x, y], got \(value.typeDescription)")
        }
        return .init(x: try JSONRead.number(pair[0], "x of \(what)"), y: try JSONRead.number(pair[1], "y of \(what)"))
    }

    /// `[x, y]` (visible) or `[x, y, v]` with COCO's visibility flag v: 0, 1 or 2.
    private static func keypoint(_ value: JSONValue, _ what: String) throws(AnswerShapeError) -> KeypointAnnotation.Point {
        guard case .array(let values) = value, values.count == 3 else {
            let vertex = try point(value, what)
            return .init(x: vertex.x, y: vertex.y)
        }
        let xy = try point(.array(Array(values.prefix(2))), what)
        let visibility = try JSONRead.integer(values[2], "the visibility of \(what)")
        guard (0...2).contains(visibility) else {
            throw AnswerShapeError(
                "the visibility of \(what) is \(visibility); use 2 (visible), 1 (occluded) or 0 (not in the image)")
        }
        return .init(x: xy.x, y: xy.y, visibility: visibility)
    }

    private static func polygons(_ json: JSONValue, _ task: ImageTask) throws(AnswerShapeError) -> [PolygonAnnotation] {
        var result: [PolygonAnnotation] = []
        for (index, value) in try JSONRead.array(
            json, "a list of polygons such as [{\"label\": \"\(task.labels[0])\", \"points\": [[0, 0], [40, 0], [20, 30]]}]"
        ).enumerated() {
            let what = "polygon \(index + 1)"
            let fields = try JSONRead.object(value, what)
            try JSONRead.onlyKeys(fields, ["label", "points"], what)
            let label = try label(fields, task.labels, what)
            var points: [PolygonAnnotation.Vertex] = []
            for (n, p) in try JSONRead.array(
                try JSONRead.field(fields, "points", what), "'points' of \(what) as a list of [x, y]",
                limit: GradingLimits.maximumPolygonVertices
            ).enumerated() {
                points.append(try point(p, "vertex \(n + 1) of \(what)"))
            }
            let polygon = PolygonAnnotation(label: label, points: points)
            do {
                _ = try PolygonsKey.geometry(polygon)
            } catch {
                throw AnswerShapeError("\(what) is not a simple polygon: \(error.message)")
            }
            result.append(polygon)
        }
        return result
    }

    private static func keypoints(_ json: JSONValue, _ task: KeypointsTask) throws(AnswerShapeError) -> [KeypointAnnotation] {
        var result: [KeypointAnnotation] = []
        for (index, value) in try JSONRead.array(
            json, "a list of objects such as [{\"label\": \"\(task.labels[0])\", \"points\": {\"\(task.keypoints[0])\": [120, 40]}}]"
        ).enumerated() {
            let what = "object \(index + 1)"
            let fields = try JSONRead.object(value, what)
            try JSONRead.onlyKeys(fields, ["label", "points"], what)
            let label = try label(fields, task.labels, what)
            var points: [String: KeypointAnnotation.Point] = [:]
            for (name, p) in try JSONRead.object(try JSONRead.field(fields, "points", what), "'points' of \(what)").sorted(by: {
                $0.key < $1.key
            }) {
                guard task.keypoints.contains(name) else {
                    throw AnswerShapeError(
                        "\(what) has keypoint \(Quote.text(name)), which this item does not use\(Suggestion.hint(for: name, in: task.keypoints))"
                    )
                }
                points[name] = try keypoint(p, "keypoint \(Quote.text(name)) of \(what)")
            }
            result.append(KeypointAnnotation(label: label, points: points))
        }
        return result
    }

    private static func segments(_ json: JSONValue, _ task: SegmentsTask) throws(AnswerShapeError) -> [SegmentAnnotation] {
        var result: [SegmentAnnotation] = []
        for (index, value) in try JSONRead.array(
            json, "a list of segments such as [{\"label\": \"\(task.labels[0])\", \"start\": 1.2, \"end\": 2.0}]"
        ).enumerated() {
            let what = "segment \(index + 1)"
            let fields = try JSONRead.object(value, what)
            try JSONRead.onlyKeys(fields, ["label", "start", "end"], what)
            let start = try JSONRead.number(try JSONRead.field(fields, "start", what), "'start' of \(what)")
            let end = try JSONRead.number(try JSONRead.field(fields, "end", what), "'end' of \(what)")
            guard end >= start else {
                throw AnswerShapeError("\(what) ends (\(Format.number(end)) s) before it starts (\(Format.number(start)) s)")
            }
            result.append(SegmentAnnotation(label: try label(fields, task.labels, what), start: start, end: end))
        }
        return result
    }

    private static func pairwise(_ json: JSONValue, _ task: PairwiseTask) throws(AnswerShapeError) -> PairwiseAnswer {
        guard case .object(let fields) = json else {
            throw AnswerShapeError(
                "expects an object such as {\"preferred\": \"\(task.responses[0].id)\", \"reason\": \"…\"}, got \(json.typeDescription)")
        }
        try JSONRead.onlyKeys(fields, ["preferred", "ratings", "reason"], "the answer")
        let preferred = try JSONRead.string(try JSONRead.field(fields, "preferred", "the answer"), "'preferred'")
        guard task.preferenceChoices.contains(preferred) else {
            throw AnswerShapeError("'preferred' is \(Quote.text(preferred)); use one of \(task.preferenceChoices.joined(separator: ", "))")
        }
        var ratings: [String: [String: Int]] = [:]
        if let value = fields["ratings"] {
            for (response, perDimension) in try JSONRead.object(value, "'ratings'") {
                guard task.responses.contains(where: { $0.id == response }) else {
                    throw AnswerShapeError("'ratings' names \(Quote.text(response)), which is not a response")
                }
                for (dimensionID, rating) in try JSONRead.object(perDimension, "ratings of \(Quote.text(response))") {
                    guard let dimension = task.dimensions.first(where: { $0.id == dimensionID }) else {
                        throw AnswerShapeError(
                            "'ratings' of \(Quote.text(response)) names \(Quote.text(dimensionID)), which is not a dimension\(Suggestion.hint(for: dimensionID, in: task.dimensions.map(\.id)))"
                        )
                    }
                    let number = try JSONRead.integer(rating, "the rating of \(response)'s \(dimensionID)")
                    guard number >= dimension.minimum, number <= dimension.maximum else {
                        throw AnswerShapeError(
                            "the rating of \(response)'s \(dimensionID) is \(number), outside \(dimension.minimum)–\(dimension.maximum)")
                    }
                    ratings[response, default: [:]][dimensionID] = number
                }
            }
        }
        var reason = ""
        if let value = fields["reason"] { reason = try JSONRead.boundedString(value, "'reason'") }
        return PairwiseAnswer(preferred: preferred, ratings: ratings, reason: reason)
    }
}
