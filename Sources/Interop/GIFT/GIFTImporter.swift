internal import Foundation
internal import Grading

/// Moodle's GIFT quiz format as a test: multiple choice (one right answer, or several with
/// percentage weights), true/false, short answer and numerical questions.
///
/// | GIFT | item |
/// | --- | --- |
/// | `{=right ~wrong ~%50%half}` | single-choice; weights become credits |
/// | `{~%50%a ~%50%b ~%-100%c}` (no `=`) | multiple-choice with a credit map (the sum of ticked weights, as Moodle scores it) |
/// | `{T}`, `{FALSE}` | single-choice between True and False |
/// | `{=four =%50%4}` (only `=`) | short-text; each answer a variant with its credit |
/// | `{#1822:2}`, `{#3.141..3.142}`, `{#=1822:0 =%50%1822:2}` | numeric; a range becomes its middle ± half its width |
///
/// Kept: question names (as ids), prompts (a missing-word question's blank as `_____`),
/// per-answer feedback, and the general feedback (`####`) as the reason. Left out, each with
/// a note: matching, essay and description questions, `$CATEGORY` lines, and the `[html]`
/// text format (its text is kept as written).
enum GIFTImporter {
    static func read(_ text: String, file: String) throws(InteropError) -> (DraftAssessment, [ConversionNote]) {
        var notes: [ConversionNote] = []
        var items: [DraftItem] = []
        var ids = Set<String>()
        for block in blocks(text) {
            let location = SourceLocation(file: file, line: block.line, column: 1)
            if block.text.hasPrefix("$CATEGORY:") {
                notes.append(ConversionNote(location, "the category line is not kept; Groundwork tests have no question categories"))
                continue
            }
            guard let item = try question(block.text, location: location, notes: &notes) else { continue }
            var draft = item
            var id = draft.id
            while !ids.insert(id).inserted { id += "-2" }
            draft.id = id
            items.append(draft)
        }
        guard !items.isEmpty else { throw InteropError(SourceLocation(file: file), "holds no question Groundwork can use") }
        let name = (file as NSString).lastPathComponent
        return (
            DraftAssessment(
                title: (name as NSString).deletingPathExtension, instructions: "Imported from the GIFT file '\(name)'.\n", items: items),
            notes
        )
    }

    /// Questions are separated by blank lines; `//` lines are comments.
    static func blocks(_ text: String) -> [(text: String, line: Int)] {
        var blocks: [(text: String, line: Int)] = []
        var current: [String] = []
        var start = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("//") { continue }
            if trimmed.isEmpty {
                if !current.isEmpty { blocks.append((current.joined(separator: "\n"), start)) }
                current = []
            } else {
                if current.isEmpty { start = index + 1 }
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append((current.joined(separator: "\n"), start)) }
        return blocks
    }

