internal import Grading

/// A COCO file read as one learner's answers to an existing test: a results list (whose
/// `image_id` and `category_id` follow the numbering `export coco` gives the same test), or
/// an annotations file whose images name the items (`groundwork_item`) or their image files.
enum COCOAnswers {
    static func read(_ root: JSONCursor, for assessment: Assessment, learner: String?) throws(InteropError) -> (
        AnswerSheet, [ConversionNote]
    ) {
        let layout = COCOLayout(assessment)
        guard !layout.entries.isEmpty else {
            throw root.error("answers a test without box, polygon or keypoint items ('\(assessment.id)')")
        }
        let given = layout.categories.map { COCODataset.Category(id: String($0.id), name: $0.name, keypoints: $0.keypoints) }
        let dataset = try COCODataset.read(root, categories: given)
        var notes: [ConversionNote] = []
        var imageToEntry: [String: Int] = [:]
        if dataset.images.isEmpty {
            for (index, entry) in layout.entries.enumerated() { imageToEntry[String(entry.imageID)] = index }
        } else {
            for image in dataset.images {
                let index = layout.entries.firstIndex { entry in
                    image.item.map { $0 == entry.item.id }
                        ?? (image.fileName != nil && (image.fileName == entry.image || image.fileName == entry.item.id)
                            || entry.item.id == DraftItem.identifier("image-\(image.id)"))
                }
                if let index {
                    imageToEntry[image.id] = index
                } else {
                    notes.append(
                        image.cursor.note("names no item of '\(assessment.id)' (by groundwork_item or file_name); its objects are left out")
                    )
                }
            }
        }
        var responses: [String: ItemResponse] = [:]
        for (index, entry) in layout.entries.enumerated() {
            let annotations = dataset.annotations.filter { imageToEntry[$0.imageID] == index }
            guard !annotations.isEmpty || !dataset.images.isEmpty else { continue }
            var objects = COCOObjects(dataset, bounds: nil)
            let labels = Set(layout.categories.map(\.name))
            let kept = annotations.filter { annotation in
                if labels.contains(annotation.category) { return true }
                notes.append(annotation.cursor.note("has category '\(annotation.category)', which the test does not use; left out"))
                return false
            }
            switch entry.shape {
            case .boxes: responses[entry.item.id] = .boxes(objects.boxes(kept))
            case .polygons: responses[entry.item.id] = .polygons(objects.polygons(kept))
            case .keypoints: responses[entry.item.id] = .keypoints(try objects.keypoints(kept).map(\.0))
            }
            notes += objects.allNotes
        }
        for annotation in dataset.annotations where imageToEntry[annotation.imageID] == nil && dataset.images.isEmpty {
            notes.append(annotation.cursor.note("names image \(annotation.imageID), which no item of '\(assessment.id)' has; left out"))
        }
        notes += dataset.dropped.notes
        let sheet = AnswerSheet(assessmentID: assessment.id, learner: learner, responses: responses)
        // The sheet is read back as `grade` will read it, so anything it would refuse is said now.
        do {
            return (try AnswerSheet.decode(Array(sheet.jsonText().utf8), path: root.file, for: assessment), notes)
        } catch {
            throw InteropError(root.location, "gives answers the test refuses: " + error.problems.joined(separator: "; "))
        }
    }
}
