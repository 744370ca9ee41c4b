extension Assessment {
    /// The assessment as an attempt taken for `purpose` runs it: unchanged for an exam; for
    /// practice, untimed and with feedback after each answer whatever the policy says, so a
    /// beginner learns from every item. Rules across attempts (attempts, retake delay,
    /// prerequisites) never apply to practice; rules within an attempt still do — training
    /// retries with hints, negative marking, critical items, and work mode, whose release
    /// rule keeps explaining only missed test questions, so practice still rehearses not
    /// knowing which rows are hidden gold (docs/grading.md, "Practice").
    ///
    /// ```swift
    /// let rules = assessment.running(as: record.purpose)
    /// let shown = stored.released(for: rules.policy, stage: .finished)
    /// ```
    public func running(as purpose: AttemptPurpose) -> Assessment {
        guard purpose == .practice else { return self }
        var practice = self
        practice.timeLimitMinutes = nil
        practice.policy.showReasons = .afterEach
        practice.policy.attemptLimit = nil
        practice.policy.retakeDelayMinutes = nil
        practice.policy.requires = []
        // Reasons come after each answer, so going back to change one would only copy the gold.
        practice.policy.navigation = .linear
        return practice
    }
}
