import Courseware
import Foundation
import Grading
import Interop
import TestSupport
import Testing

/// 1EdTech's own QTI 3.0 examples imported, and tests written back as QTI packages.
struct QTITests {
    /// The Beginner's Guide package, read from its folder (manifest → test → items).
    @Test func theBeginnersGuidePackageImportsItsScorableItems() throws {
        let imported = try Imported(.qti, FixturePath.of("qti/beginners-guide"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.assessment.title == "Beginners Guide Example Test")
        #expect(imported.assessment.items.map(\.id) == ["firstexample", "beginnersguide007", "beginnersguide008", "beginnersguide010"])
        let first = try #require(imported.assessment.item("firstexample"))
        guard case .singleChoice(let task, let key) = first.content else { Issue.record("\(first.kind)"); return }
        #expect(task.options.map(\.text) == ["Epinephrine", "Glucagon", "Insulin", "Oxytocin"])
        #expect(key.credits == ["A": 1])
        #expect(first.prompt == "Of the following hormones, which is produced by the adrenal glands?")
        let features = try #require(imported.assessment.item("beginnersguide008"))
        guard case .multipleChoice(_, let multiple) = features.content else { Issue.record("\(features.kind)"); return }
        #expect(multiple.correct == ["A", "C", "D"] && multiple.scoring == .allOrNothing)
        #expect(
            features.prompt
                == "QTI 3 is a new version released in 2022.\n\nWhich of the following features are **new** to QTI 3?\n\nPick 3 choices.")
        // Two extended-text items (essays) have nothing to score, and are named as lost.
        #expect(imported.notes(containing: "qti-extended-text-interaction> has no Groundwork kind").count == 2)
    }

    /// `map_response` with a case-sensitive right answer and half credit for lower case.
    @Test func aMappedTextEntryKeepsItsCreditsAndCase() throws {
        let imported = try Imported(.qti, FixturePath.of("qti/beginners-guide/items/BG010.xml"))
        let item = try #require(imported.assessment.items.first)
        guard case .shortText(let task, let key) = item.content else { Issue.record("\(item.kind)"); return }
        #expect(key.caseSensitive)
        #expect(key.variants.map(\.match) == [.text("York"), .text("york")] && key.variants.map(\.credit) == [1, 0.5])
        #expect(item.content.score(.shortText("York")).score == 1)
        #expect(item.content.score(.shortText("york")).score == 0.5)
        #expect(item.content.score(.shortText("YORK")).score == 0)
        #expect(task.maxLength == 200)
        #expect(item.prompt.contains("> Made glorious summer by this sun of _____;"), "\(item.prompt)")
    }

