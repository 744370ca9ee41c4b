extension Assessment {
    /// The policy in one line, as a learner needs to know it before starting: "appen style,
    /// quiz mode; reasons after each answer; retake after 1 day; shuffled".
    public var rulesSummary: String {
        var parts = ["\(platform.rawValue) style, \(policy.mode.rawValue) mode"]
        switch policy.showReasons {
        case .afterEach: parts.append("reasons after each answer")
        case .atEnd: parts.append("reasons at the end")
        case .never: parts.append("score only")
        }
        if let limit = policy.attemptLimit { parts.append(limit == 1 ? "one attempt" : "\(limit) attempts") }
        if let delay = policy.retakeDelayMinutes { parts.append("retake after \(Self.duration(minutes: delay))") }
        if let sample = policy.sample { parts.append("\(sample) items drawn per attempt") }
        if policy.shuffle { parts.append("shuffled") }
        if policy.navigation == .nonlinear { parts.append("go back, flag and change answers until you submit") }
        if let removal = policy.removalBelow {
            parts.append("removed below \(Format.percent(removal)) on hidden gold after \(policy.removalAfter) gold items")
        }
        if policy.wrongAnswerPenalty > 0 { parts.append("a wrong answer costs \(Format.percent(policy.wrongAnswerPenalty))") }
        if policy.mode == .training { parts.append("wrong answers retried with a hint") }
        if !policy.requires.isEmpty { parts.append("pass \(policy.requires.joined(separator: ", ")) first") }
        if !policy.criticalItems.isEmpty { parts.append("\(policy.criticalItems.count) critical item(s)") }
        return parts.joined(separator: "; ")
    }

    /// "45 min", "2 h", "1 day": the words for a policy's time limit or retake delay.
    public static func duration(minutes value: Double) -> String {
        let minutes = Int(value.rounded())
        if minutes % 1440 == 0 { return minutes == 1440 ? "1 day" : "\(minutes / 1440) days" }
        if minutes % 60 == 0 { return "\(minutes / 60) h" }
        return "\(minutes) min"
    }
}
