/// A course: lessons in the order its table of contents gives, grouped in modules.
public struct Course: Sendable {
    public struct Module: Sendable {
        public var title: String
        /// The lessons of the module in order, with their nesting depth in the table of contents.
        public var lessons: [(lesson: Lesson, depth: Int)]
    }

    /// The folder the course was loaded from, as the user named it.
    public var folder: String
    public var title: String
    /// Whether the course opted in to raw HTML in its lessons.
    public var allowsRawHTML: Bool
    public var modules: [Module]
    /// Lesson files in the folder that the table of contents does not list.
    public var unlistedLessons: [Lesson]
    /// Files that could not be read, and problems found in the table of contents.
    public var loadDiagnostics: [Diagnostic]

    /// Every listed lesson, in course order.
    public var lessons: [Lesson] { modules.flatMap { $0.lessons.map(\.lesson) } }

    /// The listed or unlisted lesson with this id.
    public func lesson(id: String) -> Lesson? {
        lessons.first { $0.id == id } ?? unlistedLessons.first { $0.id == id }
    }

    /// Ids close to `id`, to suggest when it is unknown.
    public func suggestion(forUnknownID id: String) -> String? {
        Suggestion.closest(to: id, in: (lessons + unlistedLessons).map(\.id))
    }
}
