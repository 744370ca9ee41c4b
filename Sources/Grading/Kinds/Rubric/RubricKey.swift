/// The gold of a rubric item: the automatic checks the author declares, the model answer
/// and how the two parts of the score are weighed.
///
/// **Checks** (each passes or fails; the task holds the limits the learner sees):
/// one for the word limits, one for the character limits, one for the reading level, one per
/// required element, one for all forbidden phrases together, one per claim to flag. Elements,
/// claims and phrases match as whole words, ignoring case (as a pairwise reason's mentions).
///
/// **Score** = (w꜀ · checks + wᵣ · rubric) / (w꜀ + wᵣ), where checks = the share of checks
/// passed, rubric = the points of the grade that counts (``RubricAnswer/effectiveGrade``)
/// over the criteria's total, an ungraded criterion counting 0; `weights:` sets w꜀ and wᵣ
/// (default 0.5 each) and a part with no checks or no criteria is left out. A text without
/// a word scores 0 whatever its grade.
public struct RubricKey: Sendable, Hashable {
    /// Something the text must mention: a name for feedback and the words that count for it.
    public struct Mention: Sendable, Hashable {
        /// "the refund deadline" (an element) or the false claim as the AI wrote it.
        public let name: String
        /// Any one of them, as whole words ignoring case, counts.
        public let words: [String]
    }

    public let requires: [Mention]
    public let claims: [Mention]
    public let forbidden: [String]
    /// The model answer (Markdown), shown once the policy releases gold; it meets every check.
    public let model: String
    public let checksWeight: Double
    public let rubricWeight: Double

    /// One automatic check as applied to a text.
    struct Check: Sendable, Hashable {
        let passed: Bool
        /// Why it failed, in the learner's terms; nil when it passed.
        let problem: String?
    }

    /// Every check the author declared, applied to `text`.
    func checks(_ text: String, task: RubricTask) -> [Check] {
        var checks: [Check] = []
        let counts = ReadingLevel.counts(text)
        if task.minimumWords != nil || task.maximumWords != nil {
            let low = task.minimumWords ?? 0
            let high = task.maximumWords ?? Int.max
            let problem =
                counts.words < low
                ? "Your answer has \(Format.count(counts.words, "word")); write at least \(low)."
                : "Your answer has \(Format.count(counts.words, "word")); keep it to at most \(high)."
            checks.append(Check(passed: counts.words >= low && counts.words <= high, problem: problem))
        }
        let characters = text.count
        if task.minimumCharacters != nil || task.maximumCharacters < GradingLimits.maximumAnswerTextLength {
            let low = task.minimumCharacters ?? 0
            let passed = characters >= low && characters <= task.maximumCharacters
            let problem =
                characters < low
                ? "Your answer has \(Format.count(characters, "character")); write at least \(low)."
                : "Your answer has \(Format.count(characters, "character")); keep it to at most \(task.maximumCharacters)."
            checks.append(Check(passed: passed, problem: problem))
        }
        if let range = task.readingLevel {
            let grade = ReadingLevel.grade(text)
            let passed = grade.map { range.contains($0) } ?? false
            let level = grade.map { "reads at grade \(Format.number($0, decimals: 1))" } ?? "has no sentence to measure"
            let advice = (grade ?? 0) > range.upperBound ? "use shorter sentences and shorter words" : "say it in full sentences"
            checks.append(
                Check(
                    passed: passed,
                    problem:
                        "Your answer \(level) (Flesch–Kincaid); aim for \(Format.number(range.lowerBound))–\(Format.number(range.upperBound)): \(advice)."
                ))
        }
        let padded = Self.padded(text)
        for element in requires {
            checks.append(
                Check(passed: Self.mentions(element.words, in: padded), problem: "Your answer does not cover \(element.name)."))
        }
        if !forbidden.isEmpty {
            let used = forbidden.filter { Self.mentions([$0], in: padded) }
            checks.append(
                Check(
                    passed: used.isEmpty,
                    problem: "Your answer uses \(Format.list(used.map { Format.quote($0) })), which the guidelines rule out."))
        }
        for claim in claims {
            checks.append(
                Check(
                    passed: Self.mentions(claim.words, in: padded),
                    problem: "You did not flag the claim \(Format.quote(claim.name))."))
        }
        return checks.map { $0.passed ? Check(passed: true, problem: nil) : $0 }
    }

