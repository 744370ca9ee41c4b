/// Scores an answer sheet against an assessment and aggregates the result.
///
/// Totals: each scored item earns `weight × (score − penalty)`, where `penalty` is the
/// policy's ``AssessmentPolicy/wrongAnswerPenalty`` for an answered item scoring 0 and 0
/// otherwise; the total is the sum over the weights of scored items, floored at 0. Ordinary
/// work rows (`gold: false`) are reported but not scored.
///
/// Pass rule: the attempt passes when the total reaches the pass mark (compared with
/// a 10⁻⁹ allowance for rounding), every section with its own pass mark reaches it, and
/// every critical item (``AssessmentPolicy/criticalItems``) gets full credit.
public struct Grader: Sendable {
    public init() {}

    /// Grades `sheet` on `items` (by default every item of the assessment; an attempt that
    /// drew a sample passes the items it drew, in the order asked). `detail` ``GradingDetail/scores``
    /// builds only what a summary reads.
    public func grade(_ sheet: AnswerSheet, for assessment: Assessment, items: [Item]? = nil, detail: GradingDetail = .full)
        -> AttemptResult
    {
        let critical = Set(assessment.policy.criticalItems)
        var results: [ItemResult] = []
        var observations: [(item: String, observations: [Observation])] = []
        var counts = AttemptResult.Counts()
        for (index, item) in (items ?? assessment.items).enumerated() {
            let response = sheet.responses[item.id]
            var score = item.score(response, detail: detail)
            if let why = sheet.unreadable[item.id] {
                score.feedback = ["Your answer could not be read, so it counts as unanswered: \(why)."]
            }
            var result = ItemResult(
                item: item, number: index + 1, score: score, critical: critical.contains(item.id), response: response, detail: detail)
            if score.verdict == .incorrect { result.penalty = assessment.policy.wrongAnswerPenalty }
            results.append(result)
            observations.append((item.id, score.observations))
            guard item.isGold else {
                counts.unscored += 1
                continue
            }
            counts.items += 1
            switch score.verdict {
            case .correct: counts.correct += 1
            case .partial: counts.partial += 1
            case .incorrect: counts.incorrect += 1
            case .unanswered: counts.unanswered += 1
            }
        }
        let total = max(0, Self.weightedMean(results))
        var failed: [String] = []
        if total < assessment.passMark - 1e-9 {
            failed.append(
                "Your score \(Format.precisePercent(total)) is below the pass mark \(Format.precisePercent(assessment.passMark)).")
        }
        var sections: [SectionResult] = []
        for section in assessment.sections {
            let members = results.filter { $0.section == section.id }
            let score = max(0, Self.weightedMean(members))
            let passed = section.passMark.map { score >= $0 - 1e-9 }
            if passed == false, let mark = section.passMark {
                failed.append(
                    "Section '\(section.title)' scored \(Format.precisePercent(score)), below its pass mark \(Format.precisePercent(mark))."
                )
            }
            sections.append(
                SectionResult(
                    id: section.id, title: section.title, score: score, items: members.count, passMark: section.passMark, passed: passed))
        }
        for result in results where result.critical && result.verdict != .correct {
            failed.append(Self.criticalFailure(result.id))
        }
        return AttemptResult(
            assessment: assessment.id, title: assessment.title, learner: sheet.learner, score: total,
            passMark: assessment.passMark, passed: failed.isEmpty, failedBecause: failed, counts: counts,
            sections: sections, concepts: Self.concepts(results), hints: detail == .full ? PatternHints.hints(from: observations) : [],
            items: results)
    }

    /// Grades many sheets (a cohort's folder) over every core; the results are in the order of
    /// `sheets`, the same as grading them one by one.
    public func grade(_ sheets: [AnswerSheet], for assessment: Assessment, detail: GradingDetail = .full) -> [AttemptResult] {
        sheets.orderedParallelMap { grade($0, for: assessment, detail: detail) }
    }

    /// Why an attempt failed on a critical item.
    static func criticalFailure(_ id: String) -> String {
        "Critical item '\(id)' must be fully correct to pass."
    }

    /// Σ weight·(score − penalty) / Σ weight over the scored results; 0 when none is scored.
    static func weightedMean(_ results: [ItemResult]) -> Double {
        let scored = results.filter(\.scored)
        let weight = scored.reduce(0) { $0 + $1.weight }
        return weight > 0 ? scored.reduce(0) { $0 + $1.weight * ($1.score - $1.penalty) } / weight : 0
    }

    /// One summary per concept tag over the scored results, in order of first appearance.
    static func concepts(_ all: [ItemResult]) -> [ConceptSummary] {
        let results = all.filter(\.scored)
        var order: [String] = []
        for result in results { for concept in result.concepts where !order.contains(concept) { order.append(concept) } }
        return order.map { concept in
            let members = results.filter { $0.concepts.contains(concept) }
            var review: [String] = []
            for member in members where member.score < 1 - 1e-9 {
                if let lesson = member.lesson, !review.contains(lesson) { review.append(lesson) }
            }
            return ConceptSummary(concept: concept, items: members.count, score: max(0, weightedMean(members)), review: review)
        }
    }
}
