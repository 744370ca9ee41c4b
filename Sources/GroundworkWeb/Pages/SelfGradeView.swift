import Grading

/// The form under a written answer in a report, where the learner grades it against each
/// criterion with the model answer beside it (when the policy released it). Server-rendered:
/// it posts to `/attempts/:attempt/grade` and needs no script.
struct SelfGradeView {
    struct Criterion {
        let id: String
        let title: String
        let guideHTML: String?
        let maximum: Int
        let options: [Option]
        let reason: String
    }

    struct Option {
        let value: Int
        let selected: Bool
    }

    let item: String
    /// The model answer as HTML; nil when the policy keeps gold back.
    let modelHTML: String?
    let criteria: [Criterion]
    /// Whether a grade is stored already (the form then changes it).
    let graded: Bool
    /// Who graded when a mentor did: the learner's own form is then only a comparison.
    let mentorGraded: Bool
    /// Why the last submission of this form was refused.
    var problem: String?

    init(_ sheet: SelfGradeSheet) {
        item = sheet.itemID
        modelHTML = sheet.model.map { WebText.markdown($0) }
        graded = !sheet.answer.selfGrade.isEmpty
        mentorGraded = !sheet.answer.mentorGrade.isEmpty
        criteria = sheet.criteria.map { criterion in
            let current = sheet.answer.selfGrade[criterion.id]
            return Criterion(
                id: criterion.id, title: criterion.title, guideHTML: criterion.guide.isEmpty ? nil : WebText.markdown(criterion.guide),
                maximum: criterion.points,
                options: (0...criterion.points).map { Option(value: $0, selected: $0 == current?.points) },
                reason: current?.reason ?? "")
        }
    }
}
