import Courseware
import Foundation
import Testing

@testable import Grading

struct GoldEditTests {
    /// Lines of `before` and `after` that differ, as (line number, before, after).
    private func changed(_ before: String, _ after: String) -> [String] {
        let a = before.components(separatedBy: "\n"), b = after.components(separatedBy: "\n")
        return Array(a.indices.filter { $0 >= b.count || a[$0] != b[$0] }.map { a[$0] })
    }

    @Test func onlyTheItemsAnswerLinesChangeAndEveryOtherByteStays() throws {
        let text = try String(contentsOfFile: CohortFixture.path("mentor-trial/items.yaml"), encoding: .utf8)
        let test = try CohortFixture.assessment()
        let s5 = try #require(test.item("s5"))
        let edit = try GoldEdit.replacing(text, itemAt: s5.position, itemID: "s5", with: .string("MIXED"))
        let before = text.components(separatedBy: "\n"), after = edit.text.components(separatedBy: "\n")
        #expect(before.count == after.count)
        let differing = before.indices.filter { before[$0] != after[$0] }
        #expect(differing == [edit.line - 1])
        #expect(after[edit.line - 1] == "  answer: \"MIXED\"")
        #expect(edit.replaced == "  answer: NEUTRAL")
    }

    @Test func aBlockValueIsReplacedWholeAndTheFileStillLoads() throws {
        let text = try String(contentsOfFile: CohortFixture.path("mentor-trial/items.yaml"), encoding: .utf8)
        let test = try CohortFixture.assessment()
        let b1 = try #require(test.item("b1"))
        let box = ItemResponse.boxes([BoxAnnotation(label: "car", x: 12, y: 10, width: 30, height: 20)])
        let edit = try GoldEdit.replacing(text, itemAt: b1.position, itemID: "b1", with: box.json)
        #expect(edit.replaced.components(separatedBy: "\n").count == 2)
        var before = text.components(separatedBy: "\n")
        before.replaceSubrange((edit.line - 1)..<(edit.line + 1), with: [edit.text.components(separatedBy: "\n")[edit.line - 1]])
        #expect(before.joined(separator: "\n") == edit.text)
        let loaded = AssessmentLoader().load(
            assessment: SourceFile(path: "assessment.md", text: "---\ntitle: T\npass-mark: 50%\n---\nGo.\n"),
            items: SourceFile(path: "items.yaml", text: edit.text), folder: nil)
        #expect(loaded.errors.isEmpty)
        #expect(loaded.assessment?.item("b1")?.score(box).score == 1)
    }

    @Test func crlfLinesCommentsAndASameLevelListKeepTheirBytes() throws {
        let text =
            "# top\r\n- id: a\r\n  kind: multiple-choice\r\n  answer:\r\n  - x\r\n  - y\r\n\r\n  # note\r\n  reason: R\r\n- id: b\r\n  answer: z\r\n"
        let edit = try GoldEdit.replacing(text, itemAt: SourcePosition(line: 2, column: 3), itemID: "a", with: .array([.string("x")]))
        #expect(
            edit.text
                == "# top\r\n- id: a\r\n  kind: multiple-choice\r\n  answer: [\"x\"]\r\n\r\n  # note\r\n  reason: R\r\n- id: b\r\n  answer: z\r\n"
        )
        #expect(edit.replaced == "  answer:\r\n  - x\r\n  - y\r")
    }

    @Test func aGoldWrittenInAnotherShapeIsRefusedWithTheFix() throws {
        let text = "- id: a\n  \"answer\": x\n  reason: R\n"
        #expect(
            throws: GoldEditError(
                "cannot find a plain 'answer:' key of item 'a' (from items.yaml line 1); edit its gold by hand")
        ) {
            try GoldEdit.replacing(text, itemAt: SourcePosition(line: 1, column: 3), itemID: "a", with: .string("y"))
        }
    }
}
