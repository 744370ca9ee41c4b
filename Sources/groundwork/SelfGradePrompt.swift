import Courseware
import Foundation
import Grading

/// The terminal's self-grading step for one written answer: shows the learner's text and,
/// when released, the model answer, then asks points and a reason for each criterion.
struct SelfGradePrompt {
    let sheet: SelfGradeSheet
    let renderer: TerminalRenderer

    /// The graded answer, or nil when the learner leaves (`:q` or end of input) — the
    /// answer then keeps its automatic checks and waits for a grade.
    func ask() -> RubricAnswer? {
        let style = renderer.style
        print("\n" + style.apply([.bold], to: TerminalStyle.sanitize("Grade your answer to \(sheet.itemID) against the rubric")))
        print("Your answer:")
        print(renderer.render(MarkdownDocument(source: SourceFile(path: "answer", text: sheet.answer.text))), terminator: "")
        if let model = sheet.model {
            print("Model answer:")
            print(renderer.render(MarkdownDocument(source: SourceFile(path: "model", text: model))), terminator: "")
        } else {
            print(renderer.wrap("(This test does not show its model answer; grade against the criteria alone.)"))
        }
        var points: [String: Int] = [:]
        var reasons: [String: String] = [:]
        for (index, criterion) in sheet.criteria.enumerated() {
            print(style.apply([.bold], to: TerminalStyle.sanitize("\(index + 1). \(criterion.title)")))
            if !criterion.guide.isEmpty {
                print(renderer.render(MarkdownDocument(source: SourceFile(path: "guide", text: criterion.guide))), terminator: "")
            }
            guard let given = line("Points (0–\(criterion.points)): ", { try AnswerInput.integer($0, 0, criterion.points) }),
                let reason = line(
                    "Why? ",
                    { line in
                        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else {
                            throw AnswerInput.Problem("Say why, in a sentence.")
                        }
                        return line
                    })
            else { return nil }
            points[criterion.id] = given
            reasons[criterion.id] = reason
        }
        return try? sheet.graded(points: points, reasons: reasons)
    }

    /// Asks until `parse` accepts the line; nil on `:q` or end of input.
    private func line<T>(_ prompt: String, _ parse: (String) throws -> T) -> T? {
        while true {
            print(TerminalStyle.sanitize(prompt), terminator: "")
            fflush(nil)
            guard let line = readLine(), ![":q", ":quit"].contains(line.trimmingCharacters(in: .whitespaces)) else {
                print()
                return nil
            }
            do {
                return try parse(line)
            } catch let problem as AnswerInput.Problem {
                print(TerminalStyle.sanitize(problem.message))
            } catch {
                print(TerminalStyle.sanitize("\(error)"))
            }
        }
    }
}
