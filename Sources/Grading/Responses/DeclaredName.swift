/// The one rule for matching what a learner wrote to a declared label, option id or
/// candidate, at the terminal and in answers files alike: the exact name, else the only one
/// that differs just in case (`insult` gives `INSULT`); nil when none does, or when two
/// declared names differ only in case and the case written picks neither.
enum DeclaredName {
    static func match(_ written: String, in declared: [String]) -> String? {
        if declared.contains(written) { return written }
        let folded = declared.filter { $0.lowercased() == written.lowercased() }
        return folded.count == 1 ? folded[0] : nil
    }
}
