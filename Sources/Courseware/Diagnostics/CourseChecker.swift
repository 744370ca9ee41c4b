import Foundation

/// Checks a whole course: every problem inside its files plus those only visible across
/// files — duplicate ids, prerequisites, links between lessons, unreachable lessons.
public enum CourseChecker {
    /// Every diagnostic for the course, sorted by file, line and column.
    public static func check(_ course: Course) -> [Diagnostic] {
        let all = course.lessons + course.unlistedLessons
        var diagnostics = course.loadDiagnostics + all.flatMap(\.diagnostics)
        diagnostics += duplicateIDs(in: all)
        diagnostics += prerequisiteProblems(in: course)
        diagnostics += linkProblems(in: course)
        for lesson in course.unlistedLessons {
            diagnostics.append(
                Diagnostic(
                    path: lesson.source.path, position: nil, severity: .warning, rule: .unreachableLesson,
                    message:
                        "lesson '\(lesson.id)' is not listed in \(TableOfContents.fileName), so learners never reach it; add it there or delete it"
                ))
        }
        return diagnostics.sorted(by: ordered)
    }

    static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path < b.path }
        let pa = a.position ?? SourcePosition(line: 0, column: 0)
        let pb = b.position ?? SourcePosition(line: 0, column: 0)
        if pa != pb { return pa < pb }
        return a.message < b.message
    }

    private static func duplicateIDs(in lessons: [Lesson]) -> [Diagnostic] {
        var firstPath: [String: String] = [:]
        var result: [Diagnostic] = []
        for lesson in lessons {
            if let other = firstPath[lesson.id] {
                result.append(
                    Diagnostic(
                        path: lesson.source.path, position: lesson.idPosition, severity: .error, rule: .duplicateID,
                        message: "lesson id '\(lesson.id)' is already used by '\(other)'; give each lesson its own id"))
            } else {
                firstPath[lesson.id] = lesson.source.path
            }
        }
        return result
    }

    private static func prerequisiteProblems(in course: Course) -> [Diagnostic] {
        let all = course.lessons + course.unlistedLessons
        var byID: [String: Lesson] = [:]
        for lesson in all where byID[lesson.id] == nil { byID[lesson.id] = lesson }
        var order: [String: Int] = [:]
        for (index, lesson) in course.lessons.enumerated() where order[lesson.id] == nil { order[lesson.id] = index }

        var result: [Diagnostic] = []
        for lesson in all {
            for prerequisite in lesson.prerequisites {
                let id = prerequisite.value
                guard byID[id] != nil else {
                    let hint = course.suggestion(forUnknownID: id).map { "; did you mean '\($0)'?" } ?? ""
                    result.append(
                        Diagnostic(
                            path: lesson.source.path, position: prerequisite.position, severity: .error, rule: .unknownPrerequisite,
                            message: "prerequisite \(Quote.text(id)) is not a lesson of this course\(hint)"))
                    continue
                }
                if let mine = order[lesson.id], let theirs = order[id], theirs > mine {
                    result.append(
                        Diagnostic(
                            path: lesson.source.path, position: prerequisite.position, severity: .warning, rule: .prerequisiteOrder,
                            message: "prerequisite \(Quote.text(id)) comes after this lesson in the table of contents; move it earlier"))
                }
            }
        }
        result += cycles(in: all, byID: byID)
        return result
    }

    /// Reports each prerequisite cycle once, at the edge that closes it.
    private static func cycles(in lessons: [Lesson], byID: [String: Lesson]) -> [Diagnostic] {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var stack: [String] = []
        var reported = Set<Set<String>>()
        var result: [Diagnostic] = []

        func visit(_ id: String) {
            guard let lesson = byID[id] else { return }
            marks[id] = .visiting
            stack.append(id)
            for prerequisite in lesson.prerequisites {
                let next = prerequisite.value
                switch marks[next] {
                case .visiting:
                    let cycle = Array(stack[(stack.lastIndex(of: next) ?? 0)...]) + [next]
                    if reported.insert(Set(cycle)).inserted {
                        result.append(
                            Diagnostic(
                                path: lesson.source.path, position: prerequisite.position, severity: .error, rule: .prerequisiteCycle,
                                message: "prerequisites form a cycle: \(cycle.joined(separator: " → ")); remove one of them"))
                    }
                case .done:
                    continue
                case nil:
                    visit(next)
                }
            }
            stack.removeLast()
            marks[id] = .done
        }
        for lesson in lessons where marks[lesson.id] == nil { visit(lesson.id) }
        return result
    }

    /// Linked lessons are found by index and the walk's closure captures only strings: a
    /// `Lesson` or `Course` captured or looked up there was copied (each of its strings and
    /// arrays retained and released) at every node, most of this rule's time.
    private static func linkProblems(in course: Course) -> [Diagnostic] {
        let all = course.lessons + course.unlistedLessons
        let folder = course.folder
        var indexByPath: [String: Int] = [:]
        for (index, lesson) in all.enumerated() { indexByPath[lesson.path] = index }
        var existence: [String: Bool] = [:]
        func exists(_ relative: String) -> Bool {
            if let known = existence[relative] { return known }
            let found = FileManager.default.fileExists(atPath: CourseLoader.join(folder, relative))
            existence[relative] = found
            return found
        }

        var result: [Diagnostic] = []
        for lessonIndex in all.indices {
            let lessonPath = all[lessonIndex].path, sourcePath = all[lessonIndex].source.path
            func report(_ rule: Diagnostic.Rule, _ node: MarkdownNode, _ message: String) {
                result.append(Diagnostic(path: sourcePath, position: node.position, severity: .error, rule: rule, message: message))
            }
            all[lessonIndex].document.root.forEach { node in
                switch node.kind {
                case .link(let destination, _):
                    let target = LinkTarget(destination)
                    guard !target.isExternal else { return }
                    var linked: Int? = lessonIndex
                    if let path = target.localPath {
                        let resolved = CoursePath.resolve(path, from: lessonPath)
                        linked = indexByPath[resolved]
                        if linked == nil, !exists(resolved) {
                            report(.brokenLink, node, "link to \(Quote.text(destination)), which does not exist")
                            return
                        }
                    }
                    if let anchor = target.anchor, !anchor.isEmpty, let linked, !all[linked].document.anchors.contains(anchor) {
                        let anchors = all[linked].document.anchors
                        let hint = Suggestion.closest(to: anchor, in: anchors).map { "; did you mean '#\($0)'?" } ?? ""
                        report(
                            .missingAnchor, node,
                            "'\(all[linked].path)' has no heading with anchor '#\(anchor)'\(hint) (\(Suggestion.headings(anchors)))")
                    }
                case .image(let source, _):
                    let target = LinkTarget(source)
                    guard !target.isExternal, let path = target.localPath else { return }
                    let resolved = CoursePath.resolve(path, from: lessonPath)
                    if resolved.hasPrefix("../") || resolved == ".."
                        || !ContainedPath.resolvesInside(CourseLoader.join(folder, resolved), folder: folder)
                    {
                        report(.outsideFolder, node, "image \(Quote.text(source)) lies outside the course; put it in the course folder")
                    } else if !exists(resolved) {
                        report(.missingImage, node, "image \(Quote.text(source)) does not exist")
                    }
                default:
                    break
                }
            }
        }
        return result
    }
}
