internal import Foundation
internal import Grading

/// A COCO object-detection file as read, checked for types and references: every
/// annotation's image and category exist, every box has four numbers, every keypoint list
/// matches its category's keypoint names.
///
/// Reads both of COCO's shapes: an annotations file (an object with `images`, `categories`,
/// `annotations`) and a results file (a list of detections naming `image_id` and
/// `category_id`), whose images and categories come from elsewhere.
struct COCODataset {
    struct Image {
        var id: String
        var fileName: String?
        var width: Double
        var height: Double
        /// Groundwork's own keys, written by `groundwork export coco` so a round trip keeps
        /// item ids, prompts and reasons.
        var item: String?
        /// The item kind an export wrote (`boxes`, `polygons`, `keypoints`).
        var kind: String?
        var prompt: String?
        var reason: String?
        var cursor: JSONCursor
    }

    struct Category {
        var id: String
        var name: String
        var keypoints: [String]
    }

    struct Annotation {
        var imageID: String
        var category: String
        var bbox: [Double]?
        /// Polygon outlines as flat `[x1, y1, x2, y2, …]` lists.
        var polygons: [[Double]]
        var keypoints: [Double]?
        var area: Double?
        /// Kept only when reading for an evaluation (`keepingMasks`): a crowd region, a
        /// run-length mask, and a result's confidence.
        var isCrowd = false
        var mask: COCOMaskSegmentation?
        var score: Double?
        var cursor: JSONCursor
    }

    var images: [Image] = []
    var categories: [Category] = []
    var annotations: [Annotation] = []
    var dropped = DroppedFields()

    static let imageKeys: Set = [
        "id", "file_name", "width", "height", "groundwork_item", "groundwork_kind", "groundwork_prompt", "groundwork_reason",
    ]
    static let annotationKeys: Set = [
        "id", "image_id", "category_id", "bbox", "segmentation", "keypoints", "num_keypoints", "area", "iscrowd",
    ]

    /// Reads a COCO file. `categories` stand in for a results file's missing ones. An import
    /// leaves crowd regions and run-length masks out (with a note); an evaluation
    /// (`keepingMasks`) keeps them, and results' scores, as COCO's evaluation reads them.
    static func read(_ root: JSONCursor, categories given: [Category] = [], keepingMasks: Bool = false) throws(InteropError)
        -> COCODataset
    {
        var dataset = COCODataset()
        let annotationList: [JSONCursor]
        switch root.value {
        case .array:
            dataset.categories = given
            annotationList = try root.array()
        case .object:
            dataset.dropped.unknownKeys(
                of: root, known: ["images", "categories", "annotations"], why: "Groundwork keeps no dataset metadata or licences")
            for image in try root.required("images").array() { dataset.images.append(try readImage(image, &dataset.dropped)) }
            for category in try root.required("categories").array() {
                dataset.categories.append(try readCategory(category, &dataset.dropped))
            }
            annotationList = try root.required("annotations").array()
            var seen = Set<String>()
            for image in dataset.images where !seen.insert(image.id).inserted {
                throw image.cursor.error("image id \(image.id) is used twice in $.images")
            }
        default:
            throw root.error("must be a COCO annotations object or a list of results, got \(root.value.typeDescription)")
        }
        var names = Set<String>()
        for category in dataset.categories where !names.insert(category.name).inserted {
            throw root.error("category name '\(category.name)' is used twice in $.categories; Groundwork labels are names")
        }
        for annotation in annotationList {
            if let read = try dataset.readAnnotation(annotation, isResult: root.value.isArray, keepingMasks: keepingMasks) {
                dataset.annotations.append(read)
            }
        }
        return dataset
    }

    func category(id: String) -> Category? { categories.first { $0.id == id } }

    private static func readImage(_ cursor: JSONCursor, _ dropped: inout DroppedFields) throws(InteropError) -> Image {
        try cursor.requireObject()
        dropped.unknownKeys(of: cursor, known: imageKeys, why: "Groundwork keeps an image's file name and size only")
        let width = try cursor.required("width").number(), height = try cursor.required("height").number()
        guard width > 0, height > 0 else { throw cursor.error("has a width or height that is not positive") }
        return Image(
            id: try cursor.required("id").identifier(), fileName: try cursor["file_name"]?.string(), width: width, height: height,
            item: try cursor["groundwork_item"]?.string(), kind: try cursor["groundwork_kind"]?.string(),
            prompt: try cursor["groundwork_prompt"]?.string(),
            reason: try cursor["groundwork_reason"]?.string(), cursor: cursor)
    }