    func score(_ answer: RubricAnswer, task: RubricTask) -> ItemScore {
        let counts = ReadingLevel.counts(answer.text)
        guard counts.words > 0 else {
            return ItemScore(
                score: 0, metrics: Self.metrics(checks: .nan, rubric: .nan, words: 0, readingGrade: .nan),
                feedback: ["Your answer is empty; write it before you grade it."])
        }
        var parts: [(weight: Double, score: Double)] = []
        var feedback: [String] = []
        let checks = checks(answer.text, task: task)
        let checkShare = checks.isEmpty ? Double.nan : Double(checks.filter(\.passed).count) / Double(checks.count)
        if !checks.isEmpty { parts.append((checksWeight, checkShare)) }
        feedback += checks.compactMap(\.problem)
        var rubricShare = Double.nan
        if !task.criteria.isEmpty {
            let effective = answer.effectiveGrade
            let total = task.criteria.reduce(0) { $0 + $1.points }
            let given = task.criteria.reduce(0) { $0 + min($1.points, max(0, effective?.grades[$1.id]?.points ?? 0)) }
            rubricShare = Double(given) / Double(total)
            parts.append((rubricWeight, rubricShare))
            feedback += Self.criterionFeedback(task.criteria, effective)
        }
        let total = parts.reduce(0) { $0 + $1.weight }
        let score = total > 0 ? parts.reduce(0) { $0 + $1.weight * $1.score } / total : 0
        let metrics = Self.metrics(
            checks: checkShare, rubric: answer.effectiveGrade == nil ? .nan : rubricShare, words: Double(counts.words),
            readingGrade: task.readingLevel == nil ? .nan : ReadingLevel.grade(answer.text) ?? .nan)
        return ItemScore(score: score, metrics: metrics, feedback: feedback)
    }

    /// The kind's four metrics, always all present (NaN, `null` in JSON, when undefined).
    private static func metrics(checks: Double, rubric: Double, words: Double, readingGrade: Double) -> [Metric] {
        [Metric(.checksPassed, checks), Metric(.rubric, rubric), Metric(.words, words), Metric(.readingGrade, readingGrade)]
    }

    /// One line per criterion: the points the counting grade gave and its reason, or that it
    /// still waits for a grade.
    private static func criterionFeedback(
        _ criteria: [RubricTask.Criterion], _ effective: (grades: [String: RubricAnswer.Grade], by: RubricAnswer.Grader)?
    ) -> [String] {
        guard let effective else {
            return [
                "The rubric part is not graded yet (it counts 0 until then): grade your answer against each criterion with the model answer beside it."
            ]
        }
        let who = effective.by == .mentor ? "your mentor" : "you"
        return criteria.map { criterion in
            guard let grade = effective.grades[criterion.id] else {
                return "\(Format.quote(criterion.title)): not graded by \(who), so 0 of \(criterion.points)."
            }
            let reason = grade.reason.isEmpty ? "" : ": \(grade.reason)"
            return "\(Format.quote(criterion.title)): \(grade.points) of \(criterion.points), graded by \(who)\(reason)"
        }
    }

    /// The gold as an answer: the model text with every criterion at full points, which the
    /// checker replays (so it must pass every check, see ``parse(_:_:)``).
    func goldAnswer(task: RubricTask) -> RubricAnswer {
        RubricAnswer(
            text: model,
            selfGrade: Dictionary(
                uniqueKeysWithValues: task.criteria.map { ($0.id, RubricAnswer.Grade(points: $0.points, reason: "The model answer.")) }))
    }

    /// The text's words joined by single spaces, with a space at each end.
    static func padded(_ text: String) -> String {
        " " + PairwiseKey.words(text).joined(separator: " ") + " "
    }

    /// Whether any of `words` (each possibly several words) occurs as whole words in `padded`.
    static func mentions(_ words: [String], in padded: String) -> Bool {
        words.contains { padded.contains(Self.padded($0)) }
    }
}
