internal import Foundation
internal import Grading

/// A test as a QTI 3.0 content package: `imsmanifest.xml`, an `assessment-test.xml` whose
/// section holds the instructions as a candidate rubric block, and one item file per
/// single-choice, multiple-choice, short-text and numeric item (`items/ID.xml`), all of
/// which `import qti` reads back.
///
/// | item | QTI |
/// | --- | --- |
/// | single-choice | a choice interaction (`max-choices="1"`); one right option → `match_correct`, credits → a mapping and `map_response` |
/// | multiple-choice | `cardinality="multiple"`; all-or-nothing → `match_correct`; a credit map → a mapping (bounds 0 and 1) and `map_response` |
/// | short-text | a string text entry; its texts as map entries with their credits and case sensitivity, `map_response` |
/// | numeric | a float text entry; the best value as the correct response, compared by a `qti-equal` with its tolerance |
///
/// An item's weight becomes the `qti-weight` of its reference in the test. Lost, each with
/// a note: other kinds; Jaccard partial credit (becomes all-or-nothing);
/// short-text patterns and Groundwork's whitespace normalisation; numeric variants other
/// than the best one and units; option feedback; the common keys (reason, lesson, …);
/// option ids that are not QTI identifiers (renamed).
enum QTIExporter {
    static let namespace = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
    static let schema = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0p1_v1p0.xsd"
    static let templates = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/"

