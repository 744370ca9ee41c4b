internal import Grading

/// An assessment's box, polygon and keypoint items as a COCO annotations file, and an
/// answers file as COCO results.
///
/// Each item is an image (its file, or the item id when it has none, as `file_name`); its
/// gold objects are the annotations. Groundwork's item id, prompt and reason ride along in
/// `groundwork_item`, `groundwork_prompt` and `groundwork_reason` on the image, which COCO
/// tools ignore and `import coco` reads back. Matching thresholds, lessons and the other
/// common keys have no COCO place; each gets a note.
enum COCOExporter {
    static func write(_ assessment: Assessment) -> (String, [ConversionNote]) {
        let layout = COCOLayout(assessment)
        var notes = layout.notes
        var images: [JSONValue] = []
        var annotations: [JSONValue] = []
        for entry in layout.entries {
            let item = entry.item
            notes += ExportNotes.commonKeys(item, in: assessment, format: "COCO", kept: ["reason"])
            let image: [String: JSONValue] = [
                "id": .number(Double(entry.imageID)), "file_name": .string(entry.image ?? item.id), "width": .number(entry.width),
                "height": .number(entry.height), "groundwork_item": .string(item.id), "groundwork_kind": .string(entry.shape.rawValue),
                "groundwork_prompt": .string(item.prompt),
                "groundwork_reason": .string(item.reason),
            ]
            images.append(.object(image))
            for object in objects(item.content, layout: layout) {
                var fields = object
                fields["id"] = .number(Double(annotations.count + 1))
                fields["image_id"] = .number(Double(entry.imageID))
                fields["iscrowd"] = .number(0)
                annotations.append(.object(fields))
            }
            notes += thresholdNotes(item, in: assessment)
        }
        let categories = layout.categories.map { category -> JSONValue in
            var fields: [String: JSONValue] = [
                "id": .number(Double(category.id)), "name": .string(category.name), "supercategory": .string(""),
            ]
            if !category.keypoints.isEmpty { fields["keypoints"] = .array(category.keypoints.map(JSONValue.string)) }
            return .object(fields)
        }
        let file = JSONValue.object(["images": .array(images), "annotations": .array(annotations), "categories": .array(categories)])
        return (JSONText.encode(file), notes)
    }

    /// A learner's answers as COCO results (`image_id`, `category_id`, geometry, `score` 1),
    /// numbered as ``write(_:)`` numbers the same assessment.
    static func results(_ sheet: AnswerSheet, for assessment: Assessment) -> (String, [ConversionNote]) {
        let layout = COCOLayout(assessment)
        var results: [JSONValue] = []
        for entry in layout.entries {
            guard let response = sheet.responses[entry.item.id] else { continue }
            let objects: [[String: JSONValue]]
            switch response {
            case .boxes(let boxes): objects = boxes.map { box($0, layout: layout) }
            case .polygons(let polygons): objects = polygons.map { polygon($0, layout: layout) }
            case .keypoints(let points):
                guard case .keypoints(let task, _) = entry.item.content else { continue }
                objects = points.map { keypoints($0, names: task.keypoints, area: nil, layout: layout) }
            case .singleChoice, .multipleChoice, .rating, .shortText, .numeric, .spans, .transcription, .timeSegments, .ranking, .pairwise, .rubric:
                continue
            }
            for var object in objects {
                object["image_id"] = .number(Double(entry.imageID))
                object["score"] = .number(1)
                results.append(.object(object))
            }
        }
        return (JSONText.encode(JSONValue.array(results)), layout.notes)
    }

    private static func objects(_ content: ItemContent, layout: COCOLayout) -> [[String: JSONValue]] {
        switch content {
        case .boxes(_, let key): return key.boxes.map { box($0, layout: layout) }
        case .polygons(_, let key): return key.polygons.map { polygon($0, layout: layout) }
        case .keypoints(let task, let key):
            return key.objects.map { object in
                keypoints(
                    KeypointAnnotation(
                        label: object.label, points: object.points.mapValues { .init(x: $0.x, y: $0.y, visibility: $0.visibility) }),
                    names: task.keypoints, area: object.area, layout: layout)
            }
        case .singleChoice, .multipleChoice, .rating, .shortText, .numeric, .spans, .transcription, .timeSegments, .ranking, .pairwise, .rubric:
            return []
        }
    }

    private static func categoryID(_ label: String, _ layout: COCOLayout) -> JSONValue {
        .number(Double(layout.category(named: label)?.id ?? 0))
    }

    private static func box(_ box: BoxAnnotation, layout: COCOLayout) -> [String: JSONValue] {
        [
            "category_id": categoryID(box.label, layout), "bbox": .array([box.x, box.y, box.width, box.height].map(JSONValue.number)),
            "area": .number(box.width * box.height),
        ]
    }

    private static func polygon(_ polygon: PolygonAnnotation, layout: COCOLayout) -> [String: JSONValue] {
        let xs = polygon.points.map(\.x), ys = polygon.points.map(\.y)
        let minX = xs.min() ?? 0, minY = ys.min() ?? 0
        var twiceArea = 0.0
        for (index, point) in polygon.points.enumerated() {
            let next = polygon.points[(index + 1) % polygon.points.count]
            twiceArea += point.x * next.y - next.x * point.y
        }
        return [
            "category_id": categoryID(polygon.label, layout),
            "segmentation": .array([.array(polygon.points.flatMap { [JSONValue.number($0.x), .number($0.y)] })]),
            "bbox": .array([minX, minY, (xs.max() ?? 0) - minX, (ys.max() ?? 0) - minY].map(JSONValue.number)),
            "area": .number(abs(twiceArea) / 2),
        ]
    }

    private static func keypoints(_ object: KeypointAnnotation, names: [String], area: Double?, layout: COCOLayout) -> [String: JSONValue] {
        let names = layout.category(named: object.label)?.keypoints ?? names
        var flat: [JSONValue] = []
        for name in names {
            let point = object.points[name]
            flat += [.number(point?.x ?? 0), .number(point?.y ?? 0), .number(Double(point?.visibility ?? 0))]
        }
        let placed = object.points.values.filter { $0.visibility > 0 }
        let xs = placed.map(\.x), ys = placed.map(\.y)
        let minX = xs.min() ?? 0, minY = ys.min() ?? 0
        var fields: [String: JSONValue] = [
            "category_id": categoryID(object.label, layout), "keypoints": .array(flat), "num_keypoints": .number(Double(placed.count)),
            "bbox": .array([minX, minY, (xs.max() ?? 0) - minX, (ys.max() ?? 0) - minY].map(JSONValue.number)),
        ]
        if let area { fields["area"] = .number(area) }
        return fields
    }

    /// A threshold other than Groundwork's default has no COCO place (COCO evaluation sweeps
    /// its own), nor has a visibility weight.
    private static func thresholdNotes(_ item: Item, in assessment: Assessment) -> [ConversionNote] {
        let changed: Bool
        switch item.content {
        case .boxes(_, let key): changed = key.iou != 0.5
        case .polygons(_, let key): changed = key.iou != 0.5
        case .keypoints(_, let key): changed = key.oks != 0.5 || key.visibilityWeight != 0.2
        case .singleChoice, .multipleChoice, .rating, .shortText, .numeric, .spans, .transcription, .timeSegments, .ranking, .pairwise, .rubric:
            changed = false
        }
        guard changed else { return [] }
        return [
            ConversionNote(
                item.location(in: assessment),
                "item '\(item.id)': its matching threshold (and visibility weight) has no place in COCO, whose evaluation sweeps its own; left out"
            )
        ]
    }
}
