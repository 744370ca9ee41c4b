import Foundation
import Grading
import Interop
import TestSupport
import Testing

/// CoNLL-2003 (IOB1) and IOB2 sentences in and out.
struct CoNLLTests {
    @Test func theFirstSentencesOfCoNLL2003BecomeSpanItems() throws {
        let imported = try Imported(.conll, FixturePath.of("conll/eng.train-first-sentences.conll"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.assessment.items.count == 3)
        guard case .spans(let task, let key) = imported.assessment.items[0].content else { return }
        #expect(task.text == "EU rejects German call to boycott British lamb .")
        #expect(task.labels == ["ORG", "MISC", "PER", "LOC"])
        #expect(
            key.spans.map {
                task.text.unicodeScalars.dropFirst($0.start).prefix($0.end - $0.start).map(String.init).joined() + "/" + $0.label
            }
                == ["EU/ORG", "German/MISC", "British/MISC"])
        #expect(imported.notes(containing: "part of speech, chunk").count == 1)
        #expect(imported.notes(containing: "-DOCSTART-").count == 1)
    }

    @Test func iob1StartsASecondEntityOnlyWithBAndIOB2WithEveryEntity() throws {
        let folder = try TemporaryFolder()
        try folder.write("adjacent.conll", "Paris NNP I-NP I-LOC\nLyon NNP I-NP B-LOC\nand CC O O\nNice NNP I-NP I-LOC\n")
        let imported = try Imported(.conll, folder.path + "/adjacent.conll")
        guard case .spans(_, let key) = imported.assessment.items[0].content else { return }
        #expect(key.spans.map(\.start) == [0, 6, 15])
        let (conll, again) = try imported.roundTrip(.conll)
        #expect(conll.contains("Lyon _ _ B-LOC\n") && conll.contains("Nice _ _ I-LOC\n"))
        #expect(again.items == imported.items)
        let (iob2, _) = Interop.export(.iob2, imported.assessment)
        #expect(iob2 == "Paris B-LOC\nLyon B-LOC\nand O\nNice B-LOC\n")
    }

    @Test func anIOB2FileRoundTripsAndAStrayIIsTakenAsAStart() throws {
        let imported = try Imported(.iob2, FixturePath.of("conll/sparknlp-conll-iob2.txt"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        let (_, again) = try imported.roundTrip(.iob2)
        #expect(again.items == imported.items)

        let folder = try TemporaryFolder()
        try folder.write("stray.txt", "the O\nBank I-ORG\n")
        let stray = try Imported(.iob2, folder.path + "/stray.txt")
        #expect(stray.assessment.items[0].content.goldResponses == [.spans([SpanAnnotation(start: 4, end: 8, label: "ORG")])])
        #expect(stray.notes(containing: "stray.txt:2:1: warning: 'I-ORG' continues no entity").count == 1)
    }

    @Test func theShippedEntitiesTestKeepsItsGoldThroughCoNLL() throws {
        let (shipped, notes, imported) = try Imported.shipped("named-entities", through: .conll)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        // CoNLL keeps tokens, not spacing: "Ltd.," at a sentence's end comes back as "Ltd . ,".
        func entities(_ content: ItemContent) -> [String] {
            guard case .spans(let task, let key) = content else { return [] }
            return key.spans.map { span in
                String(String.UnicodeScalarView(Array(task.text.unicodeScalars)[span.start..<span.end]).filter { $0 != " " }) + "/"
                    + span.label
            }.sorted()
        }
        let spansItems = shipped.items.filter { $0.kind == .spans }
        #expect(imported.assessment.items.count == spansItems.count)
        for (original, again) in zip(spansItems, imported.assessment.items) {
            #expect(entities(original.content) == entities(again.content), "\(original.id)")
        }
        // Every other kind, and each spans item's id and reason, is said to be left out.
        #expect(notes.filter { $0.message.contains("which CoNLL-2003 cannot hold") }.count == shipped.items.count - spansItems.count)
        #expect(notes.filter { $0.message.contains("'reason' has no place") }.count == spansItems.count)
    }
}
