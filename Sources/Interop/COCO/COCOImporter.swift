internal import Foundation
internal import Grading

/// A COCO annotations file as a Groundwork test: one item per image, whose gold is the
/// image's objects as boxes, polygons or keypoints.
///
/// Kept: each image's file (when it is already in the test's folder), size and objects with
/// their category names; Groundwork's own `groundwork_*` keys from an export. Left out, each
/// with a note: dataset metadata, licences, crowd regions, run-length masks, detection
/// scores, and any other field.
enum COCOImporter {
    static func read(_ root: JSONCursor, shape requested: COCOShape?, folder: String) throws(InteropError) -> (
        DraftAssessment, [ConversionNote]
    ) {
        guard case .object = root.value else {
            throw root.error(
                "is a list of COCO results (a learner's or a model's detections); import it as answers to an existing test with --as-answers"
            )
        }
        let dataset = try COCODataset.read(root)
        var notes: [ConversionNote] = []
        var items: [DraftItem] = []
        var ids = Set<String>()
        for image in dataset.images {
            var objects = COCOObjects(dataset, bounds: (image.width, image.height))
            let annotations = dataset.annotations.filter { $0.imageID == image.id }
            // Each image takes the shape asked for, else the one an export wrote, else what its
            // objects (or, for an image without any, the file's) hold.
            let shape =
                requested ?? image.kind.flatMap(COCOShape.init)
                ?? COCOShape.detect(annotations.isEmpty ? dataset.annotations : annotations)
            let labels = COCOObjects.labels(dataset, shape: shape)
            guard !labels.isEmpty else {
                throw image.cursor.error(
                    "has objects for a \(shape.rawValue) item, but the file has no categories\(shape == .keypoints ? " with keypoints" : "")"
                )
            }
            let answer: YAMLOut
            switch shape {
            case .boxes: answer = .list(objects.boxes(annotations).map(COCOYAML.box), flow: false)
            case .polygons: answer = .list(objects.polygons(annotations).map(COCOYAML.polygon), flow: false)
            case .keypoints:
                let names = COCOObjects.keypointNames(dataset)
                answer = .list(try objects.keypoints(annotations).map { COCOYAML.keypoints($0, names: names) }, flow: false)
            }
            notes += objects.allNotes
            var fields: [YAMLOut.Entry] = []
            if let name = image.fileName,
                let media = MediaReference.resolve(
                    name, in: folder, at: image.cursor["file_name"]?.location ?? image.cursor.location, notes: &notes)
            {
                fields.append(.init("image", .string(media)))
            }
            fields.append(.init("size", .numbers([image.width, image.height])))
            fields.append(.init("labels", .strings(labels)))
            if shape == .keypoints { fields.append(.init("keypoints", .strings(COCOObjects.keypointNames(dataset)))) }
            fields.append(.init("answer", answer))
            var id = DraftItem.identifier(image.item ?? "image-\(image.id)")
            while !ids.insert(id).inserted { id += "-2" }
            items.append(
                DraftItem(
                    id: id, kind: shape.kind, prompt: image.prompt ?? COCOYAML.prompt(shape), fields: fields,
                    reason: image.reason
                        ?? "Gold from the COCO file's objects for image \(image.id)\(image.fileName.map { " ('\($0)')" } ?? "")."))
        }
        guard !items.isEmpty else { throw root.error("has no images, so there is nothing to import") }
        notes += dataset.dropped.notes
        let name = (root.file as NSString).lastPathComponent
        return (
            DraftAssessment(
                title: (name as NSString).deletingPathExtension, instructions: "Imported from the COCO file '\(name)'.\n", items: items),
            notes
        )
    }
}

/// How COCO objects are written into `items.yaml`.
enum COCOYAML {
    static func prompt(_ shape: COCOShape) -> String {
        switch shape {
        case .boxes: return "Draw a tight box around every object, with its label."
        case .polygons: return "Outline every object with a polygon, with its label."
        case .keypoints: return "Place the keypoints of every object, with its label."
        }
    }

    static func box(_ box: BoxAnnotation) -> YAMLOut {
        .map(
            [
                .init("label", .string(box.label)), .init("x", .number(box.x)), .init("y", .number(box.y)),
                .init("width", .number(box.width)), .init("height", .number(box.height)),
            ], flow: true)
    }

    static func polygon(_ polygon: PolygonAnnotation) -> YAMLOut {
        .map(
            [.init("label", .string(polygon.label)), .init("points", .list(polygon.points.map { .numbers([$0.x, $0.y]) }, flow: true))],
            flow: true)
    }

    /// A keypoints object, its points in the order of `names` (the category's own order).
    static func keypoints(_ object: (KeypointAnnotation, Double?), names: [String]) -> YAMLOut {
        let points = names.compactMap { name -> YAMLOut.Entry? in
            guard let point = object.0.points[name] else { return nil }
            return .init(name, .numbers(point.visibility == 2 ? [point.x, point.y] : [point.x, point.y, Double(point.visibility)]))
        }
        var entries: [YAMLOut.Entry] = [.init("label", .string(object.0.label))]
        if let area = object.1 { entries.append(.init("area", .number(area))) }
        entries.append(.init("points", .map(points, flow: true)))
        return .map(entries, flow: false)
    }
}
