internal import Grading

/// An assessment as Label Studio tasks, each with its gold as a ground-truth annotation:
/// single- and multiple-choice as `choices`, spans as `labels`, boxes as `rectanglelabels`,
/// polygons as `polygonlabels`, keypoints as `keypointlabels` (one region per point),
/// short-text as `textarea`, rating as `rating`. Geometry is written in percent of the
/// image, as Label Studio stores it.
///
/// Groundwork's item id, prompt and reason ride along in the task's `data`
/// (`groundwork_item`, `groundwork_prompt`, `groundwork_reason`), which `import labelstudio`
/// reads back. Lost, each with a note: options and labels the gold does not use (an export
/// carries no labeling config), credits other than full, patterns, thresholds and scales
/// beyond the gold rating.
enum LabelStudioExporter {
    static func write(_ assessment: Assessment) -> (String, [ConversionNote]) {
        var notes: [ConversionNote] = []
        var tasks: [JSONValue] = []
        for item in assessment.items {
            let location = item.location(in: assessment)
            var data: [String: JSONValue] = [
                "groundwork_item": .string(item.id), "groundwork_prompt": .string(item.prompt), "groundwork_reason": .string(item.reason),
            ]
            var results: [[String: JSONValue]] = []
            func lost(_ what: String) { notes.append(ConversionNote(location, "item '\(item.id)': \(what)")) }
            switch item.content {
            case .singleChoice(let task, let key):
                let best = item.content.goldResponses.compactMap { response -> String? in
                    if case .singleChoice(let id) = response { return id }
                    return nil
                }
                results = [
                    [
                        "type": .string("choices"), "from_name": .string("choice"), "to_name": .string("text"),
                        "value": .object(["choices": .array(best.prefix(1).map(JSONValue.string))]),
                    ]
                ]
                data["text"] = .string(item.prompt)
                if task.options.count > 1 { lost("options other than the gold are not kept (an export holds no labeling config)") }
                if key.credits.count > 1 { lost("credits other than the best option's are not kept") }
            case .multipleChoice(let task, let key):
                results = [
                    [
                        "type": .string("choices"), "from_name": .string("choice"), "to_name": .string("text"),
                        "value": .object(["choices": .array(key.correct.sorted().map(JSONValue.string))]),
                    ]
                ]
                data["text"] = .string(item.prompt)
                if task.options.count > key.correct.count { lost("options the gold does not tick are not kept") }
                lost("its scoring rule is not kept (Label Studio compares choices as a whole)")
            case .shortText(_, let key):
                let texts = key.variants.compactMap { variant -> String? in
                    guard variant.credit >= 1 else { return nil }
                    if case .text(let text) = variant.match { return text }
                    return variant.example
                }
                results = [
                    [
                        "type": .string("textarea"), "from_name": .string("answer"), "to_name": .string("text"),
                        "value": .object(["text": .array(texts.map(JSONValue.string))]),
                    ]
                ]
                data["text"] = .string(item.prompt)
                if texts.count != key.variants.count { lost("patterns and partial-credit variants are not kept") }
            case .rating(let task, let key):
                results = [
                    [
                        "type": .string("rating"), "from_name": .string("rating"), "to_name": .string("text"),
                        "value": .object(["rating": .number(Double(key.accepted.first ?? task.minimum))]),
                    ]
                ]
                data["text"] = .string(item.prompt)
                lost("its scale, labels and partial credit are not kept")
            case .spans(let task, let key):
                data["text"] = .string(task.text)
                results = key.spans.map { span in
                    [
                        "type": .string("labels"), "from_name": .string("label"), "to_name": .string("text"),
                        "value": .object([
                            "start": .number(Double(utf16Offset(span.start, in: task.text))),
                            "end": .number(Double(utf16Offset(span.end, in: task.text))),
                            "text": .string(slice(task.text, span.start, span.end)), "labels": .array([.string(span.label)]),
                        ]),
                    ]
                }
            case .boxes(let task, let key):
                data["image"] = .string(task.image ?? item.id)
                results = key.boxes.map { box in
                    image(
                        task.width, task.height, "rectanglelabels", "box",
                        [
                            "x": .number(box.x / task.width * 100), "y": .number(box.y / task.height * 100),
                            "width": .number(box.width / task.width * 100), "height": .number(box.height / task.height * 100),
                            "rotation": .number(0),
                            "rectanglelabels": .array([.string(box.label)]),
                        ])
                }
            case .polygons(let task, let key):
                data["image"] = .string(task.image ?? item.id)
                results = key.polygons.map { polygon in
                    image(
                        task.width, task.height, "polygonlabels", "polygon",
                        [
                            "points": .array(
                                polygon.points.map { .array([.number($0.x / task.width * 100), .number($0.y / task.height * 100)]) }),
                            "polygonlabels": .array([.string(polygon.label)]),
                        ])
                }
            case .keypoints(let task, let key):
                data["image"] = .string(task.image ?? item.id)
                if key.objects.count > 1 || task.labels.count > 1 {
                    lost("several keypoint objects or labels have no Label Studio form; points are written ungrouped")
                }
                for object in key.objects {
                    for name in task.keypoints {
                        guard let point = object.points[name] else { continue }
                        results.append(
                            image(
                                task.width, task.height, "keypointlabels", object.label,
                                [
                                    "x": .number(point.x / task.width * 100), "y": .number(point.y / task.height * 100),
                                    "width": .number(0.5),
                                    "keypointlabels": .array([.string(name)]),
                                ]))
                    }
                }
                lost("visibility flags, areas and the OKS threshold are not kept")
            case .numeric, .transcription, .timeSegments, .ranking, .pairwise, .rubric:
                notes.append(ExportNotes.unsupported(item, in: assessment, format: "this Label Studio export"))
                continue
            }
            notes += ExportNotes.commonKeys(item, in: assessment, format: "Label Studio", kept: ["reason"])
            tasks.append(
                .object([
                    "id": .number(Double(tasks.count + 1)), "data": .object(data),
                    "annotations": .array([
                        .object([
                            "ground_truth": .bool(true), "was_cancelled": .bool(false), "result": .array(results.map(JSONValue.object)),
                        ])
                    ]),
                ]))
        }
        return (JSONText.encode(JSONValue.array(tasks)), notes)
    }

    private static func image(_ width: Double, _ height: Double, _ type: String, _ control: String, _ value: [String: JSONValue])
        -> [String: JSONValue]
    {
        [
            "type": .string(type), "from_name": .string(control), "to_name": .string("image"), "original_width": .number(width),
            "original_height": .number(height), "value": .object(value),
        ]
    }

    /// The UTF-16 offset (JavaScript's) of a Unicode-scalar offset.
    private static func utf16Offset(_ scalars: Int, in text: String) -> Int {
        let index = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: min(scalars, text.unicodeScalars.count))
        return text.utf16.distance(from: text.utf16.startIndex, to: index)
    }

    private static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard start >= 0, end <= scalars.count, start < end else { return "" }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
