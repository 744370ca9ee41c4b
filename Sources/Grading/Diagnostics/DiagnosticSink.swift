import Courseware

/// Collects diagnostics for one file while it is read, so one mistake never hides the others.
struct DiagnosticSink {
    let path: String
    private(set) var diagnostics: [AssessmentDiagnostic] = []

    init(path: String) { self.path = path }

    mutating func report(_ rule: AssessmentDiagnostic.Rule, at position: SourcePosition?, _ message: String) {
        diagnostics.append(
            AssessmentDiagnostic(path: path, position: position, severity: rule.defaultSeverity, rule: rule, message: message))
    }

    mutating func append(contentsOf others: [AssessmentDiagnostic]) { diagnostics += others }

    /// Whether an error (not a warning) was reported since `count` diagnostics were present.
    func hasErrors(since count: Int) -> Bool {
        diagnostics[count...].contains { $0.severity == .error }
    }
}
