import Foundation
import Grading
import Interop
import TestSupport
import Testing

/// Moodle's own GIFT examples, imported, and GIFT written back.
struct GIFTTests {
    @Test func moodlesExamplesImportAndPassTheChecker() throws {
        let imported = try Imported(.gift, FixturePath.of("gift/moodle-examples.txt"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        let kinds = imported.assessment.items.map(\.kind)
        #expect(kinds.filter { $0 == .singleChoice }.count == 16)
        #expect(kinds.filter { $0 == .shortText }.count == 7)
        #expect(kinds.filter { $0 == .numeric }.count == 6)
        #expect(kinds.filter { $0 == .multipleChoice }.count == 2)
        #expect(imported.notes(containing: "is a matching question").count == 2)
        #expect(imported.notes(containing: "feedback of a true/false answer is not kept").count == 1)
    }

    @Test func weightsBecomeCreditsAndARangeItsMiddle() throws {
        let imported = try Imported(.gift, FixturePath.of("gift/moodle-examples.txt"))
        let items = imported.assessment.items
        let difficult = try #require(items.first { $0.prompt == "Difficult question." })
        guard case .singleChoice(_, let single) = difficult.content else { return }
        #expect(single.credits == ["half credit answer": 0.5, "full credit answer": 1])
        let pi = try #require(items.first { $0.prompt.hasPrefix("What is the value of pi") })
        guard case .numeric(_, let margin) = pi.content else { return }
        #expect(margin.variants[0].value == 3.1415 && margin.variants[0].tolerance == 0.0005)
        let range = try #require(items.last { $0.prompt.hasPrefix("What is the value of pi") })
        guard case .numeric(_, let middle) = range.content else { return }
        #expect(abs(middle.variants[0].value - 3.1415) < 1e-12 && abs(middle.variants[0].tolerance - 0.0005) < 1e-12)
        let penalised = try #require(items.last { $0.kind == .multipleChoice })
        guard case .multipleChoice(_, let multiple) = penalised.content else { return }
        #expect(multiple.credits == ["No one": -0.5, "Grant": 0.5, "Grant's wife": 0.5, "Grant's father": -0.5])
        let control = try #require(imported.assessment.item("GIFT-Control-Characters"))
        guard case .singleChoice(let task, let key) = control.content else { return }
        #expect(task.options.map(\.id) == ["~", "=", "#", "{", "}", "\\"])
        #expect(key.credits == ["\\": 1])
        #expect(
            imported.assessment.item("Thanksgiving-Date")?.prompt
                == "The American holiday of Thanksgiving is\ncelebrated on the _____ Thursday of November.")
    }

    @Test func anImportSurvivesExportAndImport() throws {
        let imported = try Imported(.gift, FixturePath.of("gift/moodle-examples.txt"))
        let (_, again) = try imported.roundTrip(.gift)
        #expect(again.diagnostics.isEmpty, "\(again.diagnostics)")
        #expect(again.items == imported.items)
        #expect(again.assessment.items.map(\.reason) == imported.assessment.items.map(\.reason))
    }

    @Test func theShippedQuizKeepsItsAnswersThroughGIFT() throws {
        let (shipped, _, imported) = try Imported.shipped("sentiment-quiz", through: .gift)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        for item in shipped.items where [.singleChoice, .multipleChoice, .shortText, .numeric].contains(item.kind) {
            let again = try #require(imported.assessment.item(item.id))
            // GIFT trims a question's text; a YAML block's final line break does not come back.
            func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
            #expect(again.prompt == trimmed(item.prompt) && again.reason == trimmed(item.reason), "\(item.id)")
            // Options come back named by their text; the gold is the same options.
            func texts(_ item: Item) -> [String] {
                item.content.goldResponses.map { response in
                    switch (response, item.content) {
                    case let (.singleChoice(id), .singleChoice(task, _)): return task.options.first { $0.id == id }?.text ?? id
                    default: return ItemResponse.recordedJSON(response)
                    }
                }
            }
            #expect(texts(again) == texts(item), "\(item.id)")
        }
    }
}
