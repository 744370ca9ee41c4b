public import Courseware
public import Foundation
public import Grading

/// "Am I ready?": every skill's estimate, a verdict per platform with its reason and next
/// step, and the checklist with the learner's ticks. Both front ends render this value, and
/// the JSON API returns it as it is.
public struct ReadinessReport: Sendable, Encodable {
    /// One platform's verdict.
    public struct PlatformReadiness: Sendable, Encodable {
        public var id: String
        public var name: String
        /// When the course's facts about the platform were checked.
        public var asOf: String
        public var known: ReadinessMap.Knowledge
        public var about: String
        public var verdict: ReadinessVerdict
        /// One sentence: which skill decides the verdict, and why.
        public var reason: String
        public var nextStep: NextStep
        /// The skills it is rated on, by id (details in ``ReadinessReport/skills``).
        public var skills: [String]
        /// The course's section about the platform.
        public var lesson: ReadinessMap.LessonSection?
    }

    /// A checklist entry and whether the learner ticked it.
    public struct ChecklistItem: Sendable, Encodable {
        public var id: String
        public var text: String
        public var lesson: ReadinessMap.LessonSection?
        public var lessonTitle: String?
        /// When it was ticked; nil while it is not.
        public var checkedAt: ISODate?
    }

    public var skills: [SkillEstimate]
    public var platforms: [PlatformReadiness]
    public var checklist: [ChecklistItem]
    /// The constants the verdicts used.
    public var recentItems: Int
    public var minimumItems: Int

    /// Builds the report.
    ///
    /// - Parameters:
    ///   - map: the course's readiness file.
    ///   - course: for lesson titles and for resolving the lesson links of missed items.
    ///   - catalog: the practice tests, for pass marks, titles and release policies.
    ///   - evidence: the learner's items, newest first (``ItemEvidence/collect(from:catalog:)``).
    ///   - marks: the ticked checklist entries.
    public init(
        map: ReadinessMap, course: Course, catalog: AssessmentCatalog, evidence: [ItemEvidence], marks: [String: Date],
        rules: ReadinessRules = ReadinessRules()
    ) {
        let steps = NextStepFinder(course: course, catalog: catalog)
        skills = map.skills.map { skill in
            let tests = Set(skill.tests.map(\.value))
            let concepts = Set(skill.concepts.map(\.value))
            let mine = evidence.filter { tests.contains($0.assessmentID) && (concepts.isEmpty || !concepts.isDisjoint(with: $0.concepts)) }
            let passMarks = skill.tests.compactMap { try? catalog.assessment(id: $0.value).passMark }
            return SkillEstimate.estimate(
                skillID: skill.id, title: skill.title, target: skill.target ?? passMarks.max() ?? 0.8, evidence: mine, rules: rules,
                nextStep: steps.nextStep(for: skill, evidence: Array(mine.prefix(rules.recentItems))))
        }
        let byID = Dictionary(skills.map { ($0.skillID, $0) }, uniquingKeysWith: { first, _ in first })
        platforms = map.platforms.map { platform in
            Self.rate(platform, skills: platform.skills.compactMap { byID[$0.value] }, rules: rules)
        }
        checklist = map.checklist.map { entry in
            ChecklistItem(
                id: entry.id, text: entry.text, lesson: entry.lesson,
                lessonTitle: entry.lesson.flatMap { course.lesson(id: $0.lessonID)?.title },
                checkedAt: marks[entry.id].map(ISODate.init))
        }
        recentItems = rules.recentItems
        minimumItems = rules.minimumItems
    }

    /// A platform's verdict is its weakest skill's: not yet if any skill is, else not enough
    /// evidence if any skill lacks it, else borderline if any is, else ready.
    static func rate(_ platform: ReadinessMap.Platform, skills: [SkillEstimate], rules: ReadinessRules) -> PlatformReadiness {
        let caveat =
            platform.known == .little
            ? " Little is publicly known about its tests (as of \(platform.asOf)), so this covers only what the course can rehearse." : ""
        func result(_ verdict: ReadinessVerdict, _ reason: String, _ focus: SkillEstimate?) -> PlatformReadiness {
            PlatformReadiness(
                id: platform.id, name: platform.name, asOf: platform.asOf, known: platform.known, about: platform.about,
                verdict: verdict, reason: reason + caveat, nextStep: focus?.nextStep ?? NextStep(lesson: platform.lesson),
                skills: skills.map(\.skillID), lesson: platform.lesson)
        }
        guard !skills.isEmpty else {
            return result(.notEnoughEvidence, "No practice test in the course rehearses its assessments.", nil)
        }
        let lowest = { (a: SkillEstimate, b: SkillEstimate) in (a.interval?.lower ?? 0) < (b.interval?.lower ?? 0) }
        if let weakest = skills.filter({ $0.verdict == .notYet }).min(by: { ($0.estimate ?? 0) < ($1.estimate ?? 0) }) {
            return result(.notYet, "\(weakest.title): \(describe(weakest)), below the \(percent(weakest.target)) target.", weakest)
        }
        if let thinnest = skills.filter({ $0.verdict == .notEnoughEvidence }).min(by: { $0.items < $1.items }) {
            let answered = thinnest.items == 0 ? "no items answered yet" : "\(count(thinnest.items, "item")) answered so far"
            return result(
                .notEnoughEvidence, "\(thinnest.title): \(answered); a verdict needs \(rules.minimumItems).", thinnest)
        }
        if let weakest = skills.filter({ $0.verdict == .borderline }).min(by: lowest) {
            return result(
                .borderline,
                "\(weakest.title): \(describe(weakest)); the interval still reaches below the \(percent(weakest.target)) target.",
                weakest)
        }
        let weakest = skills.min(by: lowest) ?? skills[0]
        let every = skills.count == 1 ? "The skill's" : "Every skill's"
        return result(
            .ready, "\(every) interval lies above its target; the weakest is \(weakest.title): \(describe(weakest)).", weakest)
    }

    /// "72% (95% interval 58%–83%) over 20 items".
    static func describe(_ skill: SkillEstimate) -> String {
        guard let estimate = skill.estimate, let interval = skill.interval else { return "no items yet" }
        return
            "\(percent(estimate)) (95% interval \(percent(interval.lower))–\(percent(interval.upper))) over \(count(skill.items, "item"))"
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
