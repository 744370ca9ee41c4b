public import Grading

extension GeneratedPractice {
    /// What a sitting at fresh items opens: the practice in progress, rebuilt from its record,
    /// or a new draw, with the seed a new attempt must be begun with.
    public struct Draw: Sendable {
        public let assessment: Assessment
        public let seed: UInt64
        /// Whether this continues a practice in progress rather than drawing a new one.
        public let resumes: Bool
    }

    /// The generated practice of `source` the learner continues or starts: the one in
    /// progress if any (the same items, rebuilt from its seed and item ids), else a new draw
    /// with `seed`: fresh variants of the `missed` items due for review whose kind a
    /// generator makes (answering a variant reviews its item), then fresh items up to
    /// ``itemsPerDraw``.
    ///
    /// - Throws: ``GeneratedPracticeError`` or ``GradebookError``.
    public func draw(
        for source: Assessment, book: LearnerBook, seed: UInt64, variantsOf missed: [(itemID: String, kind: ItemKind)] = []
    ) throws -> Draw {
        if let open = try book.attemptInProgress(assessmentID: Self.id(for: source.id), purpose: .practice) {
            let seed = UInt64(bitPattern: open.seed)
            return Draw(assessment: try assessment(of: source, seed: seed, itemIDs: open.itemIDs), seed: seed, resumes: true)
        }
        let speech = SpeechSynthesizer.program != nil
        var ids = Array(missed.compactMap { Self.variantID(of: $0.itemID, kind: $0.kind) }.prefix(Self.itemsPerDraw))
        if !speech { ids.removeAll { $0.hasSuffix("." + ItemGenerator.speech.rawValue) } }
        if ids.count < Self.itemsPerDraw {
            let fresh = try Self.freshItemIDs(for: source, seed: seed, speechAvailable: speech)
            ids += fresh.prefix(Self.itemsPerDraw - ids.count)
        }
        return Draw(assessment: try assessment(of: source, seed: seed, itemIDs: ids), seed: seed, resumes: false)
    }

    /// The generated practice a recorded attempt asked, rebuilt from its seed and item ids;
    /// nil when the attempt is not at generated items.
    ///
    /// - Throws: ``AssessmentCatalog/Problem`` when its test is gone, or
    ///   ``GeneratedPracticeError``.
    public func assessment(for record: Attempt, catalog: AssessmentCatalog) throws -> Assessment? {
        guard let sourceID = Self.sourceID(of: record.assessmentID) else { return nil }
        let source = try catalog.assessment(id: sourceID)
        return try assessment(of: source, seed: UInt64(bitPattern: record.seed), itemIDs: record.itemIDs)
    }
}
