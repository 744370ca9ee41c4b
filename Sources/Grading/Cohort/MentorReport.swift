/// A report for mentors with the three views `stats` and `agreement` print.
public protocol MentorReport {
    /// For a terminal, wrapped at `width`.
    func text(width: Int) -> String
    /// For a spreadsheet.
    func csv() -> String
    /// Everything, as JSON.
    func jsonText() -> String
}

extension CohortReport: MentorReport {}
extension AgreementReport: MentorReport {}
