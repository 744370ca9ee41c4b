extension AttemptResult {
    /// The result with everything `policy` does not release at `stage` removed: the one
    /// function the terminal `report`, `take` and the web app call before showing a result
    /// (the gradebook keeps the full result, so a policy's rules apply to every later view).
    ///
    /// - Finished, `at-end` or `after-each`: everything (``Disclosure/full``).
    /// - Finished, `never`: totals, failure reasons, notes, sections, concept scores (without
    ///   the lessons to review), pattern hints, and per item its verdict, score, weight and
    ///   flags only (``Disclosure/aggregate``).
    /// - Answering: only the item results ``ItemResult/released(for:stage:)`` lets out, and
    ///   no totals (``Disclosure/answering``); in work mode that never includes an ordinary
    ///   row, so the `scored` flag cannot mark hidden test questions before the end.
    ///
    /// Items the attempt never reached were already stripped by ``AttemptSession/result(learner:)``.
    public func released(for policy: AssessmentPolicy, stage: ReleaseStage) -> AttemptResult {
        var released = self
        released.items = items.compactMap { $0.released(for: policy, stage: stage) }
        switch stage {
        case .finished where policy.showReasons == .never:
            released.disclosure = .aggregate
            for index in released.concepts.indices { released.concepts[index].review = [] }
        case .finished:
            released.disclosure = .full
        case .answering:
            released.disclosure = .answering
            released.score = 0
            released.passed = false
            released.failedBecause = []
            released.counts = Counts()
            released.sections = []
            released.concepts = []
            released.hints = []
            released.notes = []
            released.skill = nil
        }
        return released
    }
}
