internal import Foundation
internal import Grading

/// A Label Studio JSON export (a list of tasks with their annotations) as a test: each
/// task's result of one control (`from_name`) becomes an item, the task's ground-truth
/// annotation (else its first one not cancelled) the gold.
///
/// | result type | item kind |
/// | --- | --- |
/// | `choices` | single-choice, or multiple-choice where gold ticks several |
/// | `labels` | spans (offsets turned from UTF-16 units into Unicode scalars) |
/// | `rectanglelabels` | boxes (percentages turned into pixels) |
/// | `polygonlabels` | polygons |
/// | `keypointlabels` | keypoints (one object named after the control) |
/// | `textarea` | short-text (each text an accepted answer) |
/// | `rating` | rating (1 to the highest rating seen, at least 5) |
///
/// An export holds no labeling config: given the project's config (``LabelStudioConfig``),
/// options and labels are those the config offers, a `Choices choice="multiple"` gives a
/// multiple-choice item and a `Rating` its `maxRating`; without it, options and labels are
/// those the file uses. Left out, each with a note: other annotators' annotations, predictions, rotated boxes,
/// other result types, and task fields Groundwork has no place for.
enum LabelStudioImporter {
    struct Result {
        var type: String
        var fromName: String
        var toName: String
        var value: JSONCursor
        var cursor: JSONCursor
    }

    static func read(_ root: JSONCursor, folder: String, config: LabelStudioConfig? = nil) throws(InteropError) -> (
        DraftAssessment, [ConversionNote]
    ) {
        let tasks: [JSONCursor] = root.value.isArray ? try root.array() : [root]
        var notes: [ConversionNote] = []
        var dropped = DroppedFields()
        // Every option and label the file uses, per control, across all tasks and annotations.
        var vocabulary: [String: [String]] = [:]
        var golds: [(task: JSONCursor, results: [Result])] = []
        for task in tasks {
            try task.requireObject()
            dropped.unknownKeys(
                of: task, known: ["id", "data", "annotations", "completions"],
                why: "Groundwork keeps a task's data and its gold annotation only")
            let annotations = try (task["annotations"] ?? task["completions"])?.array() ?? []
            var usable: [JSONCursor] = []
            var gold: JSONCursor?
            for annotation in annotations {
                try annotation.requireObject()
                if let cancelled = annotation["was_cancelled"], try boolean(cancelled) { continue }
                usable.append(annotation)
                if gold == nil, let truth = annotation["ground_truth"], try boolean(truth) { gold = annotation }
            }
            gold = gold ?? usable.first
            var results: [Result] = []
            for annotation in annotations {
                dropped.unknownKeys(
                    of: annotation, known: ["id", "result", "was_cancelled", "ground_truth", "completed_by"],
                    why: "Groundwork keeps an annotation's result only")
                var parsed: [Result] = []
                for cursor in try annotation["result"]?.array() ?? [] {
                    guard let result = try result(cursor, notes: &notes, dropped: &dropped) else { continue }
                    vocabulary[result.fromName, default: []].append(contentsOf: try names(result))
                    parsed.append(result)
                }
                if annotation.path == gold?.path {
                    results = parsed
                } else {
                    let who = annotation["completed_by"].flatMap { try? $0.identifier() }.map { " by annotator \($0)" } ?? ""
                    notes.append(annotation.note("this annotation\(who) is not the gold; only one annotation per task is kept"))
                }
            }
            golds.append((task, results))
        }
        var items: [DraftItem] = []
        for (task, results) in golds {
            let taskID = try task["id"]?.identifier() ?? String(items.count + 1)
            let data = try task.required("data")
            try data.requireObject()
            var controls: [String] = []
            for result in results where !controls.contains(result.fromName) { controls.append(result.fromName) }
            for control in controls {
                let group = results.filter { $0.fromName == control }
                var seen: [String] = []
                let declared = config?.controls[control]
                for name in (declared?.values ?? []) + (vocabulary[control] ?? []) where !seen.contains(name) { seen.append(name) }
                if let item = try makeItem(
                    group, taskID: taskID, data: data, vocabulary: seen, control: declared, single: controls.count == 1, folder: folder,
                    notes: &notes)
                {
                    items.append(item)
                }
            }
        }
        if let config { notes += configNotes(config, vocabulary: vocabulary) }
        guard !items.isEmpty else {
            throw root.error("has no task with an annotation Groundwork can use as gold" + (notes.last.map { ": \($0.message)" } ?? ""))
        }
        notes += dropped.notes
        let name = (root.file as NSString).lastPathComponent
        return (
            DraftAssessment(
                title: (name as NSString).deletingPathExtension, instructions: "Imported from the Label Studio export '\(name)'.\n",
                items: items),
            notes
        )
    }

