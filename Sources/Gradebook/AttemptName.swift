public import Grading

/// How the terminal and the web app name an attempt: by its number among the learner's attempts of that
/// purpose at that test ("attempt 2", "practice 5"), with the gradebook's id (`#13`, what
/// `report` takes) beside it.
public enum AttemptName {
    /// "attempt 2 (#13)" or "practice 5 (#14)"; `capitalized` starts a sentence.
    public static func text(_ purpose: AttemptPurpose, ordinal: Int, id: Int64, capitalized: Bool = false) -> String {
        let noun = purpose == .practice ? "practice" : "attempt"
        return "\(capitalized ? noun.prefix(1).uppercased() + noun.dropFirst() : noun) \(ordinal) (#\(id))"
    }

    /// The name of a recorded attempt, its number counted in the gradebook.
    public static func of(_ record: Attempt, in book: LearnerBook, capitalized: Bool = false) throws -> String {
        text(record.purpose, ordinal: try book.ordinal(of: record), id: record.id ?? 0, capitalized: capitalized)
    }
}
