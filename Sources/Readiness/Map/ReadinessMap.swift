public import Courseware

/// The course's own account of what each platform's entry assessments test (`readiness.yaml`
/// in the course folder): skills measured on practice tests, platforms rated on skills, and
/// the checklist of things to do before applying. Authored content, checked by
/// ``ReadinessMapChecker``.
public struct ReadinessMap: Sendable {
    /// The file's name inside a course folder.
    public static let fileName = "readiness.yaml"

    /// Something a platform's assessments test, measured on the items of practice tests.
    public struct Skill: Sendable, Identifiable {
        public var id: String
        public var title: String
        /// Practice tests whose items measure it.
        public var tests: [Written<String>]
        /// When not empty, only items tagged with one of these concepts count.
        public var concepts: [Written<String>]
        /// The score it must reach; nil means the highest pass mark of its tests.
        public var target: Double?
        /// The section to reread when it falls short.
        public var lesson: LessonSection?
        public var position: SourcePosition
    }

    /// How much is publicly known about a platform's tests.
    public enum Knowledge: String, Sendable, Encodable, CaseIterable {
        case well, partly, little
    }

    /// A platform style the course covers.
    public struct Platform: Sendable, Identifiable {
        public var id: String
        public var name: String
        /// When the course's facts about it were checked ("2025").
        public var asOf: String
        public var known: Knowledge
        /// What its tests are known to ask, in one or two sentences.
        public var about: String
        public var skills: [Written<String>]
        public var lesson: LessonSection?
        public var position: SourcePosition
    }

    /// One thing to do before applying that no test measures.
    public struct ChecklistEntry: Sendable, Identifiable {
        public var id: String
        public var text: String
        public var lesson: LessonSection?
        public var position: SourcePosition
    }

    /// An hourly figure a lesson teaches, shown beside the learner's own rate.
    public struct PayThreshold: Sendable, Identifiable, Encodable {
        public var id: String
        /// What the figure is, as a phrase: "median Mechanical Turk earnings in …".
        public var label: String
        /// Dollars an hour.
        public var hourly: Double
        /// When a published figure dates from; nil for an example.
        public var asOf: String?
        /// Whether it is the floor a per-task price is judged against.
        public var minimum: Bool
        public var lesson: LessonSection?

        enum CodingKeys: String, CodingKey { case id, label, hourly, asOf, minimum, lesson }
    }

    /// A lesson, and a heading in it, written `lesson-id#heading-anchor`.
    public struct LessonSection: Sendable, Hashable, Encodable {
        public var lessonID: String
        public var anchor: String?
        public var position: SourcePosition?

        enum CodingKeys: String, CodingKey { case lessonID = "lesson", anchor }

        /// `lesson-id#anchor` as written.
        public var reference: String { anchor.map { "\(lessonID)#\($0)" } ?? lessonID }

        public init(lessonID: String, anchor: String?, position: SourcePosition? = nil) {
            self.lessonID = lessonID
            self.anchor = anchor
            self.position = position
        }

        /// Reads `lesson-id#anchor`; nil for an empty lesson id.
        public init?(_ text: String, at position: SourcePosition?) {
            let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let id = parts.first, !id.isEmpty else { return nil }
            self.init(lessonID: id, anchor: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil, position: position)
        }

        public static func == (a: Self, b: Self) -> Bool { a.lessonID == b.lessonID && a.anchor == b.anchor }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(lessonID)
            hasher.combine(anchor)
        }
    }

    /// A value with where it was written, for diagnostics.
    public struct Written<Value: Sendable & Hashable>: Sendable, Hashable {
        public var value: Value
        public var position: SourcePosition?

        public init(_ value: Value, at position: SourcePosition? = nil) {
            self.value = value
            self.position = position
        }
    }

    /// The file it was read from.
    public var path: String
    public var skills: [Skill]
    public var platforms: [Platform]
    public var checklist: [ChecklistEntry]
    public var pay: [PayThreshold] = []

    public func skill(_ id: String) -> Skill? { skills.first { $0.id == id } }

    /// The platform with this id or, ignoring case and anything but letters and digits, this
    /// name or a part of it of four letters or more ("Mechanical Turk" and "scale" find theirs).
    public func platform(named text: String) -> Platform? {
        let key = Self.simplified(text)
        return platforms.first { Self.simplified($0.id) == key }
            ?? platforms.first { Self.simplified($0.name) == key || key.count >= 4 && Self.simplified($0.name).contains(key) }
    }

    static func simplified(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }
}
