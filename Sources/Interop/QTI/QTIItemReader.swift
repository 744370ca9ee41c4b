internal import Foundation
internal import Grading

/// One `qti-assessment-item` as Groundwork items: one per choice or text-entry interaction
/// (an item with several blanks becomes several items, `ITEM-RESPONSE`).
///
/// | QTI | item |
/// | --- | --- |
/// | `qti-choice-interaction`, `max-choices="1"` | single-choice: the correct response, or the mapping's values as credits |
/// | `qti-inline-choice-interaction` (a blank with a drop-down) | single-choice, the blank shown as `_____` |
/// | `qti-choice-interaction`, more choices | multiple-choice: all-or-nothing on the correct response (`match_correct`), or the mapping as a credit map (`map_response`) |
/// | `qti-text-entry-interaction`, string | short-text: each correct value, or each map entry with its value as credit |
/// | `qti-text-entry-interaction`, float or integer | numeric: the correct value, with the tolerance of a `qti-equal` in custom rules |
///
/// Mapped values are divided by the best a response can earn (the largest entry for one
/// choice or text, the sum of positive entries — or the upper bound — for several), so the
/// best response earns 1, as in Groundwork.
enum QTIItemReader {
    static func read(_ item: XMLElementNode, notes: inout [ConversionNote]) throws(InteropError) -> [DraftItem] {
        guard item.localName == "qti-assessment-item" else {
            let hint = item.localName == "assessmentItem" ? " (QTI 2.x; only QTI 3.0 items are read)" : ""
            throw InteropError(item.location, "is a <\(item.name)>, not a <qti-assessment-item>\(hint)")
        }
        guard let itemID = item.attributes["identifier"], !itemID.isEmpty else {
            throw InteropError(item.location, "<qti-assessment-item> has no 'identifier'")
        }
        var responses: [String: QTIResponse] = [:]
        for node in item.all("qti-response-declaration") {
            let response = try QTIResponse.read(node)
            responses[response.identifier] = response
        }
        let scoring = QTIScoring.read(item)
        if case .custom(let processing) = scoring {
            notes.append(
                ConversionNote(
                    processing.location,
                    "item '\(itemID)': its own response processing rules are not run; Groundwork scores the correct response (and mapping), with any tolerance a <qti-equal> gives"
                ))
        }
        for child in item.children {
            switch child.localName {
            case "qti-response-declaration", "qti-outcome-declaration", "qti-item-body", "qti-response-processing": continue
            case "qti-modal-feedback":
                notes.append(ConversionNote(child.location, "item '\(itemID)': modal feedback is not kept; write the reason by hand"))
            default:
                notes.append(
                    ConversionNote(child.location, "item '\(itemID)': <\(child.name)> has no place in a Groundwork item; left out"))
            }
        }
        let body = try item.required("qti-item-body")
        var interactions: [XMLElementNode] = []
        var stack = [body]
        while let node = stack.popLast() {
            for child in node.children.reversed() {
                if child.localName.hasSuffix("-interaction") { interactions.append(child) } else { stack.append(child) }
            }
        }
        interactions.sort { ($0.location.line ?? 0, $0.location.column ?? 0) < ($1.location.line ?? 0, $1.location.column ?? 0) }
        var drafts: [DraftItem] = []
        let supported = interactions.filter {
            ["qti-choice-interaction", "qti-inline-choice-interaction", "qti-text-entry-interaction"].contains($0.localName)
        }
        for interaction in interactions where !supported.contains(where: { $0 === interaction }) {
            notes.append(
                ConversionNote(
                    interaction.location,
                    "item '\(itemID)': a <\(interaction.name)> has no Groundwork kind (choice, inline choice and text entry do); left out"))
        }
        for interaction in supported {
            let responseID = interaction.attributes["response-identifier"] ?? ""
            guard let response = responses[responseID] else {
                throw InteropError(interaction.location, "names the response '\(responseID)', which the item does not declare")
            }
            let id = DraftItem.identifier(supported.count == 1 ? itemID : "\(itemID)-\(responseID)")
            var text = QTIText { node in
                let blank = ["qti-text-entry-interaction", "qti-inline-choice-interaction"].contains(node.localName)
                if node === interaction { return blank ? "_____" : "" }
                if node.localName.hasSuffix("-interaction") { return blank ? "…" : "" }
                if node.localName.hasPrefix("qti-feedback") || node.localName.hasPrefix("qti-template")
                    || node.localName == "qti-printed-variable"
                {
                    return ""
                }
                return nil
            }
            var prompt = text.markdown(body)
            // A blank alone after the question adds nothing a short-text item does not show.
            if prompt.hasSuffix("\n\n_____") { prompt.removeLast(7) }
            if interaction.localName == "qti-choice-interaction", let own = interaction.first("qti-prompt") {
                var promptText = QTIText { _ in nil }
                let question = promptText.markdown(own)
                prompt = prompt.isEmpty ? question : prompt + "\n\n" + question
            }
            notes += text.notes
            if prompt.isEmpty { prompt = item.attributes["title"] ?? "Answer item '\(itemID)'." }
            let reason =
                "Gold from the correct response of QTI item '\(itemID)'\(supported.count == 1 ? "" : ", response '\(responseID)'")."
            guard
                let fields = try gold(
                    interaction, response: response, scoring: scoring, itemID: itemID, notes: &notes)
            else { continue }
            let kind: ItemKind
            switch interaction.localName {
            case "qti-choice-interaction": kind = response.cardinality == "single" ? .singleChoice : .multipleChoice
            case "qti-inline-choice-interaction": kind = .singleChoice
            default: kind = ["float", "integer"].contains(response.baseType) ? .numeric : .shortText
            }
            drafts.append(DraftItem(id: id, kind: kind, prompt: prompt, fields: fields, reason: reason))
        }
        if interactions.isEmpty {
            notes.append(ConversionNote(item.location, "item '\(itemID)' has no interaction to answer; left out"))
        }
        return drafts
    }

