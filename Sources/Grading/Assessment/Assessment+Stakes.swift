extension Assessment {
    /// What starting a simulated exam now puts at stake, in a sentence a learner reads before
    /// the clock starts: "This counts: attempt 2 of 3; the next is allowed 1 day after you
    /// finish. You have 20 min once the clock starts."
    ///
    /// - Parameter used: Exam attempts already made (practice never counts).
    public func stakes(attemptsUsed used: Int) -> String {
        var text: String
        switch policy.attemptLimit {
        case 1?: text = "This counts: it is your only attempt"
        case let limit?: text = "This counts: attempt \(used + 1) of \(limit)"
        case nil: text = "This counts as attempt \(used + 1)"
        }
        if let limit = policy.attemptLimit, used + 1 >= limit {
            text += limit == 1 ? "" : ", your last"
        } else if let delay = policy.retakeDelayMinutes {
            text += "; the next is allowed \(Self.duration(minutes: delay)) after you finish"
        } else {
            text += "; you may retake it at once"
        }
        text += "."
        if let limit = timeLimitMinutes { text += " You have \(Self.duration(minutes: limit)) once the clock starts." }
        return text
    }
}
