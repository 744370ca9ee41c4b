public import Courseware

/// A problem found in an assessment's files, located in its file.
///
/// Printed as `path:line:column: severity: [rule] message`, the same shape as Courseware's
/// ``Courseware/Diagnostic``, so editors and CI logs jump to it and one checker output can mix
/// lesson and assessment problems. Assessments have their own rules, so they have their own
/// type rather than stretching Courseware's rule list.
public struct AssessmentDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    /// The file as the caller named it.
    public var path: String
    /// Where the problem is; `nil` when it concerns the file or the assessment as a whole.
    public var position: SourcePosition?
    public var severity: Severity
    public var rule: Rule
    /// What is wrong and how to fix it, quoting the offending value in '…'.
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

extension AssessmentDiagnostic {
    /// Every kind of problem the assessment loader and checker report.
    public enum Rule: String, Sendable, Hashable, Codable, CaseIterable {
        /// A file is missing or cannot be read.
        case unreadableFile = "unreadable-file"
        /// A file is larger than ``GradingLimits``.
        case fileTooLarge = "file-too-large"
        /// The front matter or `items.yaml` is not valid YAML.
        case yamlSyntax = "yaml-syntax"
        /// A key that the format does not know (usually a typo).
        case unknownKey = "unknown-key"
        /// A required key is absent.
        case missingKey = "missing-key"
        /// A value has the wrong type or an impossible value.
        case invalidValue = "invalid-value"
        /// An item's `kind` is not one of the item kinds.
        case unknownKind = "unknown-kind"
        /// An item has no gold answer.
        case missingGold = "missing-gold"
        /// A gold label is not in the item's label set.
        case unknownLabel = "unknown-label"
        /// Gold geometry lies outside the image, text or audio.
        case outOfBounds = "out-of-bounds"
        /// Two items (or options, candidates…) share an id.
        case duplicateID = "duplicate-id"
        /// An item names a section the front matter does not declare.
        case unknownSection = "unknown-section"
        /// A media file referenced by an item does not exist beside it.
        case missingMedia = "missing-media"
        /// A lesson link points to a missing file or heading.
        case brokenLessonLink = "broken-lesson-link"
        /// The pass mark cannot be reached even with every best answer.
        case passMarkUnreachable = "pass-mark-unreachable"
        /// Replaying the gold answer through the scorer does not give full credit.
        case goldNotFullCredit = "gold-not-full-credit"
        /// An empty answer earns credit.
        case emptyAnswerScores = "empty-answer-scores"
        /// The assessment has no items.
        case noItems = "no-items"

        /// How serious the rule is unless a caller decides otherwise.
        public var defaultSeverity: Severity {
            switch self {
            case .unknownKey, .emptyAnswerScores:
                return .warning
            default:
                return .error
            }
        }
    }
}
