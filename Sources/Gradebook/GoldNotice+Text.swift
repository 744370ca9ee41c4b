extension GoldNotice {
    /// How many days a decision stays on the learner's home view.
    public static let shownForDays = 14

    /// One sentence for the learner's home view: what changed and why. It never states the
    /// new gold (the learner's report shows it when the test's policy releases it); the
    /// mentor's reply is the why.
    public var sentence: String {
        let item = "item '\(contest.itemID)' of '\(contest.assessmentID)'"
        var text: String
        switch contest.status {
        case .open:
            text = "Your contest #\(contest.id ?? 0) on \(item) is waiting for a mentor."
        case .rejected:
            text = "Your contest #\(contest.id ?? 0) on \(item) was rejected; the gold stands."
        case .accepted:
            let own = contest.goldJSON != nil && contest.goldJSON == contest.proposedJSON
            text =
                mine
                ? "Your contest #\(contest.id ?? 0) on \(item) was accepted: its gold \(own ? "is now your answer" : "was changed")."
                : "The gold of \(item) was changed after a learner's contest."
        }
        if !rescores.isEmpty {
            let changes = rescores.map { rescore in
                "#\(rescore.attemptID) \(Self.percent(rescore.oldScore)) → \(Self.percent(rescore.newScore))"
                    + (rescore.oldPassed != rescore.newPassed ? (rescore.newPassed ? ", now passed" : ", now not passed") : "")
            }
            text += " Re-scored: attempt \(changes.joined(separator: "; "))."
        }
        if let reply = contest.reply, !reply.isEmpty { text += " The mentor says: \(reply.count > 300 ? reply.prefix(300) + "…" : reply)" }
        return text
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