    private static func question(_ raw: String, location: SourceLocation, notes: inout [ConversionNote]) throws(InteropError) -> DraftItem?
    {
        var text = Substring(GIFTText.hidingEscapes(raw).trimmingCharacters(in: .whitespacesAndNewlines))
        var title: String?
        if text.hasPrefix("::"), let end = text.dropFirst(2).range(of: "::") {
            title = GIFTText.restoring(text[text.index(text.startIndex, offsetBy: 2)..<end.lowerBound]).trimmingCharacters(in: .whitespaces)
            text = text[end.upperBound...].drop { $0.isWhitespace }
        }
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let format = text[text.index(after: text.startIndex)..<close]
            if format == "html" {
                notes.append(ConversionNote(location, "the [html] text format is not kept; the HTML stays in the prompt as written"))
            }
            text = text[text.index(after: close)...]
        }
        guard let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") else {
            notes.append(ConversionNote(location, "is a description (no answers); left out"))
            return nil
        }
        let before = GIFTText.restoring(text[..<open]).trimmingCharacters(in: .whitespacesAndNewlines)
        let after = GIFTText.restoring(text[text.index(after: close)...]).trimmingCharacters(in: .whitespacesAndNewlines)
        // A missing-word question's answers stand where the blank goes.
        let prompt = after.isEmpty ? before : before + " _____" + (after.allSatisfy { ".?!,;:".contains($0) } ? after : " " + after)
        var body = String(text[text.index(after: open)..<close])
        var reason: String?
        if let general = body.range(of: "####") {
            reason = GIFTText.restoring(body[general.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
            body = String(body[..<general.lowerBound])
        }
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = title ?? "line-\(location.line ?? 0)"
        let id = DraftItem.identifier(name)
        let fallbackReason = "The answer key of GIFT question '\(name)'."
        func draft(_ kind: ItemKind, _ fields: [YAMLOut.Entry]) -> DraftItem {
            DraftItem(
                id: id, kind: kind, prompt: prompt.isEmpty ? name : prompt, fields: fields,
                reason: reason.flatMap { $0.isEmpty ? nil : $0 } ?? fallbackReason)
        }
        if trimmed.isEmpty {
            notes.append(ConversionNote(location, "is an essay question, which Groundwork cannot grade; left out"))
            return nil
        }
        if trimmed.hasPrefix("#") { return draft(.numeric, [.init("answer", try numeric(trimmed.dropFirst(), location))]) }
        if let truth = trueFalse(trimmed) {
            if truth.hasFeedback { notes.append(ConversionNote(location, "feedback of a true/false answer is not kept")) }
            return draft(
                .singleChoice, [.init("options", .strings(["True", "False"])), .init("answer", .string(truth.value ? "True" : "False"))])
        }
        if trimmed.contains("->") {
            notes.append(ConversionNote(location, "is a matching question, which has no Groundwork kind; left out"))
            return nil
        }
        let answers = try self.answers(trimmed, location)
        if answers.contains(where: { $0.wrongMarker }) {
            return try choice(answers, location: location, draft: draft)
        }
        let variants = answers.map { answer -> YAMLOut in
            var entries: [YAMLOut.Entry] = [.init("text", .string(answer.text))]
            if answer.credit != 1 { entries.append(.init("credit", .number(answer.credit))) }
            if let feedback = answer.feedback { entries.append(.init("feedback", .string(feedback))) }
            return entries.count == 1 ? .string(answer.text) : .map(entries, flow: false)
        }
        return draft(.shortText, [.init("answer", .list(variants, flow: false))])
    }

    struct Answer {
        /// Written with `~` (wrong unless weighted) rather than `=` (right).
        var wrongMarker: Bool
        var credit: Double
        var text: String
        var feedback: String?
    }

    /// `=a#fb ~%50%b` → answers with credits.
    private static func answers(_ body: String, _ location: SourceLocation) throws(InteropError) -> [Answer] {
        var result: [Answer] = []
        var current: (marker: Character, text: String)?
        func flush() throws(InteropError) {
            guard let (marker, raw) = current else { return }
            var text = Substring(raw)
            var credit = marker == "=" ? 1.0 : 0.0
            if text.hasPrefix("%"), let end = text.dropFirst().firstIndex(of: "%") {
                guard let percent = Double(text[text.index(after: text.startIndex)..<end]), (-100...100).contains(percent) else {
                    throw InteropError(location, "has the weight '\(text[...end])'; weights are percentages from -100% to 100%")
                }
                credit = percent / 100
                text = text[text.index(after: end)...]
            }
            var feedback: String?
            if let hash = text.firstIndex(of: "#") {
                feedback = GIFTText.restoring(text[text.index(after: hash)...]).trimmingCharacters(in: .whitespacesAndNewlines)
                text = text[..<hash]
            }
            result.append(
                Answer(
                    wrongMarker: marker == "~", credit: credit,
                    text: GIFTText.restoring(text).trimmingCharacters(in: .whitespacesAndNewlines),
                    feedback: feedback.flatMap { $0.isEmpty ? nil : $0 }))
        }
        for character in body {
            if character == "=" || character == "~" {
                try flush()
                current = (character, "")
            } else if current != nil {
                current?.text.append(character)
            } else if !character.isWhitespace {
                throw InteropError(location, "has answers that do not start with '=' or '~'")
            }
        }
        try flush()
        guard !result.isEmpty else { throw InteropError(location, "has no answers between its braces") }
        return result
    }

    private static func choice(
        _ answers: [Answer], location: SourceLocation, draft: (ItemKind, [YAMLOut.Entry]) -> DraftItem
    ) throws(InteropError) -> DraftItem {
        var seen = Set<String>()
        for answer in answers where !seen.insert(answer.text).inserted {
            throw InteropError(location, "offers '\(answer.text)' twice; each choice must differ")
        }
        let options = YAMLOut.list(
            answers.map { answer in
                answer.feedback.map { .map([.init("text", .string(answer.text)), .init("feedback", .string($0))], flow: false) }
                    ?? .string(answer.text)
            }, flow: false)
        let credits = YAMLOut.map(answers.filter { $0.credit != 0 }.map { .init($0.text, .number($0.credit)) }, flow: true)
        if answers.contains(where: { !$0.wrongMarker }) {
            let right = answers.filter { $0.credit == 1 && !$0.wrongMarker }
            let plain = right.count == 1 && answers.allSatisfy { $0.credit == 0 || $0.text == right[0].text }
            return draft(.singleChoice, [.init("options", options), .init("answer", plain ? .string(right[0].text) : credits)])
        }
        guard answers.contains(where: { $0.credit > 0 }) else {
            throw InteropError(location, "has no right answer: mark one with '=' or give some a positive weight")
        }
        return draft(.multipleChoice, [.init("options", options), .init("answer", credits)])
    }

    private static func trueFalse(_ body: String) -> (value: Bool, hasFeedback: Bool)? {
        let parts = body.split(separator: "#", maxSplits: 1)
        switch parts.first.map({ $0.trimmingCharacters(in: .whitespaces).uppercased() }) {
        case "T", "TRUE": return (true, parts.count > 1)
        case "F", "FALSE": return (false, parts.count > 1)
        default: return nil
        }
    }

    /// `1822:2`, `3.141..3.142`, or `=1822:0 =%50%1822:2` (each with optional `#feedback`).
    private static func numeric(_ body: Substring, _ location: SourceLocation) throws(InteropError) -> YAMLOut {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        let answers =
            trimmed.hasPrefix("=")
            ? try self.answers(trimmed, location) : [Answer(wrongMarker: false, credit: 1, text: trimmed, feedback: nil)]
        var variants: [YAMLOut] = []
        for answer in answers {
            let spec = (answer.text.split(separator: "#", maxSplits: 1).first.map(String.init) ?? answer.text).trimmingCharacters(
                in: .whitespaces)
            var value: Double, tolerance = 0.0
            if let range = spec.range(of: "..") {
                guard let low = Double(spec[..<range.lowerBound]), let high = Double(spec[range.upperBound...]), low <= high else {
                    throw InteropError(location, "has the range '\(spec)'; write LOW..HIGH with numbers")
                }
                value = (low + high) / 2
                tolerance = (high - low) / 2
            } else {
                let parts = spec.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let number = parts.first.flatMap(Double.init) else {
                    throw InteropError(location, "has the number '\(spec)'; write VALUE or VALUE:TOLERANCE")
                }
                value = number
                if parts.count > 1 {
                    guard let margin = Double(parts[1]), margin >= 0 else {
                        throw InteropError(location, "has the tolerance '\(parts[1])'; it must be a number of 0 or more")
                    }
                    tolerance = margin
                }
            }
            var entries: [YAMLOut.Entry] = [.init("value", .number(value)), .init("tolerance", .number(tolerance))]
            if answer.credit != 1 { entries.append(.init("credit", .number(answer.credit))) }
            variants.append(.map(entries, flow: true))
        }
        return .list(variants, flow: false)
    }
}
