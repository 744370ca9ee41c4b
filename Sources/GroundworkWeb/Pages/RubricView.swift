import Grading

/// A rubric item's answer field: its limits, a textarea as long as the text may be, and the
/// criteria the learner will grade their answer against once it is submitted.
struct RubricView {
    struct Criterion {
        let title: String
        let points: Int
        let single: Bool
    }

    let limits: String?
    let maximumCharacters: Int
    let criteria: [Criterion]

    init(_ task: RubricTask) {
        limits = task.limitsDescription
        maximumCharacters = task.maximumCharacters
        criteria = task.criteria.map { Criterion(title: $0.title, points: $0.points, single: $0.points == 1) }
    }
}
