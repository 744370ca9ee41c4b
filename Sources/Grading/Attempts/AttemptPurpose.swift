/// Why an attempt is taken: to rehearse a platform's test under its rules, or to practise.
///
/// The two are recorded apart so a practice run never costs the learner an exam attempt:
/// attempt limits, retake delays and prerequisites look at exam attempts only, and history
/// and readiness show the two separately. ``Assessment/running(as:)`` gives the rules an
/// attempt of each purpose runs under.
public enum AttemptPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// A simulated exam under the test's policy (`groundwork take`).
    case exam
    /// Practice (`groundwork practice`): any time, untimed, feedback after each answer.
    case practice
}