    /// Whether the mapping, not the correct response, decides the score.
    private static func usesMapping(_ response: QTIResponse, _ scoring: QTIScoring) -> Bool {
        guard let mapping = response.mapping, !mapping.entries.isEmpty else { return false }
        switch scoring {
        case .mapResponse: return true
        case .custom: return scoring.maps(response.identifier) || response.correct.isEmpty
        case .matchCorrect, .none: return response.correct.isEmpty
        }
    }

    private static func gold(
        _ interaction: XMLElementNode, response: QTIResponse, scoring: QTIScoring, itemID: String, notes: inout [ConversionNote]
    ) throws(InteropError) -> [YAMLOut.Entry]? {
        let mapped = usesMapping(response, scoring)
        guard mapped || !response.correct.isEmpty else {
            notes.append(
                ConversionNote(
                    response.node.location,
                    "item '\(itemID)': response '\(response.identifier)' has no correct response or mapping to score; left out"))
            return nil
        }
        let entries = mapped ? response.mapping?.entries ?? [] : []
        let best = entries.map(\.value).max() ?? 1
        switch interaction.localName {
        case "qti-choice-interaction", "qti-inline-choice-interaction":
            var options: [YAMLOut] = []
            var ids: [String] = []
            let inline = interaction.localName == "qti-inline-choice-interaction"
            for choice in interaction.all(inline ? "qti-inline-choice" : "qti-simple-choice") {
                guard let choiceID = choice.attributes["identifier"] else {
                    throw InteropError(choice.location, "<\(choice.name)> has no 'identifier'")
                }
                var text = QTIText { node in node.localName.hasPrefix("qti-feedback") ? "" : nil }
                let label = text.markdown(choice)
                notes += text.notes
                ids.append(choiceID)
                options.append(
                    label == choiceID || label.isEmpty
                        ? .string(choiceID) : .map([.init("id", .string(choiceID)), .init("text", .string(label))], flow: true))
            }
            let known = mapped ? entries.map(\.key) : response.correct
            for key in known where !ids.contains(key) {
                throw InteropError(
                    response.node.location,
                    "response '\(response.identifier)' names the choice '\(key)', which the interaction does not offer")
            }
            if interaction.attributes["shuffle"] == "true" {
                notes.append(ConversionNote(interaction.location, "item '\(itemID)': shuffled choices are shown in the file's order"))
            }
            if response.cardinality == "single" || inline {
                guard mapped else {
                    if response.correct.count > 1 {
                        notes.append(
                            ConversionNote(
                                response.node.location, "item '\(itemID)': only the first correct value of a single response is kept"))
                    }
                    return [.init("options", .list(options, flow: false)), .init("answer", .string(response.correct[0]))]
                }
                guard best > 0 else { return noCredit(response, itemID, &notes) }
                var credits: [YAMLOut.Entry] = []
                let fallback = (response.mapping?.defaultValue ?? 0) / best
                for choiceID in ids {
                    let credit = entries.first { $0.key == choiceID }.map { $0.value / best } ?? fallback
                    if credit != 0 { credits.append(.init(choiceID, .number(max(-1, min(1, credit))))) }
                }
                return [.init("options", .list(options, flow: false)), .init("answer", .map(credits, flow: true))]
            }
            guard mapped else {
                return [
                    .init("options", .list(options, flow: false)), .init("answer", .strings(response.correct)),
                    .init("scoring", .string("all-or-nothing")),
                ]
            }
            let positive = entries.filter { $0.value > 0 }.map(\.value).reduce(0, +)
            let scale = min(positive, response.mapping?.upperBound ?? .infinity)
            guard scale > 0 else { return noCredit(response, itemID, &notes) }
            if let fallback = response.mapping?.defaultValue, fallback != 0 {
                notes.append(
                    ConversionNote(response.node.location, "item '\(itemID)': the mapping's default value for unlisted choices is not kept")
                )
            }
            let credits = entries.filter { $0.value != 0 }.map { YAMLOut.Entry($0.key, .number(max(-1, min(1, $0.value / scale)))) }
            return [.init("options", .list(options, flow: false)), .init("answer", .map(credits, flow: true))]
        default:
            if ["float", "integer"].contains(response.baseType) {
                var variants: [YAMLOut] = []
                let values = mapped ? entries.map { ($0.key, $0.value / best) } : response.correct.map { ($0, 1.0) }
                for (text, credit) in values {
                    guard let value = Double(text), value.isFinite, abs(value) <= 1e12 else {
                        throw InteropError(
                            response.node.location, "response '\(response.identifier)' has the value '\(text)', which is not a number")
                    }
                    let tolerance = scoring.tolerance(for: response.identifier, value: value) ?? 0
                    var entry: [YAMLOut.Entry] = [.init("value", .number(value))]
                    if tolerance > 0 { entry.append(.init("tolerance", .number(tolerance))) }
                    if credit != 1 { entry.append(.init("credit", .number(max(-1, min(1, credit))))) }
                    variants.append(entry.count == 1 ? .number(value) : .map(entry, flow: true))
                }
                return [.init("answer", variants.count == 1 ? variants[0] : .list(variants, flow: false))]
            }
            if response.baseType != "string" {
                notes.append(
                    ConversionNote(
                        response.node.location,
                        "item '\(itemID)': a text entry of base type '\(response.baseType)' is read as text"))
            }
            if let mask = interaction.attributes["pattern-mask"] {
                notes.append(ConversionNote(interaction.location, "item '\(itemID)': the pattern mask '\(mask)' is not kept"))
            }
            guard best > 0 else { return noCredit(response, itemID, &notes) }
            let values = mapped ? entries : response.correct.map { QTIResponse.MapEntry(key: $0, value: 1, caseSensitive: true) }
            let caseSensitive = values.contains { $0.caseSensitive && $0.value > 0 }
            if caseSensitive && values.contains(where: { !$0.caseSensitive }) {
                notes.append(
                    ConversionNote(
                        response.node.location,
                        "item '\(itemID)': some answers ignore case and others do not; Groundwork has one setting per item, so every answer is matched with case"
                    ))
            }
            let variants = values.map { entry -> YAMLOut in
                let credit = max(-1, min(1, entry.value / (mapped ? best : 1)))
                return credit == 1
                    ? .string(entry.key) : .map([.init("text", .string(entry.key)), .init("credit", .number(credit))], flow: true)
            }
            var fields: [YAMLOut.Entry] = [.init("answer", .list(variants, flow: false))]
            if caseSensitive { fields.insert(.init("case-sensitive", .bool(true)), at: 0) }
            return fields
        }
    }

    private static func noCredit(_ response: QTIResponse, _ itemID: String, _ notes: inout [ConversionNote]) -> [YAMLOut.Entry]? {
        notes.append(ConversionNote(response.node.location, "item '\(itemID)': no response earns a positive score; left out"))
        return nil
    }
}
