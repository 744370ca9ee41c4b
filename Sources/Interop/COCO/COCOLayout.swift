internal import Grading

/// How an assessment's image items are numbered in COCO: image ids 1, 2, … in item order and
/// category ids 1, 2, … in the order labels first appear. `export coco` writes this layout,
/// and `import coco --as-answers` reads a results file's `image_id` and `category_id`
/// through the same one, so results computed against an exported file come back to the
/// right items.
struct COCOLayout {
    struct Entry {
        var item: Item
        var imageID: Int
        var shape: COCOShape
        var width: Double
        var height: Double
        var image: String?
    }

    struct Category {
        var id: Int
        var name: String
        var keypoints: [String]
    }

    var entries: [Entry] = []
    var categories: [Category] = []
    var notes: [ConversionNote] = []

    init(_ assessment: Assessment) {
        for item in assessment.items {
            let entry: Entry
            switch item.content {
            case .boxes(let task, _), .polygons(let task, _):
                entry = Entry(
                    item: item, imageID: entries.count + 1, shape: item.kind == .boxes ? .boxes : .polygons, width: task.width,
                    height: task.height, image: task.image)
                for label in task.labels where !categories.contains(where: { $0.name == label }) {
                    categories.append(Category(id: categories.count + 1, name: label, keypoints: []))
                }
            case .keypoints(let task, _):
                if let clash = task.labels.first(where: { label in
                    categories.contains { $0.name == label && !$0.keypoints.isEmpty && $0.keypoints != task.keypoints }
                }) {
                    notes.append(
                        ConversionNote(
                            item.location(in: assessment),
                            "item '\(item.id)' gives label '\(clash)' other keypoints than an earlier item; a COCO category has one keypoint list, so the item is left out"
                        ))
                    continue
                }
                entry = Entry(
                    item: item, imageID: entries.count + 1, shape: .keypoints, width: task.width, height: task.height, image: task.image)
                for label in task.labels {
                    if let index = categories.firstIndex(where: { $0.name == label }) {
                        categories[index].keypoints = task.keypoints
                    } else {
                        categories.append(Category(id: categories.count + 1, name: label, keypoints: task.keypoints))
                    }
                }
            case .singleChoice, .multipleChoice, .rating, .shortText, .numeric, .spans, .transcription, .timeSegments, .ranking, .pairwise, .rubric:
                notes.append(ExportNotes.unsupported(item, in: assessment, format: "COCO"))
                continue
            }
            entries.append(entry)
        }
    }

    func category(named name: String) -> Category? { categories.first { $0.name == name } }
}
