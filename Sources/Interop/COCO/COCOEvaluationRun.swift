internal import Courseware
internal import Grading
internal import GroundworkMetrics

/// Which of COCOeval's evaluations to run, named as pycocotools names its `iouType`.
public enum COCOIoUType: String, Sendable, Hashable, CaseIterable {
    /// Boxes, by box IoU.
    case bbox
    /// Outlines and masks, by the IoU of their rasterised pixels.
    case segm
    /// Keypoints, by OKS.
    case keypoints
}

/// A COCO annotations file (the gold) and a results file (the detections) evaluated as
/// pycocotools' `COCOeval(gt, gt.loadRes(results), iouType)` with its default parameters.
///
/// Crowd regions and run-length masks in the gold are kept (they count as pycocotools counts
/// them), unlike an import, which has no place for them. Every reference is checked: a
/// result on an image or of a category the gold does not have is refused at its place.
enum COCOEvaluationRun {
    /// `categories` (names) restricts the evaluation to those, as pycocotools' `params.catIds`;
    /// objects of the others are not read for geometry.
    static func evaluate(
        gold goldRoot: JSONCursor, results resultsRoot: JSONCursor, iouType: COCOIoUType, sigmas: [Double]?, categories: [String]?
    ) throws(InteropError) -> COCOEvaluationReport {
        guard case .object = goldRoot.value else {
            throw goldRoot.error("must be a COCO annotations file (an object with images, categories and annotations)")
        }
        guard case .array = resultsRoot.value else {
            throw resultsRoot.error("must be a COCO results file: a list of detections with image_id, category_id and score")
        }
        var gold = try COCODataset.read(goldRoot, keepingMasks: true)
        var results = try COCODataset.read(resultsRoot, categories: gold.categories, keepingMasks: true)
        if let categories {
            let known = gold.categories.map(\.name)
            for name in categories where !known.contains(name) {
                throw goldRoot.error("has no category '\(name)'\(Suggestion.hint(for: name, in: known))")
            }
            gold.categories.removeAll { !categories.contains($0.name) }
            gold.annotations.removeAll { !categories.contains($0.category) }
            results.annotations.removeAll { !categories.contains($0.category) }
        }
        let imageIndex = Dictionary(gold.images.enumerated().map { ($1.id, $0) }) { first, _ in first }
        for result in results.annotations {
            guard imageIndex[result.imageID] != nil else {
                throw (result.cursor["image_id"] ?? result.cursor).error("names image \(result.imageID), which the gold file does not have")
            }
            guard result.score != nil else { throw result.cursor.error("has no 'score'; COCO evaluation ranks results by their scores") }
        }
        let context = Context(gold: gold, results: results, imageIndex: imageIndex)
        let result: COCOResult<String>
        do {
            switch iouType {
            case .bbox: result = try context.boxes()
            case .segm: result = try context.masks()
            case .keypoints: result = try context.keypoints(sigmas: sigmas)
            }
        } catch let error as InteropError {
            throw error
        } catch let error as MetricsError {
            throw resultsRoot.error(error.message)
        } catch {
            throw resultsRoot.error("\(error)")
        }
        return COCOEvaluationReport(
            iouType: iouType, goldFile: goldRoot.file, resultsFile: resultsRoot.file, images: gold.images.count,
            goldObjects: gold.annotations.count(where: { !$0.isCrowd }), crowdRegions: gold.annotations.count(where: \.isCrowd),
            detections: results.annotations.count, result: result)
    }

    /// The two files read, and what the library's objects are built from.
    private struct Context {
        let gold: COCODataset
        let results: COCODataset
        let imageIndex: [String: Int]

        var images: [Int] { Array(gold.images.indices) }
        var categories: [String] { gold.categories.map(\.name) }

        func image(_ annotation: COCODataset.Annotation) -> Int { imageIndex[annotation.imageID]! }

        func box(_ annotation: COCODataset.Annotation, _ what: String) throws(InteropError) -> Box {
            guard let b = annotation.bbox else {
                throw annotation.cursor.error("has no 'bbox'; \(what) (leave its category out with --categories)")
            }
            do {
                return try Box(x: b[0], y: b[1], width: b[2], height: b[3])
            } catch {
                throw (annotation.cursor["bbox"] ?? annotation.cursor).error(error.message)
            }
        }

        func boxes() throws -> COCOResult<String> {
            let why = "a bbox evaluation compares boxes"
            let goldBoxes = try gold.annotations.map { a throws(InteropError) in
                COCOGold(image: image(a), label: a.category, box: try box(a, why), area: a.area, isCrowd: a.isCrowd)
            }
            let detections = try results.annotations.map { a throws(InteropError) in
                COCODetection(image: image(a), label: a.category, box: try box(a, why), score: a.score!)
            }
            return try COCOEvaluation.evaluate(images: images, categories: categories, gold: goldBoxes, detections: detections)
        }

