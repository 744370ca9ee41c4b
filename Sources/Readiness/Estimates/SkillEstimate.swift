import Foundation
import Grading

/// A learner's estimated score on one skill, from their most recent items.
public struct SkillEstimate: Sendable, Hashable, Encodable {
    public var skillID: String
    public var title: String
    /// The score the skill must reach.
    public var target: Double
    /// Items behind the estimate, and how many came from practice and from simulated exams.
    public var items: Int
    public var practiceItems: Int
    public var examItems: Int
    /// Mean item score (partial credit as a fraction); nil without items.
    public var estimate: Double?
    /// The 95% Wilson interval around ``estimate``.
    public var interval: ProportionInterval?
    public var verdict: ReadinessVerdict
    /// The most recent attempt that counted.
    public var lastAttempt: ISODate?
    /// What to do next for this skill.
    public var nextStep: NextStep

    /// Estimates a skill from `evidence` (newest first) already filtered to the skill.
    static func estimate(
        skillID: String, title: String, target: Double, evidence: [ItemEvidence], rules: ReadinessRules, nextStep: NextStep
    ) -> SkillEstimate {
        let recent = Array(evidence.prefix(rules.recentItems))
        let sum = recent.reduce(0) { $0 + $1.score }
        let interval = WilsonInterval.interval(successes: sum, trials: recent.count, z: rules.z)
        let verdict: ReadinessVerdict
        if recent.count < rules.minimumItems || interval == nil {
            verdict = .notEnoughEvidence
        } else if let interval, interval.lower >= target - 1e-9 {
            verdict = .ready
        } else if let interval, interval.upper < target - 1e-9 {
            verdict = .notYet
        } else {
            verdict = .borderline
        }
        return SkillEstimate(
            skillID: skillID, title: title, target: target, items: recent.count,
            practiceItems: recent.count { $0.purpose == .practice }, examItems: recent.count { $0.purpose == .exam },
            estimate: recent.isEmpty ? nil : sum / Double(recent.count), interval: interval, verdict: verdict,
            lastAttempt: recent.first.map { ISODate($0.finishedAt) }, nextStep: nextStep)
    }
}

/// A lesson section to reread and a practice test to take.
public struct NextStep: Sendable, Hashable, Encodable {
    public var lesson: ReadinessMap.LessonSection?
    /// The lesson's title, for display.
    public var lessonTitle: String?
    public var test: String?
    public var testTitle: String?
}