    /// What the file and the config disagree on: controls the file uses that the config does
    /// not declare (their options are guessed from the file), values the config does not
    /// offer (added to the options), and controls no task answers (no item).
    private static func configNotes(_ config: LabelStudioConfig, vocabulary: [String: [String]]) -> [ConversionNote] {
        var notes: [ConversionNote] = []
        let file = SourceLocation(file: config.file)
        for (name, used) in vocabulary.sorted(by: { $0.key < $1.key }) {
            guard let control = config.controls[name] else {
                notes.append(ConversionNote(file, "the labeling config has no control '\(name)'; its options are those the file uses"))
                continue
            }
            var extra: [String] = []
            for value in used where !control.values.contains(value) && !extra.contains(value) { extra.append(value) }
            if !extra.isEmpty && !control.values.isEmpty {
                notes.append(
                    ConversionNote(
                        control.location,
                        "control '\(name)' does not offer \(extra.map { "'\($0)'" }.joined(separator: ", ")), which the file uses; added to its options"
                    ))
            }
        }
        for (name, control) in config.controls.sorted(by: { $0.key < $1.key }) where vocabulary[name] == nil {
            notes.append(ConversionNote(control.location, "control '\(name)' has no gold in any task, so it gives no item"))
        }
        return notes
    }

    private static func boolean(_ cursor: JSONCursor) throws(InteropError) -> Bool {
        guard case .bool(let value) = cursor.value else { throw cursor.error("must be true or false, got \(cursor.value.typeDescription)") }
        return value
    }

    /// One region or answer of an annotation; nil (with a note) for a relation between
    /// regions, which no Groundwork kind holds.
    private static func result(
        _ cursor: JSONCursor, notes: inout [ConversionNote], dropped: inout DroppedFields
    ) throws(InteropError) -> Result? {
        let type = try cursor.required("type").string()
        guard type != "relation" else {
            notes.append(cursor.note("is a '\(type)' between regions, which Groundwork has no form for; left out"))
            return nil
        }
        dropped.unknownKeys(
            of: cursor, known: ["id", "type", "from_name", "to_name", "value", "original_width", "original_height", "source"],
            why: "Groundwork keeps a region's label and geometry only")
        return Result(
            type: type, fromName: try cursor.required("from_name").string(), toName: try cursor["to_name"]?.string() ?? "",
            value: try cursor.required("value"), cursor: cursor)
    }

    /// The options or labels a result uses.
    private static func names(_ result: Result) throws(InteropError) -> [String] {
        switch result.type {
        case "choices", "labels", "rectanglelabels", "polygonlabels", "keypointlabels":
            return try result.value[result.type]?.strings() ?? []
        default:
            return []
        }
    }

    /// The task's text or media for a result: `data[to_name]`, else its only text field.
    private static func dataValue(_ data: JSONCursor, for result: Result) throws(InteropError) -> (String, SourceLocation)? {
        if let field = data[result.toName], case .string(let text) = field.value { return (text, field.location) }
        let strings = data.keys.compactMap { key -> (String, SourceLocation)? in
            guard !key.hasPrefix("groundwork_"), let field = data[key], case .string(let text) = field.value else { return nil }
            return (text, field.location)
        }
        return strings.count == 1 ? strings[0] : nil
    }

