import Foundation

/// What a link in a lesson or an item points at, so each front end can show it its own way:
/// the terminal as `groundwork read ID § anchor`, the web app as a route.
public struct CourseLinks: Sendable {
    /// A link's target.
    public enum Target: Sendable, Hashable {
        /// A lesson of the course, with the heading anchor after `#` if any.
        case lesson(id: String, anchor: String?)
        /// A practice test: a link to its `assessment.md`.
        case practiceTest(id: String)
        /// Anything else (a web address, an image, a file outside the course), as written.
        case other(String)
    }

    /// The file that makes a folder a practice test.
    public static let practiceTestMarker = "assessment.md"

    private let lessonsByPath: [String: String]
    private let lessonIDs: Set<String>

    public init(course: Course) {
        var lessons: [String: String] = [:]
        for lesson in course.lessons + course.unlistedLessons {
            lessons[URL(fileURLWithPath: lesson.source.path).standardizedFileURL.path] = lesson.id
        }
        lessonsByPath = lessons
        lessonIDs = Set(lessons.values)
    }

    /// Whether an item's `lesson` names a lesson by id (`bounding-boxes#tight-boxes`) rather
    /// than by a path to its file: no folder and no `.md`.
    public static func isLessonID(_ link: String) -> Bool {
        let file = link.prefix { $0 != "#" }
        return !file.isEmpty && !file.contains("/") && !file.hasSuffix(".md") && !file.contains(":")
    }

    /// Resolves `destination` as written in a file inside `folder`; an item's lesson link may
    /// also name a lesson by its id.
    public func resolve(_ destination: String, from folder: String) -> Target {
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let path = parts.first, !path.isEmpty, !path.contains(":") else { return .other(destination) }
        if Self.isLessonID(destination), lessonIDs.contains(path) {
            return .lesson(id: path, anchor: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
        }
        let target = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: folder, isDirectory: true)).standardizedFileURL
        if let id = lessonsByPath[target.path] {
            return .lesson(id: id, anchor: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
        }
        if target.lastPathComponent == Self.practiceTestMarker {
            return .practiceTest(id: target.deletingLastPathComponent().lastPathComponent)
        }
        return .other(destination)
    }
}

extension CourseLinks {
    /// For each practice test that a listed lesson links to, the position in the course of
    /// the first lesson that does: where the course sends a reader to take it ("a gentle first
    /// test" in the opening lesson comes before any test of a later lesson).
    public func firstLessonLinkingEachTest(in course: Course) -> [String: Int] {
        var first: [String: Int] = [:]
        for (position, lesson) in course.lessons.enumerated() {
            let folder = URL(fileURLWithPath: lesson.source.path).deletingLastPathComponent().path
            lesson.document.root.forEach { node in
                // The tag first: `kind` copies a text node's text out, and most nodes are text.
                // Only a destination naming the marker file can resolve to a test, and
                // resolving builds file URLs, so the others are passed over first.
                guard node.tag == .link, case .link(let destination, _) = node.kind, destination.contains(Self.practiceTestMarker),
                    case .practiceTest(let id) = resolve(destination, from: folder)
                else { return }
                if first[id] == nil { first[id] = position }
            }
        }
        return first
    }
}
