import Courseware
import Grading

/// Picks what to do next for a skill: the lesson section behind most of its recent lost
/// points (as released), else the skill's own section; and the test to practise, the one
/// of its tests with the lowest recent mean, or the first not yet tried.
struct NextStepFinder {
    let course: Course
    let catalog: AssessmentCatalog
    let links: CourseLinks

    init(course: Course, catalog: AssessmentCatalog) {
        self.course = course
        self.catalog = catalog
        links = CourseLinks(course: course)
    }

    func nextStep(for skill: ReadinessMap.Skill, evidence: [ItemEvidence]) -> NextStep {
        var lesson = skill.lesson
        var counts: [ReadinessMap.LessonSection: Int] = [:]
        for item in evidence {
            guard let link = item.lesson, let test = try? catalog.assessment(id: item.assessmentID),
                case .lesson(let id, let anchor) = links.resolve(link, from: test.folder)
            else { continue }
            counts[ReadinessMap.LessonSection(lessonID: id, anchor: anchor), default: 0] += 1
        }
        // Most lost points first; ties go to the earlier reference, so the choice is stable.
        if let top = counts.max(by: { ($0.value, $1.key.reference) < ($1.value, $0.key.reference) }) { lesson = top.key }
        let tests = skill.tests.map(\.value).filter { (try? catalog.assessment(id: $0)) != nil }
        let untried = tests.first { test in !evidence.contains { $0.assessmentID == test } }
        let weakest = tests.min { mean(of: $0, in: evidence) < mean(of: $1, in: evidence) }
        let test = untried ?? weakest
        return NextStep(
            lesson: lesson, lessonTitle: lesson.flatMap { course.lesson(id: $0.lessonID)?.title }, test: test,
            testTitle: test.flatMap { try? catalog.assessment(id: $0).title })
    }

    private func mean(of test: String, in evidence: [ItemEvidence]) -> Double {
        let items = evidence.filter { $0.assessmentID == test }
        return items.isEmpty ? 0 : items.reduce(0) { $0 + $1.score } / Double(items.count)
    }
}
