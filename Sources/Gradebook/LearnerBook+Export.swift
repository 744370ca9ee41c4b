import Foundation
public import Grading

/// One recorded attempt as an answers file (`answers.json` with its origin), for a mentor's
/// cohort folder: what `groundwork export attempts` writes and `grade` and `stats` read.
public struct ExportedAttempt: Sendable, Equatable {
    public var attemptID: Int64
    public var assessmentID: String
    /// The answers file's text.
    public var json: String

    /// The file's name in a mentor's folder, `ASSESSMENT-NAME-attempt-N.json`, with the name
    /// made safe for any file system (letters, digits, '-', '_' and '.' kept, the rest '_').
    public func fileName(learnerName: String) -> String {
        let safeName = String(
            learnerName.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" }
        ).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return "\(assessmentID)-\(safeName)-attempt-\(attemptID).json"
    }
}

extension LearnerBook {
    /// Every finished attempt of this learner as an answers file naming `learnerName`, oldest
    /// first; in-progress attempts and attempts without a result (abandoned) are left out.
    ///
    /// Each item's answer is the one its report counted (a training item's first answer,
    /// nothing for an item answered after the time ran out), taken from the stored result,
    /// so no assessment is needed to export.
    ///
    /// - Parameters:
    ///   - assessmentID: Only attempts at this assessment, when given.
    ///   - purposes: Which attempts: exams by default.
    public func exportAttempts(
        learnerName: String, assessmentID: String? = nil, purposes: Set<AttemptPurpose> = [.exam]
    ) throws(GradebookError) -> [ExportedAttempt] {
        var exported: [ExportedAttempt] = []
        for summary in try attempts(assessmentID: assessmentID).reversed() where purposes.contains(summary.purpose) {
            guard summary.status != .inProgress, let attempt = try attempt(id: summary.id), let json = attempt.resultJSON,
                let result = try? JSONDecoder().decode(AttemptResult.self, from: Data(json.utf8))
            else { continue }
            var answers: [String: JSONValue] = [:]
            for item in result.items { if let response = item.response { answers[item.id] = response } }
            let origin = AnswerSheetOrigin(
                attempt: summary.id, startedAt: attempt.startedAt, finishedAt: attempt.finishedAt, purpose: attempt.purpose)
            exported.append(
                ExportedAttempt(
                    attemptID: summary.id, assessmentID: attempt.assessmentID,
                    json: AnswerSheet.jsonText(assessmentID: attempt.assessmentID, learner: learnerName, origin: origin, answers: answers)))
        }
        return exported
    }
}
