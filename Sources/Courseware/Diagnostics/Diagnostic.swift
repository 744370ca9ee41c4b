/// A problem found in course content, located in its file.
///
/// Printed as `path:line:column: severity: [rule] message`, the shape compilers and
/// swift-format use, so editors and CI logs can jump to it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var path: String
    /// Where the problem is; `nil` when it concerns the file as a whole (e.g. it is missing).
    public var position: SourcePosition?
    public var severity: Severity
    public var rule: Rule
    public var message: String

    public init(path: String, position: SourcePosition?, severity: Severity, rule: Rule, message: String) {
        self.path = path
        self.position = position
        self.severity = severity
        self.rule = rule
        self.message = message
    }

    /// The diagnostic as one line of text, sanitized: its path and message may quote a file's
    /// bytes, and this is the form that is printed.
    public var description: String {
        let location = position.map { "\(path):\($0.line):\($0.column)" } ?? path
        return TerminalStyle.sanitize("\(location): \(severity.rawValue): [\(rule.rawValue)] \(message)")
    }
}

extension Diagnostic {
    /// A kind of problem, with its id as printed (`[broken-link]`) and its default severity.
    ///
    /// Rules are values rather than a closed list so each library declares its own (lessons
    /// here, assessments in Grading) while every report keeps one shape.
    public struct Rule: Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        /// How serious the rule is unless a caller decides otherwise.
        public let defaultSeverity: Severity

        public init(_ rawValue: String, severity: Severity = .error) {
            self.rawValue = rawValue
            self.defaultSeverity = severity
        }

        public var description: String { rawValue }

        public static func == (lhs: Rule, rhs: Rule) -> Bool { lhs.rawValue == rhs.rawValue }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    }
}

extension Diagnostic.Rule {
    public static let unreadableFile = Self("unreadable-file")
    public static let invalidUTF8 = Self("invalid-utf8")
    public static let fileTooLarge = Self("file-too-large")
    public static let nestingTooDeep = Self("nesting-too-deep")
    public static let frontMatterSyntax = Self("front-matter-syntax")
    public static let frontMatterType = Self("front-matter-type")
    public static let frontMatterUnknownKey = Self("front-matter-unknown-key", severity: .warning)
    public static let duplicateID = Self("duplicate-id")
    public static let invalidID = Self("invalid-id")
    public static let unknownPrerequisite = Self("unknown-prerequisite")
    public static let prerequisiteCycle = Self("prerequisite-cycle")
    public static let prerequisiteOrder = Self("prerequisite-order", severity: .warning)
    public static let brokenLink = Self("broken-link")
    public static let missingAnchor = Self("missing-anchor")
    public static let missingImage = Self("missing-image")
    public static let specialBlock = Self("special-block")
    public static let emptyLesson = Self("empty-lesson")
    public static let missingTitle = Self("missing-title", severity: .warning)
    public static let unreachableLesson = Self("unreachable-lesson", severity: .warning)
    public static let tableOfContents = Self("table-of-contents")
    /// A file a course or a test names lies outside its folder (a symbolic link, `..`, an
    /// absolute path or a URL).
    public static let outsideFolder = Self("outside-folder")
}

/// Collects diagnostics for one file while it is read, so one mistake never hides the others.
public struct DiagnosticSink: Sendable {
    public let path: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(path: String) { self.path = path }

    /// Records a problem with the rule's default severity.
    public mutating func report(_ rule: Diagnostic.Rule, at position: SourcePosition?, _ message: String) {
        diagnostics.append(Diagnostic(path: path, position: position, severity: rule.defaultSeverity, rule: rule, message: message))
    }

    public mutating func append(contentsOf others: [Diagnostic]) { diagnostics += others }

    /// Whether an error (not a warning) was reported after the first `count` diagnostics.
    public func hasErrors(since count: Int) -> Bool {
        diagnostics[count...].contains { $0.severity == .error }
    }
}
