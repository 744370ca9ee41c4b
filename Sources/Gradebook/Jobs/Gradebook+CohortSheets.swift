import Foundation
public import Grading

extension Gradebook {
    /// Each learner of cohort `cohortID` with their latest finished exam at `assessment`, as
    /// an answers sheet for item analysis; a sheet that no longer reads against the test (it
    /// changed since) is left out and named in `problems`. Both the mentor's page and the
    /// statistics job read a cohort this way.
    public func latestExamSheets(cohortID: Int64, for assessment: Assessment) throws -> (sheets: [AnswerSheet], problems: [String]) {
        var sheets: [AnswerSheet] = []
        var problems: [String] = []
        for member in try members(ofCohort: cohortID) where member.place == .learner {
            let book = learner(member.account.learnerID)
            guard let latest = try book.exportAttempts(learnerName: member.account.username, assessmentID: assessment.id).last else {
                continue
            }
            do {
                sheets.append(try AnswerSheet.decode(Array(latest.json.utf8), path: "attempt #\(latest.attemptID)", for: assessment))
            } catch {
                problems.append("\(member.account.username): \(error.description)")
            }
        }
        return (sheets, problems)
    }
}
