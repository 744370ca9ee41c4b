import Courseware

extension RubricAnswer {
    /// Reads `{"text": …, "selfGrade": …, "mentorGrade": …}` against `task`: the text within its
    /// character limit, every graded criterion one of the task's, points within 0…its maximum.
    init(json: JSONValue, task: RubricTask) throws(AnswerShapeError) {
        guard case .object(let fields) = json else {
            throw AnswerShapeError("expects an object such as {\"text\": \"…\"}, got \(json.typeDescription)")
        }
        try JSONRead.onlyKeys(fields, ["text", "selfGrade", "mentorGrade"], "the answer")
        let text = try JSONRead.boundedString(
            try JSONRead.field(fields, "text", "the answer"), "'text'", limit: task.maximumCharacters)
        self.init(
            text: text, selfGrade: try Self.grades(fields["selfGrade"], "'selfGrade'", task),
            mentorGrade: try Self.grades(fields["mentorGrade"], "'mentorGrade'", task))
    }

    private static func grades(_ json: JSONValue?, _ what: String, _ task: RubricTask) throws(AnswerShapeError) -> [String: Grade] {
        guard let json else { return [:] }
        var grades: [String: Grade] = [:]
        let ids = task.criteria.map(\.id)
        for (id, value) in try JSONRead.object(json, what) {
            guard let criterion = task.criteria.first(where: { $0.id == id }) else {
                throw AnswerShapeError("\(what) grades \(Quote.text(id)), which is not a criterion\(Suggestion.hint(for: id, in: ids))")
            }
            let fields = try JSONRead.object(value, "the grade of \(Quote.text(id))")
            try JSONRead.onlyKeys(fields, ["points", "reason"], "the grade of \(Quote.text(id))")
            let points = try JSONRead.integer(try JSONRead.field(fields, "points", "the grade of \(Quote.text(id))"), "'points' of \(id)")
            guard (0...criterion.points).contains(points) else {
                throw AnswerShapeError("\(what) gives \(Quote.text(id)) \(points) points; give 0 to \(criterion.points)")
            }
            let reason =
                try fields["reason"].map { value throws(AnswerShapeError) in try JSONRead.boundedString(value, "'reason' of \(id)") } ?? ""
            grades[id] = Grade(points: points, reason: reason)
        }
        return grades
    }

    /// A grade as JSON, in the shape ``init(json:task:)`` reads.
    static func json(_ grades: [String: Grade]) -> JSONValue {
        .object(grades.mapValues { .object(["points": .number(Double($0.points)), "reason": .string($0.reason)]) })
    }
}
