extension ItemResult {
    /// What of this result the learner may see under `policy` at `stage`; nil when nothing
    /// about the item may be shown yet.
    ///
    /// While answering: an unanswered item shows nothing; `after-each` shows an answered
    /// item's full result, except that work mode shows only a missed gold item (so ordinary
    /// rows and gold items stay indistinguishable); `at-end` and `never` show nothing.
    /// Finished: `never` keeps the verdict and score only (``Disclosure/aggregate``);
    /// otherwise everything. A training item whose tries ran out is over, so the session
    /// releases it as finished.
    public func released(for policy: AssessmentPolicy, stage: ReleaseStage) -> ItemResult? {
        switch stage {
        case .answering:
            guard verdict != .unanswered else { return nil }
            let afterEach = policy.showReasons == .afterEach
            switch policy.mode {
            case .work: return afterEach && scored && verdict != .correct ? self : nil
            case .quiz, .exam, .pool, .training: return afterEach ? self : nil
            }
        case .finished:
            guard policy.showReasons == .never else { return self }
            var aggregate = self
            aggregate.withhold(note: nil)
            return aggregate
        }
    }
}