    private static func readCategory(_ cursor: JSONCursor, _ dropped: inout DroppedFields) throws(InteropError) -> Category {
        try cursor.requireObject()
        dropped.unknownKeys(
            of: cursor, known: ["id", "name", "keypoints"],
            why: "a Groundwork label is a name; supercategories and skeletons have no place")
        let name = try cursor.required("name").string()
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw cursor.error("has an empty name") }
        return Category(id: try cursor.required("id").identifier(), name: name, keypoints: try cursor["keypoints"]?.strings() ?? [])
    }

    /// One annotation, or nil (with a note) for one a test cannot hold: a crowd region or a
    /// run-length-encoded mask (kept when `keepingMasks`).
    private mutating func readAnnotation(_ cursor: JSONCursor, isResult: Bool, keepingMasks: Bool) throws(InteropError)
        -> Annotation?
    {
        try cursor.requireObject()
        let imageCursor = try cursor.required("image_id"), categoryCursor = try cursor.required("category_id")
        let imageID = try imageCursor.identifier(), categoryID = try categoryCursor.identifier()
        if !isResult, !images.contains(where: { $0.id == imageID }) {
            throw imageCursor.error("names image \(imageID), which is not in $.images")
        }
        guard let category = category(id: categoryID) else {
            let known = categories.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
            throw categoryCursor.error(
                "names category \(categoryID), which is not among the categories (\(known.isEmpty ? "none" : known))")
        }
        dropped.unknownKeys(
            of: cursor, known: Self.annotationKeys,
            why: isResult && cursor["score"] != nil
                ? "Groundwork grades every object an answer holds, without confidence scores"
                : "Groundwork keeps an object's label and geometry only")
        var isCrowd = false
        if let crowd = cursor["iscrowd"] { isCrowd = try crowd.integer() == 1 }
        if isCrowd, !keepingMasks, let crowd = cursor["iscrowd"] {
            dropped.record(
                "crowd region", at: crowd.location,
                why: "a test has no crowd or ignore regions, so the annotation is left out ('groundwork evaluate coco' reads them)")
            return nil
        }
        var bbox: [Double]?
        if let box = cursor["bbox"] {
            let values = try box.numbers()
            guard values.count == 4 else { throw box.error("must be [x, y, width, height], got \(values.count) numbers") }
            bbox = values
        }
        var polygons: [[Double]] = []
        var mask: COCOMaskSegmentation?
        if let segmentation = cursor["segmentation"] {
            if case .object = segmentation.value {
                if keepingMasks {
                    mask = try COCOMaskSegmentation(segmentation)
                } else {
                    dropped.record(
                        "RLE segmentation", at: segmentation.location,
                        why: "a test holds outlines as polygons, not run-length masks ('groundwork evaluate coco' reads them)")
                }
            } else {
                for part in try segmentation.array() {
                    let flat = try part.numbers()
                    guard flat.count % 2 == 0 else { throw part.error("must hold x, y pairs, got \(flat.count) numbers") }
                    polygons.append(flat)
                }
            }
        }
        var keypoints: [Double]?
        if let points = cursor["keypoints"] {
            let flat = try points.numbers()
            guard flat.count == category.keypoints.count * 3 else {
                throw points.error(
                    "holds \(flat.count) numbers; category '\(category.name)' names \(category.keypoints.count) keypoints, so \(category.keypoints.count * 3) are expected (x, y, v each)"
                )
            }
            keypoints = flat
        }
        return Annotation(
            imageID: imageID, category: category.name, bbox: bbox, polygons: polygons, keypoints: keypoints,
            area: try cursor["area"]?.number(), isCrowd: isCrowd, mask: mask,
            score: keepingMasks ? try cursor["score"]?.number() : nil, cursor: cursor)
    }
}

extension JSONValue {
    var isArray: Bool { if case .array = self { return true } else { return false } }
}
