public import Courseware

/// The rules of assessment files, beside Courseware's lesson rules; reports of both share
/// one shape (`path:line:column: severity: [rule] message`).
extension Diagnostic.Rule {
    /// The front matter or `items.yaml` is not valid YAML.
    public static let yamlSyntax = Self("yaml-syntax")
    /// A gold span that does not start and end at token edges, which the terminal's token
    /// picker (``AnswerInput/tokens(_:)``) could never select.
    public static let spanNotSelectable = Self("span-not-selectable")
    /// A key that the format does not know (usually a typo).
    public static let unknownKey = Self("unknown-key", severity: .warning)
    /// A required key is absent.
    public static let missingKey = Self("missing-key")
    /// A value has the wrong type or an impossible value.
    public static let invalidValue = Self("invalid-value")
    /// An item's `kind` is not one of the item kinds.
    public static let unknownKind = Self("unknown-kind")
    /// An item has no gold answer.
    public static let missingGold = Self("missing-gold")
    /// A gold label is not in the item's label set.
    public static let unknownLabel = Self("unknown-label")
    /// Gold geometry lies outside the image, text or audio.
    public static let outOfBounds = Self("out-of-bounds")
    /// An item names a section the front matter does not declare.
    public static let unknownSection = Self("unknown-section")
    /// A media file referenced by an item does not exist beside it.
    public static let missingMedia = Self("missing-media")
    /// A lesson link points to a missing file or heading.
    public static let brokenLessonLink = Self("broken-lesson-link")
    /// The pass mark cannot be reached even with every best answer.
    public static let passMarkUnreachable = Self("pass-mark-unreachable")
    /// Replaying the gold answer through the scorer does not give full credit.
    public static let goldNotFullCredit = Self("gold-not-full-credit")
    /// An empty answer earns credit.
    public static let emptyAnswerScores = Self("empty-answer-scores", severity: .warning)
    /// The assessment has no items.
    public static let noItems = Self("no-items")
    /// A sheet in the assessment's `answers/` folder does not fit the assessment.
    public static let badAnswersFile = Self("bad-answers-file")
    /// `requires:` names an assessment that is not beside this one.
    public static let unknownPrerequisite = Self("unknown-prerequisite")
    /// A policy that cannot work as written (removal outside work mode, a sample larger than the pool…).
    public static let policyConflict = Self("policy-conflict", severity: .warning)
}
