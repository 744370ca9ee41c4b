extension Interop {
    /// Evaluates the COCO results file `results` against the COCO annotations file `gold`
    /// as pycocotools' `COCOeval(…, iouType)` does with its default parameters; keypoints take
    /// `sigmas` (COCO's person sigmas for 17 keypoints when nil). `categories` (names), when
    /// given, are the only ones evaluated (pycocotools' `params.catIds`).
    ///
    /// - Throws: ``InteropError`` locating the first thing that makes either file unusable:
    ///   unreadable JSON, a result on an image or of a category the gold lacks, an object
    ///   without the geometry `iouType` compares, a mask whose size is not its image's.
    public static func evaluateCOCO(
        gold: String, results: String, iouType: COCOIoUType, sigmas: [Double]? = nil, categories: [String]? = nil
    ) throws(InteropError) -> COCOEvaluationReport {
        let goldRoot = try JSONCursor.root(bytes: try read(gold), file: gold)
        let resultsRoot = try JSONCursor.root(bytes: try read(results), file: results)
        return try COCOEvaluationRun.evaluate(
            gold: goldRoot, results: resultsRoot, iouType: iouType, sigmas: sigmas, categories: categories)
    }
}