    /// The package's files (path inside the package, text) and what they do not hold.
    static func write(_ assessment: Assessment) -> (files: [(path: String, text: String)], notes: [ConversionNote]) {
        var notes: [ConversionNote] = []
        var files: [(path: String, text: String)] = []
        var references: [(id: String, href: String, weight: Double)] = []
        for item in assessment.items {
            let location = item.location(in: assessment)
            func lost(_ what: String) { notes.append(ConversionNote(location, "item '\(item.id)': \(what)")) }
            let declaration: String
            let interaction: String
            var processing = "  <qti-response-processing template=\"\(templates)match_correct\"/>"
            switch item.content {
            case .singleChoice(let task, let key):
                let (choices, ids) = Self.choices(task, lost: lost)
                let top = key.credits.values.max() ?? 0
                let best = task.options.first { key.credits[$0.id] == top }?.id ?? task.options[0].id
                var mapping = ""
                if key.credits.count > 1 || key.credits.values.contains(where: { $0 != 1 }) {
                    mapping = Self.mapping(
                        task.options.compactMap { option in key.credits[option.id].map { (ids[option.id] ?? option.id, $0, true) } },
                        bounded: false)
                    processing = "  <qti-response-processing template=\"\(templates)map_response\"/>"
                }
                if !key.explanations.isEmpty { lost("option feedback is not kept") }
                declaration = Self.declaration(
                    cardinality: "single", baseType: "identifier", correct: [ids[best] ?? best], mapping: mapping)
                interaction = Self.choiceInteraction(item.prompt, choices: choices, maximum: 1)
            case .multipleChoice(let task, let key):
                let (choices, ids) = Self.choices(task, lost: lost)
                let gold = task.options.map(\.id).filter { key.correct.contains($0) }.map { ids[$0] ?? $0 }
                var mapping = ""
                switch key.scoring {
                case .credits:
                    mapping = Self.mapping(
                        task.options.compactMap { option in key.credits[option.id].map { (ids[option.id] ?? option.id, $0, true) } },
                        bounded: true)
                    processing = "  <qti-response-processing template=\"\(templates)map_response\"/>"
                case .jaccard: lost("Jaccard partial credit has no QTI template; the item is scored all-or-nothing (match_correct)")
                case .allOrNothing: break
                }
                if !key.explanations.isEmpty { lost("option feedback is not kept") }
                declaration = Self.declaration(cardinality: "multiple", baseType: "identifier", correct: gold, mapping: mapping)
                interaction = Self.choiceInteraction(item.prompt, choices: choices, maximum: 0)
            case .shortText(_, let key):
                var entries: [(String, Double, Bool)] = []
                for variant in key.variants {
                    guard case .text(let text) = variant.match else {
                        lost("a pattern answer has no QTI form and is left out")
                        continue
                    }
                    entries.append((text, variant.credit, key.caseSensitive))
                    if variant.feedback != nil { lost("answer feedback is not kept") }
                }
                let top = entries.map(\.1).max() ?? 1
                declaration = Self.declaration(
                    cardinality: "single", baseType: "string", correct: entries.first { $0.1 == top }.map { [$0.0] } ?? [],
                    mapping: Self.mapping(entries, bounded: false))
                processing = "  <qti-response-processing template=\"\(templates)map_response\"/>"
                interaction = Self.textEntry(item.prompt)
            case .numeric(let task, let key):
                if task.unit != nil { lost("its unit is not kept") }
                let best = key.variants.max { $0.credit < $1.credit }!
                if key.variants.count > 1 { lost("only its best value is kept; QTI's correct response is one value") }
                declaration = Self.declaration(
                    cardinality: "single", baseType: "float", correct: [NumberText.exact(best.value)], mapping: "")
                processing = Self.tolerance(best.tolerance)
                interaction = Self.textEntry(item.prompt)
            case .rating, .spans, .boxes, .polygons, .keypoints, .transcription, .timeSegments, .ranking, .pairwise, .rubric:
                notes.append(ExportNotes.unsupported(item, in: assessment, format: "a QTI 3.0 package"))
                continue
            }
            notes += ExportNotes.commonKeys(item, in: assessment, format: "a QTI 3.0 item", kept: ["weight"])
            let href = "items/\(item.id).xml"
            references.append((item.id, href, item.weight))
            let text = [
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<qti-assessment-item xmlns=\"\(namespace)\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                "  xsi:schemaLocation=\"\(namespace) \(schema)\"",
                "  identifier=\"\(XMLText.escape(item.id))\" title=\"\(XMLText.escape(item.id))\" time-dependent=\"false\">",
                declaration,
                "  <qti-outcome-declaration identifier=\"SCORE\" cardinality=\"single\" base-type=\"float\"/>",
                "  <qti-item-body>", interaction, "  </qti-item-body>", processing, "</qti-assessment-item>",
            ].joined(separator: "\n")
            files.append((href, text + "\n"))
        }
        let instructions = assessment.instructions.trimmingCharacters(in: .whitespacesAndNewlines)
        let rubric =
            instructions.isEmpty
            ? []
            : [
                "      <qti-rubric-block use=\"instructions\" view=\"candidate\">",
                "        <qti-content-body>\(paragraphs(instructions))</qti-content-body>", "      </qti-rubric-block>",
            ]
        let test =
            [
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<qti-assessment-test xmlns=\"\(namespace)\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                "  xsi:schemaLocation=\"\(namespace) \(schema)\"",
                "  identifier=\"\(XMLText.escape(assessment.id))\" title=\"\(XMLText.escape(assessment.title))\">",
                "  <qti-test-part identifier=\"part-1\" navigation-mode=\"nonlinear\" submission-mode=\"individual\">",
                "    <qti-assessment-section identifier=\"section-1\" title=\"\(XMLText.escape(assessment.title))\" visible=\"true\">",
            ] + rubric + references.map(itemReference) + [
                "    </qti-assessment-section>", "  </qti-test-part>", "</qti-assessment-test>",
            ]
        let manifest =
            [
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<manifest xmlns=\"http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1\" identifier=\"\(XMLText.escape(assessment.id))-package\">",
                "  <metadata><schema>QTI Package</schema><schemaversion>3.0.0</schemaversion></metadata>", "  <organizations/>",
                "  <resources>",
                "    <resource identifier=\"\(XMLText.escape(assessment.id))\" type=\"imsqti_test_xmlv3p0\" href=\"assessment-test.xml\"><file href=\"assessment-test.xml\"/></resource>",
            ]
            + references.map {
                "    <resource identifier=\"\(XMLText.escape($0.id))\" type=\"imsqti_item_xmlv3p0\" href=\"\(XMLText.escape($0.href))\"><file href=\"\(XMLText.escape($0.href))\"/></resource>"
            } + ["  </resources>", "</manifest>"]
        notes.append(
            ConversionNote(
                SourceLocation(file: assessment.assessmentPath),
                "the pass mark, time limit and policy have no place in a QTI test; set them in the delivery system"))
        return (
            [("imsmanifest.xml", manifest.joined(separator: "\n") + "\n"), ("assessment-test.xml", test.joined(separator: "\n") + "\n")]
                + files, notes
        )
    }

    /// An item reference of the test; a weight other than 1 as the `qti-weight` that QTI's
    /// outcome processing multiplies the item's score by (and `import qti` reads back).
    private static func itemReference(_ reference: (id: String, href: String, weight: Double)) -> String {
        let open =
            "      <qti-assessment-item-ref identifier=\"\(XMLText.escape(reference.id))\" href=\"\(XMLText.escape(reference.href))\""
        guard reference.weight != 1 else { return open + "/>" }
        return open
            + ">\n        <qti-weight identifier=\"WEIGHT\" value=\"\(NumberText.exact(reference.weight))\"/>\n      </qti-assessment-item-ref>"
    }

