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

    public var description: String {
        let location = position.map { "\(path):\($0.line):\($0.column)" } ?? path
        return "\(location): \(severity.rawValue): [\(rule.rawValue)] \(message)"
    }
}

extension Diagnostic {
    /// Every kind of problem the checker reports, with its default severity.
    public enum Rule: String, Sendable, Hashable, Codable, CaseIterable {
        case unreadableFile = "unreadable-file"
        case invalidUTF8 = "invalid-utf8"
        case fileTooLarge = "file-too-large"
        case nestingTooDeep = "nesting-too-deep"
        case frontMatterSyntax = "front-matter-syntax"
        case frontMatterType = "front-matter-type"
        case frontMatterUnknownKey = "front-matter-unknown-key"
        case duplicateID = "duplicate-id"
        case invalidID = "invalid-id"
        case unknownPrerequisite = "unknown-prerequisite"
        case prerequisiteCycle = "prerequisite-cycle"
        case prerequisiteOrder = "prerequisite-order"
        case brokenLink = "broken-link"
        case missingAnchor = "missing-anchor"
        case missingImage = "missing-image"
        case specialBlock = "special-block"
        case emptyLesson = "empty-lesson"
        case missingTitle = "missing-title"
        case unreachableLesson = "unreachable-lesson"
        case tableOfContents = "table-of-contents"

        /// How serious the rule is unless a caller decides otherwise.
        public var defaultSeverity: Severity {
            switch self {
            case .unreachableLesson, .prerequisiteOrder, .frontMatterUnknownKey, .missingTitle:
                return .warning
            default:
                return .error
            }
        }
    }
}

/// Collects diagnostics for one file.
struct DiagnosticSink {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    mutating func report(_ rule: Diagnostic.Rule, at position: SourcePosition?, _ message: String) {
        diagnostics.append(Diagnostic(path: path, position: position, severity: rule.defaultSeverity, rule: rule, message: message))
    }

    mutating func append(contentsOf others: [Diagnostic]) { diagnostics += others }
}