    /// An ONYX item with two numeric blanks and its own response processing rules.
    @Test func eachBlankOfANumericItemBecomesAnItem() throws {
        let imported = try Imported(.qti, FixturePath.of("qti/saxony-TextEntrynumeric_2040297025.xml"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        let items = imported.assessment.items
        #expect(items.map(\.id) == ["TextEntrynumeric_2040297025-RESPONSE_1", "TextEntrynumeric_2040297025-RESPONSE_2"])
        guard case .numeric(_, let first) = items[0].content, case .numeric(_, let second) = items[1].content else {
            Issue.record("\(items.map(\.kind))")
            return
        }
        #expect(first.variants.map(\.value) == [4] && first.variants.map(\.tolerance) == [0])
        #expect(second.variants.map(\.value) == [2])
        #expect(
            items[0].prompt == "Das Bundesland Sachsen grenzt an _____ andere deutsche Bundesländer und … Länder außerhalb Deutschlands.")
        #expect(imported.notes(containing: "its own response processing rules are not run").count == 1)
        #expect(imported.notes(containing: "modal feedback is not kept").count == 2)
    }

    /// Custom rules that score by `qti-map-response` use the mapping, here case-insensitive.
    @Test func customRulesThatMapTheResponseUseTheMapping() throws {
        let imported = try Imported(.qti, FixturePath.of("qti/saxony-TextEntry_883368511.xml"))
        let item = try #require(imported.assessment.items.first)
        guard case .shortText(_, let key) = item.content else { Issue.record("\(item.kind)"); return }
        #expect(!key.caseSensitive && key.variants.map(\.match) == [.text("Fichtelberg")])
        #expect(item.content.score(.shortText("fichtelberg")).score == 1)
    }

    @Test func aMultipleResponseItemIsAllOrNothing() throws {
        let imported = try Imported(.qti, FixturePath.of("qti/bpig-QTI3multiplechoice2.xml"))
        let item = try #require(imported.assessment.items.first)
        #expect(item.prompt == "Which of the following elements are used to form water?")
        #expect(item.content.score(.multipleChoice(["H", "O"])).score == 1)
        #expect(item.content.score(.multipleChoice(["H"])).score == 0)
    }

    /// An inline choice (a drop-down inside the sentence) is a single-choice item whose
    /// prompt shows the blank.
    @Test func anInlineChoiceIsASingleChoiceWithItsBlank() throws {
        let imported = try Imported(.qti, FixturePath.of("qti/bpig-QTI3-inline-choice.xml"))
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        let item = try #require(imported.assessment.items.first)
        guard case .singleChoice(let task, let key) = item.content else {
            Issue.record("\(item.kind)")
            return
        }
        #expect(task.options.map(\.text) == ["Gloucester", "Lancaster", "York"] && key.credits == ["Y": 1])
        #expect(item.prompt.contains("> Made glorious summer by this sun of _____;"), "\(item.prompt)")
    }

    @Test(arguments: [
        "qti/beginners-guide", "qti/saxony-TextEntrynumeric_2040297025.xml", "qti/bpig-QTI3multiplechoice2.xml",
        "qti/bpig-QTI3-inline-choice.xml",
    ])
    func anImportSurvivesExportAndImport(_ fixture: String) throws {
        let imported = try Imported(.qti, FixturePath.of(fixture))
        let again = try Self.package(imported.assessment)
        #expect(again.diagnostics.isEmpty, "\(again.diagnostics)")
        #expect(again.items == imported.items)
        #expect(again.assessment.items.map(\.prompt) == imported.assessment.items.map(\.prompt))
    }

    /// Shipped tests with credits, traps, credit maps, short texts and numeric tolerances keep
    /// every kept item's score on its gold and on each option through a package.
    @Test(arguments: ["street-boxes", "content-moderation", "toloka-exam", "sound-events", "outlier-screening"])
    func shippedTestsScoreTheSameThroughAPackage(_ id: String) throws {
        let shipped = try AssessmentLoader().loadChecked(folder: FixturePath.repository + "/Assessments/" + id)
        let (_, notes) = Interop.exportQTI(shipped)
        let again = try Self.package(shipped)
        #expect(again.diagnostics.filter { $0.severity == .error }.isEmpty, "\(again.diagnostics)")
        for item in shipped.items {
            guard let copy = again.assessment.item(item.id) else {
                #expect(notes.contains { $0.message.contains("item '\(item.id)'") }, "\(item.id) left out without a note")
                continue
            }
            #expect(copy.weight == item.weight, "weight of \(item.id)")
            // Where the export says scoring was lost (a pattern, Jaccard credit, a second
            // numeric value), only the best gold answer must still earn full credit.
            let lossy = notes.contains { note in
                note.message.contains("item '\(item.id)'")
                    && ["pattern", "all-or-nothing", "only its best value"].contains { note.message.contains($0) }
            }
            for response in lossy ? Array(item.content.goldResponses.prefix(1)) : Self.probes(item) {
                let expected = item.content.score(response).score
                let actual = copy.content.score(Self.renamed(response, from: item, to: copy)).score
                #expect(abs(actual - expected) < 1e-9, "\(item.id) \(response)")
            }
        }
    }

    @Test func anImageKeepsItsAlternativeTextAndIsNoted() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "item.xml",
            """
            <qti-assessment-item identifier="count" title="Count">
              <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="integer">
                <qti-correct-response><qti-value>3</qti-value></qti-correct-response>
              </qti-response-declaration>
              <qti-item-body>
                <p>How many <em>birds</em>?</p>
                <img src="birds.png" alt="Three birds on a wire"/>
                <p><qti-text-entry-interaction response-identifier="RESPONSE"/></p>
              </qti-item-body>
            </qti-assessment-item>
            """)
        let imported = try Imported(.qti, folder.path + "/item.xml")
        let item = try #require(imported.assessment.items.first)
        #expect(item.prompt == "How many *birds*?\n\n[image: Three birds on a wire]")
        #expect(item.content.score(.numeric(3)).score == 1)
        #expect(
            imported.notes.map(\.description) == [
                "\(folder.path)/item.xml:7:53: warning: the image 'birds.png' is not kept; its alternative text stays in the prompt"
            ])
    }

    /// A well-formed item nested 100,000 levels deep ended the process on a stack overflow
    /// (exit 139) before the parser stopped at 256 levels.
    @Test func deeplyNestedElementsAreRefusedAtTheirDepth() throws {
        let folder = try TemporaryFolder()
        let depth = 100_000
        let body =
            String(repeating: "<div>", count: depth) + "<qti-text-entry-interaction response-identifier=\"R\"/>"
            + String(repeating: "</div>", count: depth)
        try folder.write(
            "deep.xml",
            """
            <qti-assessment-item identifier="x">
            <qti-response-declaration identifier="R" base-type="string"><qti-correct-response><qti-value>a</qti-value></qti-correct-response></qti-response-declaration>
            <qti-item-body>\(body)</qti-item-body></qti-assessment-item>
            """)
        #expect {
            _ = try Interop.importTest(.qti, file: folder.path + "/deep.xml", into: folder.path + "/out")
        } throws: { error in
            let text = (error as? InteropError)?.description ?? ""
            return text.hasPrefix(folder.path + "/deep.xml:3:") && text.contains("more than 256 levels deep")
        }
    }

    @Test func anItemFromQTI2IsRefusedWithItsPlace() throws {
        let folder = try TemporaryFolder()
        try folder.write("old.xml", "<?xml version=\"1.0\"?>\n<assessmentItem identifier=\"x\"/>\n")
        #expect {
            _ = try Interop.importTest(.qti, file: folder.path + "/old.xml", into: folder.path + "/out")
        } throws: { error in
            let text = (error as? InteropError)?.description ?? ""
            return text.contains("old.xml:2:") && text.contains("QTI 2.x")
        }
    }

    @Test func aTestReferenceOutsideThePackageIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "test.xml",
            "<qti-assessment-test identifier=\"t\"><qti-test-part><qti-assessment-section>\n<qti-assessment-item-ref identifier=\"a\" href=\"../../etc/passwd\"/>\n</qti-assessment-section></qti-test-part></qti-assessment-test>"
        )
        #expect {
            _ = try Interop.importTest(.qti, file: folder.path + "/test.xml", into: folder.path + "/out")
        } throws: { error in
            let text = (error as? InteropError)?.description ?? ""
            return text.contains("test.xml:2:") && text.contains("only files inside the package are read")
        }
    }

    /// The test written as a package into a temporary folder and imported from it.
    static func package(_ assessment: Assessment) throws -> Imported {
        let folder = try TemporaryFolder()
        for file in Interop.exportQTI(assessment).files {
            let path = folder.path + "/package/" + file.path
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return try Imported(.qti, folder.path + "/package")
    }

    /// The gold answers, and for choice items every single option, as responses to score.
    static func probes(_ item: Item) -> [ItemResponse] {
        var probes = item.content.goldResponses
        switch item.content {
        case .singleChoice(let task, _): probes += task.options.map { .singleChoice($0.id) }
        case .multipleChoice(let task, _): probes += task.options.map { .multipleChoice([$0.id]) }
        case .shortText: probes.append(.shortText("surely wrong"))
        case .numeric(_, let key): probes += key.variants.map { .numeric($0.value + $0.tolerance * 0.99) } + [.numeric(1e6)]
        default: break
        }
        return probes
    }

    /// A choice response with the option ids the package gave (renamed in option order).
    static func renamed(_ response: ItemResponse, from item: Item, to copy: Item) -> ItemResponse {
        func map(_ id: String) -> String {
            switch (item.content, copy.content) {
            case (.singleChoice(let a, _), .singleChoice(let b, _)), (.multipleChoice(let a, _), .multipleChoice(let b, _)):
                guard let index = a.options.firstIndex(where: { $0.id == id }), index < b.options.count else { return id }
                return b.options[index].id
            default: return id
            }
        }
        switch response {
        case .singleChoice(let id): return .singleChoice(map(id))
        case .multipleChoice(let ids): return .multipleChoice(Set(ids.map(map)))
        default: return response
        }
    }
}