    /// The options as `qti-simple-choice`s; an option id that is not a QTI identifier is
    /// renamed (with a note), and the map from Groundwork ids to QTI ids returned.
    private static func choices(_ task: ChoiceTask, lost: (String) -> Void) -> (String, [String: String]) {
        var ids: [String: String] = [:]
        var used = Set<String>()
        var lines: [String] = []
        for (index, option) in task.options.enumerated() {
            var id = option.id
            if !isIdentifier(id) || used.contains(id) {
                id = "choice-\(index + 1)"
                lost("option '\(option.id)' is not a QTI identifier and is written as '\(id)'")
            }
            used.insert(id)
            ids[option.id] = id
            lines.append("      <qti-simple-choice identifier=\"\(XMLText.escape(id))\">\(XMLText.escape(option.text))</qti-simple-choice>")
        }
        return (lines.joined(separator: "\n"), ids)
    }

    /// An XML NCName made of the characters Groundwork ids use.
    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
    }

    private static func choiceInteraction(_ prompt: String, choices: String, maximum: Int) -> String {
        [
            "    <qti-choice-interaction response-identifier=\"RESPONSE\" max-choices=\"\(maximum)\">",
            "      <qti-prompt>\(paragraphs(prompt))</qti-prompt>", choices, "    </qti-choice-interaction>",
        ].joined(separator: "\n")
    }

    /// The prompt with a text entry at its first blank (`_____`), or after it when it has
    /// none, which is where `import qti` puts the blank back.
    private static func textEntry(_ prompt: String) -> String {
        let blank = "<qti-text-entry-interaction response-identifier=\"RESPONSE\"/>"
        let body = paragraphs(prompt)
        guard let range = body.range(of: "_____") else { return "    \(body)\n    <p>\(blank)</p>" }
        return "    " + body.replacingCharacters(in: range, with: blank)
    }

    private static func declaration(cardinality: String, baseType: String, correct: [String], mapping: String) -> String {
        var lines = ["  <qti-response-declaration identifier=\"RESPONSE\" cardinality=\"\(cardinality)\" base-type=\"\(baseType)\">"]
        if !correct.isEmpty {
            lines.append(
                "    <qti-correct-response>" + correct.map { "<qti-value>\(XMLText.escape($0))</qti-value>" }.joined()
                    + "</qti-correct-response>")
        }
        if !mapping.isEmpty { lines.append(mapping) }
        return (lines + ["  </qti-response-declaration>"]).joined(separator: "\n")
    }

    /// A `qti-mapping` of (key, credit, case-sensitive) entries; `bounded` caps the sum at 0..1.
    private static func mapping(_ entries: [(String, Double, Bool)], bounded: Bool) -> String {
        let bounds = bounded ? " lower-bound=\"0\" upper-bound=\"1\"" : ""
        return
            (["    <qti-mapping default-value=\"0\"\(bounds)>"]
            + entries.map {
                "      <qti-map-entry map-key=\"\(XMLText.escape($0.0))\" mapped-value=\"\(NumberText.exact($0.1))\" case-sensitive=\"\($0.2)\"/>"
            } + ["    </qti-mapping>"]).joined(separator: "\n")
    }

    /// Rules giving 1 when the response is within `tolerance` of the correct value.
    private static func tolerance(_ tolerance: Double) -> String {
        let mode = tolerance > 0 ? "tolerance-mode=\"absolute\" tolerance=\"\(NumberText.exact(tolerance))\"" : "tolerance-mode=\"exact\""
        return [
            "  <qti-response-processing>", "    <qti-response-condition>", "      <qti-response-if>",
            "        <qti-equal \(mode)><qti-variable identifier=\"RESPONSE\"/><qti-correct identifier=\"RESPONSE\"/></qti-equal>",
            "        <qti-set-outcome-value identifier=\"SCORE\"><qti-base-value base-type=\"float\">1</qti-base-value></qti-set-outcome-value>",
            "      </qti-response-if>", "    </qti-response-condition>", "  </qti-response-processing>",
        ].joined(separator: "\n")
    }

    /// Markdown text as XHTML paragraphs (the text itself escaped, not rendered).
    private static func paragraphs(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n").map {
            "<p>" + XMLText.escape($0).replacingOccurrences(of: "\n", with: "<br/>") + "</p>"
        }.joined()
    }
}
