public import Courseware
public import Grading

extension Diagnostic.Rule {
    /// A readiness skill names a practice test that does not exist.
    public static let unknownTest = Self("unknown-test")
    /// A platform names a skill the readiness file does not define.
    public static let unknownSkill = Self("unknown-skill")
    /// A skill's concept tags no item of its tests, so it would measure nothing.
    public static let unknownConcept = Self("unknown-concept")
    /// A `lesson:` names a lesson the course does not have.
    public static let unknownLesson = Self("unknown-lesson")
}

/// Checks a ``ReadinessMap`` against the course and the practice tests: every test, skill,
/// concept, lesson and heading it names must exist, and ids must be unique.
public enum ReadinessMapChecker {
    /// Every problem, in file order. Test ids and concepts are checked only when `catalog`
    /// is given (a course checked without its practice tests).
    public static func check(_ map: ReadinessMap, course: Course, catalog: AssessmentCatalog?) -> [Diagnostic] {
        var sink = DiagnosticSink(path: map.path)
        duplicates(map.skills.map { ($0.id, $0.position) }, what: "skill", sink: &sink)
        duplicates(map.platforms.map { ($0.id, $0.position) }, what: "platform", sink: &sink)
        duplicates(map.checklist.map { ($0.id, $0.position) }, what: "checklist entry", sink: &sink)
        for skill in map.skills {
            if let catalog { checkTests(of: skill, in: catalog, sink: &sink) }
            checkLesson(skill.lesson, course: course, sink: &sink)
        }
        let skillIDs = map.skills.map(\.id)
        for platform in map.platforms {
            for skill in platform.skills where map.skill(skill.value) == nil {
                sink.report(
                    .unknownSkill, at: skill.position,
                    "platform '\(platform.id)' names skill \(Quote.text(skill.value)), which 'skills' does not define\(Suggestion.hint(for: skill.value, in: skillIDs))"
                )
            }
            checkLesson(platform.lesson, course: course, sink: &sink)
        }
        for entry in map.checklist { checkLesson(entry.lesson, course: course, sink: &sink) }
        for figure in map.pay { checkLesson(figure.lesson, course: course, sink: &sink) }
        return sink.diagnostics.sorted {
            ($0.position ?? SourcePosition(line: 0, column: 0)) < ($1.position ?? SourcePosition(line: 0, column: 0))
        }
    }

    private static func duplicates(_ ids: [(String, SourcePosition)], what: String, sink: inout DiagnosticSink) {
        var seen: [String: SourcePosition] = [:]
        for (id, position) in ids {
            if let first = seen[id] {
                sink.report(
                    .duplicateID, at: position,
                    "\(what) id \(Quote.text(id)) is already used at line \(first.line); give each \(what) its own id")
            } else {
                seen[id] = position
            }
        }
    }

    private static func checkTests(of skill: ReadinessMap.Skill, in catalog: AssessmentCatalog, sink: inout DiagnosticSink) {
        let ids = catalog.entries.map(\.id)
        var concepts: Set<String> = []
        for test in skill.tests {
            guard let entry = catalog.entries.first(where: { $0.id == test.value }) else {
                sink.report(
                    .unknownTest, at: test.position,
                    "skill '\(skill.id)' names practice test \(Quote.text(test.value)), which '\(catalog.folder)' does not have\(Suggestion.hint(for: test.value, in: ids))"
                )
                continue
            }
            for item in entry.assessment?.items ?? [] { concepts.formUnion(item.concepts) }
        }
        // Concepts of a test that failed to load cannot be known; its own check reports it.
        let loaded = skill.tests.allSatisfy { test in catalog.entries.first { $0.id == test.value }?.assessment != nil }
        guard loaded else { return }
        for concept in skill.concepts where !concepts.contains(concept.value) {
            sink.report(
                .unknownConcept, at: concept.position,
                "no item of the tests of skill '\(skill.id)' is tagged \(Quote.text(concept.value)), so it would count nothing\(Suggestion.hint(for: concept.value, in: concepts.sorted()))"
            )
        }
    }

    private static func checkLesson(_ section: ReadinessMap.LessonSection?, course: Course, sink: inout DiagnosticSink) {
        guard let section else { return }
        guard let lesson = course.lesson(id: section.lessonID) else {
            let hint =
                course.suggestion(forUnknownID: section.lessonID).map { "; did you mean '\($0)'?" } ?? "; 'groundwork lessons' lists them"
            sink.report(.unknownLesson, at: section.position, "no lesson with id \(Quote.text(section.lessonID))\(hint)")
            return
        }
        if let anchor = section.anchor, !lesson.document.anchors.contains(anchor) {
            let hint = Suggestion.closest(to: anchor, in: lesson.document.anchors).map { "; did you mean '#\($0)'?" } ?? ""
            sink.report(.missingAnchor, at: section.position, "lesson '\(lesson.id)' has no heading '#\(anchor)'\(hint)")
        }
    }
}
