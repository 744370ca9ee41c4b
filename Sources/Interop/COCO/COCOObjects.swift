internal import Grading

/// The shape a COCO file's objects take in Groundwork: one item kind per import.
public enum COCOShape: String, Sendable, Hashable, CaseIterable {
    case boxes
    case polygons
    case keypoints

    var kind: ItemKind {
        switch self {
        case .boxes: return .boxes
        case .polygons: return .polygons
        case .keypoints: return .keypoints
        }
    }

    /// What objects hold: keypoints when any has keypoints, polygons when every one has an
    /// outline, boxes otherwise.
    static func detect(_ annotations: [COCODataset.Annotation]) -> COCOShape {
        if annotations.contains(where: { $0.keypoints != nil }) { return .keypoints }
        if !annotations.isEmpty, annotations.allSatisfy({ !$0.polygons.isEmpty }) { return .polygons }
        return .boxes
    }
}

/// COCO annotations as Groundwork objects, one image at a time. Whatever cannot be carried
/// over (an outline of fewer than three points, a box of no area, an object of a category
/// without keypoints in a keypoints item) gets a note at the annotation.
struct COCOObjects {
    let dataset: COCODataset
    /// The image's size when gold is read: geometry reaching outside it is moved to its edge
    /// (with a note), as Groundwork's checker refuses gold outside the image.
    var bounds: (width: Double, height: Double)?
    var notes: [ConversionNote] = []
    /// Geometry the item kind has no place for (an outline in a boxes item, say).
    private var dropped = DroppedFields()

    /// Everything said while converting, dropped geometry included.
    var allNotes: [ConversionNote] { notes + dropped.notes }

    init(_ dataset: COCODataset, bounds: (width: Double, height: Double)?) {
        self.dataset = dataset
        self.bounds = bounds
    }

    /// The labels an item offers: every category, or for keypoints those that name keypoints.
    static func labels(_ dataset: COCODataset, shape: COCOShape) -> [String] {
        dataset.categories.filter { shape != .keypoints || !$0.keypoints.isEmpty }.map(\.name)
    }

    /// Every keypoint name of the keypoint categories, in order, each once.
    static func keypointNames(_ dataset: COCODataset) -> [String] {
        var names: [String] = []
        for category in dataset.categories { for name in category.keypoints where !names.contains(name) { names.append(name) } }
        return names
    }

    private mutating func clamp(_ x: Double, _ y: Double, _ annotation: COCODataset.Annotation) -> (Double, Double) {
        guard let bounds else { return (x, y) }
        let clamped = (min(max(x, 0), bounds.width), min(max(y, 0), bounds.height))
        if clamped != (x, y) {
            notes.append(
                annotation.cursor.note(
                    "the point (\(NumberText.exact(x)), \(NumberText.exact(y))) lies outside the \(NumberText.exact(bounds.width)) × \(NumberText.exact(bounds.height)) image and is moved to its edge"
                ))
        }
        return clamped
    }

    mutating func boxes(_ annotations: [COCODataset.Annotation]) -> [BoxAnnotation] {
        annotations.compactMap { annotation in
            if annotation.bbox != nil, let outline = annotation.cursor["segmentation"], !annotation.polygons.isEmpty {
                dropped.record("segmentation", at: outline.location, why: "a boxes item keeps each object's box, not its outline")
            }
            var box = annotation.bbox
            if box == nil, !annotation.polygons.isEmpty {
                let xs = annotation.polygons.flatMap { part in stride(from: 0, to: part.count, by: 2).map { part[$0] } }
                let ys = annotation.polygons.flatMap { part in stride(from: 1, to: part.count, by: 2).map { part[$0] } }
                if let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() {
                    box = [minX, minY, maxX - minX, maxY - minY]
                }
            }
            guard let box else {
                notes.append(annotation.cursor.note("has neither a box nor an outline, so it is left out"))
                return nil
            }
            let (x0, y0) = clamp(box[0], box[1], annotation)
            let (x1, y1) = clamp(box[0] + box[2], box[1] + box[3], annotation)
            guard x1 > x0, y1 > y0 else {
                notes.append(annotation.cursor.note("has a box of no area, so it is left out"))
                return nil
            }
            // Sizes are recomputed only when an edge moved, so a box read back is the box written.
            let moved = (x0, y0) != (box[0], box[1]) || (x1, y1) != (box[0] + box[2], box[1] + box[3])
            return BoxAnnotation(
                label: annotation.category, x: x0, y: y0, width: moved ? x1 - x0 : box[2], height: moved ? y1 - y0 : box[3])
        }
    }

    mutating func polygons(_ annotations: [COCODataset.Annotation]) -> [PolygonAnnotation] {
        var result: [PolygonAnnotation] = []
        for annotation in annotations {
            var parts = annotation.polygons
            if parts.isEmpty, let box = annotation.bbox {
                notes.append(annotation.cursor.note("has no polygon outline; its box is written as a four-corner polygon"))
                parts = [[box[0], box[1], box[0] + box[2], box[1], box[0] + box[2], box[1] + box[3], box[0], box[1] + box[3]]]
            }
            if parts.count > 1 {
                notes.append(
                    annotation.cursor.note(
                        "outlines one object in \(parts.count) parts; Groundwork polygons are single outlines, so each part becomes an object of its own"
                    ))
            }
            for part in parts {
                guard part.count >= 6 else {
                    notes.append(annotation.cursor.note("has an outline of fewer than three points, which is left out"))
                    continue
                }
                let vertices = stride(from: 0, to: part.count, by: 2).map { index in
                    let (x, y) = clamp(part[index], part[index + 1], annotation)
                    return PolygonAnnotation.Vertex(x: x, y: y)
                }
                result.append(PolygonAnnotation(label: annotation.category, points: vertices))
            }
        }
        return result
    }

    /// Keypoint objects with their COCO area (nil when the file gives none).
    mutating func keypoints(_ annotations: [COCODataset.Annotation]) throws(InteropError) -> [(KeypointAnnotation, Double?)] {
        var result: [(KeypointAnnotation, Double?)] = []
        for annotation in annotations {
            guard let flat = annotation.keypoints, let category = dataset.categories.first(where: { $0.name == annotation.category }),
                !category.keypoints.isEmpty
            else {
                notes.append(annotation.cursor.note("is an object without keypoints in a keypoints item, so it is left out"))
                continue
            }
            for key in ["segmentation", "bbox"] {
                if let field = annotation.cursor[key] {
                    dropped.record(
                        key, at: field.location, why: "a keypoints item keeps each object's keypoints and area, not its outline or box")
                }
            }
            var points: [String: KeypointAnnotation.Point] = [:]
            for (index, name) in category.keypoints.enumerated() {
                let visibility = flat[3 * index + 2]
                guard [0, 1, 2].contains(visibility) else {
                    throw annotation.cursor.error(
                        "keypoint '\(name)' has visibility \(NumberText.exact(visibility)); COCO uses 0 (not labelled), 1 (occluded) and 2 (visible)"
                    )
                }
                if visibility == 0 { continue }
                let (x, y) = clamp(flat[3 * index], flat[3 * index + 1], annotation)
                points[name] = KeypointAnnotation.Point(x: x, y: y, visibility: Int(visibility))
            }
            result.append((KeypointAnnotation(label: annotation.category, points: points), annotation.area.flatMap { $0 > 0 ? $0 : nil }))
        }
        return result
    }
}