        /// Results take their area from their boxes when the first result has one, as
        /// pycocotools' `loadRes` decides for the whole file; then a result without an outline
        /// is its box's.
        func masks() throws -> COCOResult<String> {
            let boxAreas = results.annotations.first?.bbox.map { !$0.isEmpty } ?? false
            let goldMasks = try gold.annotations.map { a throws(InteropError) in
                let m = try mask(a, boxFallback: false)
                return COCOMaskGold(image: image(a), label: a.category, mask: m, area: a.area, isCrowd: a.isCrowd)
            }
            let detections = try results.annotations.map { a throws(InteropError) in
                let area = boxAreas ? try box(a, "pycocotools takes every result's area from its box when the first has one").area : nil
                return COCOMaskDetection(
                    image: image(a), label: a.category, mask: try mask(a, boxFallback: boxAreas), score: a.score!, area: area)
            }
            return try COCOEvaluation.evaluateSegmentation(images: images, categories: categories, gold: goldMasks, detections: detections)
        }

        /// An annotation's mask on its image: its outline rasterised, or its run-length mask,
        /// which must be of the image's size.
        private func mask(_ annotation: COCODataset.Annotation, boxFallback: Bool) throws(InteropError) -> RunLengthMask {
            let picture = gold.images[image(annotation)]
            if let rle = annotation.mask {
                guard rle.height == Int(exactly: picture.height), rle.width == Int(exactly: picture.width) else {
                    throw rle.cursor.error(
                        "is a \(rle.height) × \(rle.width) mask, but image \(picture.id) is \(NumberText.exact(picture.height)) × \(NumberText.exact(picture.width)) (height × width)"
                    )
                }
                return try rle.mask()
            }
            var parts = annotation.polygons
            if parts.isEmpty, boxFallback, let b = annotation.bbox {
                parts = [[b[0], b[1], b[0], b[1] + b[3], b[0] + b[2], b[1] + b[3], b[0] + b[2], b[1]]]
            }
            guard !parts.isEmpty else {
                throw annotation.cursor.error(
                    "has no 'segmentation'; a segm evaluation compares outlines (leave its category out with --categories)")
            }
            guard let height = Int(exactly: picture.height), let width = Int(exactly: picture.width) else {
                throw picture.cursor.error("has a size that is not in whole pixels, so outlines on it cannot be rasterised")
            }
            do {
                return try RunLengthMask(
                    polygons: parts.map { flat in stride(from: 0, to: flat.count, by: 2).map { Point(x: flat[$0], y: flat[$0 + 1]) } },
                    height: height, width: width)
            } catch {
                throw (annotation.cursor["segmentation"] ?? annotation.cursor).error(error.message)
            }
        }

        /// Keypoints with the given sigmas, or COCO's person sigmas for 17 keypoints.
        func keypoints(sigmas given: [Double]?) throws -> COCOResult<String> {
            let counts = Set(gold.categories.map(\.keypoints.count).filter { $0 > 0 })
            guard counts.count == 1, let count = counts.first else {
                throw InteropError(
                    SourceLocation(file: gold.images.first?.cursor.file ?? ""),
                    counts.isEmpty
                        ? "has no category with keypoints, so there is nothing for a keypoints evaluation"
                        : "has categories with different numbers of keypoints; COCO's evaluation uses one list of sigmas")
            }
            let sigmas = given ?? (count == 17 ? Keypoints.cocoPersonSigmas : [])
            guard sigmas.count == count else {
                throw InteropError(
                    SourceLocation(file: gold.images.first?.cursor.file ?? ""),
                    given == nil
                        ? "has \(count) keypoints per object; give their \(count) sigmas with --sigmas (COCO's own are for its 17 person keypoints)"
                        : "has \(count) keypoints per object, but \(sigmas.count) sigma\(sigmas.count == 1 ? " was" : "s were") given")
            }
            func points(_ a: COCODataset.Annotation) throws(InteropError) -> [Keypoint] {
                guard let flat = a.keypoints else { throw a.cursor.error("has no 'keypoints'; a keypoints evaluation compares them") }
                return stride(from: 0, to: flat.count, by: 3).map { Keypoint(x: flat[$0], y: flat[$0 + 1], visibility: Int(flat[$0 + 2])) }
            }
            let goldObjects = try gold.annotations.map { a throws(InteropError) in
                guard let area = a.area else { throw a.cursor.error("has no 'area'; OKS scales distances by the object's area") }
                let object = KeypointObject(
                    keypoints: try points(a), area: area, box: try box(a, "pycocotools reads a gold object's box"), label: a.category)
                return COCOKeypointGold(image: image(a), object: object, isCrowd: a.isCrowd)
            }
            let detections = try results.annotations.map { a throws(InteropError) in
                COCOKeypointDetection(image: image(a), label: a.category, keypoints: try points(a), score: a.score!)
            }
            return try COCOEvaluation.evaluateKeypoints(
                images: images, categories: categories, gold: goldObjects, detections: detections, sigmas: sigmas)
        }
    }
}