    private static func makeItem(
        _ group: [Result], taskID: String, data: JSONCursor, vocabulary: [String], control declared: LabelStudioConfig.Control?,
        single: Bool, folder: String, notes: inout [ConversionNote]
    ) throws(InteropError) -> DraftItem? {
        let first = group[0]
        let control = first.fromName
        let id = DraftItem.identifier(single ? (try data["groundwork_item"]?.string() ?? "task-\(taskID)") : "task-\(taskID)-\(control)")
        let text = try dataValue(data, for: first)
        var prompt = try data["groundwork_prompt"]?.string()
        let reason = try data["groundwork_reason"]?.string() ?? "Gold from Label Studio task \(taskID), control '\(control)'."
        var fields: [YAMLOut.Entry] = []
        let kind: ItemKind
        switch first.type {
        case "choices":
            guard vocabulary.count >= 2 else {
                notes.append(
                    first.cursor.note(
                        "only the choice \(vocabulary.map { "'\($0)'" }.joined(separator: ", ")) appears for '\(control)' in the file, and a choice item needs at least two (give the project's labeling config with --config); left out"
                    ))
                return nil
            }
            let chosen = try group.mapping { (r: Result) throws(InteropError) -> [String] in try r.value.required("choices").strings() }
                .flatMap { $0 }
            let multiple = declared?.multiple ?? (chosen.count != 1)
            if let declared, !declared.multiple, chosen.count != 1 {
                notes.append(
                    first.cursor.note("chooses \(chosen.count) options of the single-choice control '\(control)'; the item takes several"))
            }
            kind = multiple || chosen.count != 1 ? .multipleChoice : .singleChoice
            fields = [
                .init("options", .strings(vocabulary)), .init("answer", kind == .singleChoice ? .string(chosen[0]) : .strings(chosen)),
            ]
            if kind == .multipleChoice { fields.append(.init("scoring", .string("all-or-nothing"))) }
            prompt = prompt ?? text.map { "\($0.0)\n\n(\(control))" }
        case "textarea":
            let texts = try group.mapping { (r: Result) throws(InteropError) -> [String] in
                let text = try r.value.required("text")
                if case .string(let one) = text.value { return [one] }  // Label Studio before 1.0 wrote one string
                return try text.strings()
            }.flatMap { $0 }
            kind = .shortText
            let longest = texts.map(\.count).max() ?? 0
            if longest > 200 { fields.append(.init("max-length", .number(Double(longest)))) }
            fields.append(.init("answer", .strings(texts)))
            prompt = prompt ?? text.map { "\($0.0)\n\n(\(control))" }
        case "rating":
            let rating = try first.value.required("rating").integer()
            kind = .rating
            let top = declared?.maxRating ?? max(5, rating)
            guard (1...top).contains(rating) else { throw first.value.error("rates \(rating), outside the control's 1 to \(top)") }
            fields = [.init("scale", .numbers([1, Double(top)])), .init("answer", .number(Double(rating)))]
            prompt = prompt ?? text.map { "\($0.0)\n\n(\(control))" }
        case "labels":
            guard let (content, _) = text else {
                throw first.cursor.error("labels text, but the task's data has no text for '\(first.toName)'")
            }
            kind = .spans
            let spans = try group.mapping { (r: Result) throws(InteropError) -> YAMLOut in try span(r, in: content, notes: &notes) }
            fields = [.init("text", .string(content)), .init("labels", .strings(vocabulary)), .init("answer", .list(spans, flow: false))]
        case "rectanglelabels", "polygonlabels", "keypointlabels":
            let width = try first.cursor.required("original_width").number(), height = try first.cursor.required("original_height").number()
            if let (name, location) = text, let media = MediaReference.resolve(name, in: folder, at: location, notes: &notes) {
                fields.append(.init("image", .string(media)))
            }
            fields.append(.init("size", .numbers([width, height])))
            let answer: [YAMLOut]
            switch first.type {
            case "rectanglelabels":
                kind = .boxes
                fields.append(.init("labels", .strings(vocabulary)))
                answer = try group.mapping { (r: Result) throws(InteropError) -> YAMLOut? in try box(r, width, height, notes: &notes) }
                    .compactMap { $0 }
            case "polygonlabels":
                kind = .polygons
                fields.append(.init("labels", .strings(vocabulary)))
                answer = try group.mapping { (r: Result) throws(InteropError) -> YAMLOut in try polygon(r, width, height) }
            default:
                kind = .keypoints
                fields.append(.init("labels", .strings([control])))
                fields.append(.init("keypoints", .strings(vocabulary)))
                answer = [try keypoints(group, control, width, height, notes: &notes)]
            }
            fields.append(.init("answer", .list(answer, flow: false)))
            prompt = prompt ?? COCOYAML.prompt(kind == .boxes ? .boxes : kind == .polygons ? .polygons : .keypoints)
        default:
            notes.append(first.cursor.note("is a '\(first.type)' result, which Groundwork has no item kind for; left out"))
            return nil
        }
        return DraftItem(id: id, kind: kind, prompt: prompt ?? "Answer '\(control)' for task \(taskID).", fields: fields, reason: reason)
    }

