import Courseware

/// A practice assessment: its settings from `assessment.md`'s front matter, the instructions
/// from its body, and its items from `items.yaml`.
///
/// Load one with ``AssessmentLoader``; check it with ``AssessmentChecker``; grade answers
/// with ``Grader``.
public struct Assessment: Sendable {
    public let id: String
    public let title: String
    public let platform: PlatformStyle
    /// Fraction of the weighted total needed to pass, in [0, 1].
    public let passMark: Double
    /// Minutes, if the assessment is timed.
    public internal(set) var timeLimitMinutes: Double?
    public let sections: [Section]
    public internal(set) var policy: AssessmentPolicy
    /// The Markdown body of `assessment.md`, front matter removed (lines kept blank).
    public let instructions: String
    public let items: [Item]
    /// The assessment's folder, as given to the loader.
    public let folder: String
    /// Paths of the two files, for diagnostics.
    public let assessmentPath: String
    public let itemsPath: String
    /// A digest of both files, recorded with each attempt so an edit since is noticed.
    public let version: String
    /// Where `pass-mark:` is written, for the checker's diagnostics.
    var passMarkPosition: SourcePosition?
    /// Where `policy:` and each `requires:` entry are written, for the checker.
    var policyPosition: SourcePosition?
    var requirements: [Located<String>] = []

    /// The item with this id.
    public func item(_ id: String) -> Item? { items.first { $0.id == id } }

    /// The assessment as a learner sees it before answering: no gold, no reasons.
    public var learnerView: LearnerAssessment { LearnerAssessment(self) }
}

/// One part of an assessment with its own title and, optionally, its own pass mark (an
/// Outlier-style multi-part exam fails when any part is below its mark).
public struct Section: Sendable, Hashable, Codable {
    public let id: String
    public let title: String
    public let passMark: Double?
}

/// The platform whose qualification test the assessment imitates; it selects defaults and
/// wording, never code paths.
public enum PlatformStyle: String, Sendable, Hashable, Codable, CaseIterable {
    case generic
    case appen
    case mturk
    case toloka
    case outlier
    case dataannotation
    case alignerr
    case pareto
    case clickworker
    case prolific
    case remotasks
}

/// An assessment as the learner sees it before answering.
public struct LearnerAssessment: Sendable, Encodable {
    public let id: String
    public let title: String
    public let platform: PlatformStyle
    public let passMark: Double
    public let timeLimitMinutes: Double?
    public let sections: [Section]
    public let instructions: String
    public let items: [LearnerItem]

    init(_ assessment: Assessment) {
        id = assessment.id
        title = assessment.title
        platform = assessment.platform
        passMark = assessment.passMark
        timeLimitMinutes = assessment.timeLimitMinutes
        sections = assessment.sections
        instructions = assessment.instructions
        items = assessment.items.map(LearnerItem.init)
    }
}