    /// Scalar offset of a UTF-16 offset (Label Studio counts as JavaScript does).
    private static func scalarOffset(_ utf16: Int, in text: String) -> Int? {
        guard utf16 >= 0, utf16 <= text.utf16.count else { return nil }
        let index = text.utf16.index(text.utf16.startIndex, offsetBy: utf16)
        guard let scalarIndex = index.samePosition(in: text.unicodeScalars) else { return nil }
        return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: scalarIndex)
    }

    private static func span(_ result: Result, in text: String, notes: inout [ConversionNote]) throws(InteropError) -> YAMLOut {
        let startCursor = try result.value.required("start")
        guard let start = scalarOffset(try startCursor.integer(), in: text),
            let end = scalarOffset(try result.value.required("end").integer(), in: text), start < end
        else { throw startCursor.error("gives a span outside the task's text") }
        let labels = try result.value.required("labels").strings()
        guard let label = labels.first else { throw result.value.error("has no label") }
        if labels.count > 1 { notes.append(result.value.note("has several labels; Groundwork keeps the first, '\(label)'")) }
        return .map(
            [.init("start", .number(Double(start))), .init("end", .number(Double(end))), .init("label", .string(label))], flow: true)
    }

    private static func box(_ result: Result, _ width: Double, _ height: Double, notes: inout [ConversionNote]) throws(InteropError)
        -> YAMLOut?
    {
        let value = result.value
        if let rotation = value["rotation"], try rotation.number() != 0 {
            notes.append(rotation.note("a rotated box has no Groundwork form (boxes are upright); left out"))
            return nil
        }
        let label = try value.required("rectanglelabels").strings().first ?? ""
        return .map(
            [
                .init("label", .string(label)), .init("x", .number(try value.required("x").number() * width / 100)),
                .init("y", .number(try value.required("y").number() * height / 100)),
                .init("width", .number(try value.required("width").number() * width / 100)),
                .init("height", .number(try value.required("height").number() * height / 100)),
            ], flow: true)
    }

    private static func polygon(_ result: Result, _ width: Double, _ height: Double) throws(InteropError) -> YAMLOut {
        let label = try result.value.required("polygonlabels").strings().first ?? ""
        var points: [YAMLOut] = []
        for point in try result.value.required("points").array() {
            let xy = try point.numbers()
            guard xy.count == 2 else { throw point.error("must be [x, y], got \(xy.count) numbers") }
            points.append(.numbers([xy[0] * width / 100, xy[1] * height / 100]))
        }
        return .map([.init("label", .string(label)), .init("points", .list(points, flow: true))], flow: true)
    }

    private static func keypoints(
        _ group: [Result], _ control: String, _ width: Double, _ height: Double, notes: inout [ConversionNote]
    ) throws(InteropError) -> YAMLOut {
        var points: [YAMLOut.Entry] = []
        for result in group {
            guard let name = try result.value.required("keypointlabels").strings().first else {
                throw result.value.error("has no keypoint label")
            }
            if points.contains(where: { $0.key == name }) {
                notes.append(result.cursor.note("places '\(name)' a second time; one object holds each keypoint once, so it is left out"))
                continue
            }
            points.append(
                .init(
                    name,
                    .numbers([
                        try result.value.required("x").number() * width / 100, try result.value.required("y").number() * height / 100,
                    ])))
        }
        return .map([.init("label", .string(control)), .init("points", .map(points, flow: true))], flow: false)
    }
}
