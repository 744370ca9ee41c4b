internal import Foundation
internal import Grading

/// The two ways entity tags mark where an entity starts.
enum TagScheme {
    /// CoNLL-2003's original: `I-X` throughout, `B-X` only where an entity directly follows
    /// another of the same type.
    case iob1
    /// Every entity starts with `B-X` (what seqeval and most tools write today).
    case iob2
}

/// A CoNLL-2003 or IOB2 file as a test: each sentence becomes a spans item whose text is its
/// tokens joined by single spaces, and whose gold is its entities.
///
/// CoNLL-2003 lines are `token POS chunk tag`; IOB2 lines are `token tag` (the tag is always
/// the last column). Left out, with a note: the POS and chunk columns and `-DOCSTART-`
/// document breaks. An `I-X` that continues nothing is taken as the start of an entity, as
/// seqeval does by default, with a note in IOB2 where it breaks the scheme.
enum CoNLLImporter {
    static func read(_ text: String, file: String, scheme: TagScheme) throws(InteropError) -> (DraftAssessment, [ConversionNote]) {
        var sentences: [[(token: String, tag: String, line: Int)]] = []
        var current: [(token: String, tag: String, line: Int)] = []
        var notes: [ConversionNote] = []
        var noted = Set<String>()
        func noteOnce(_ key: String, _ location: SourceLocation, _ message: String) {
            if noted.insert(key).inserted { notes.append(ConversionNote(location, message)) }
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if columns.isEmpty {
                if !current.isEmpty { sentences.append(current) }
                current = []
                continue
            }
            if columns[0] == "-DOCSTART-" {
                noteOnce(
                    "docstart", SourceLocation(file: file, line: number, column: 1),
                    "-DOCSTART- document breaks are not kept; sentences become items in order")
                continue
            }
            guard columns.count >= 2 else {
                throw InteropError(
                    SourceLocation(file: file, line: number, column: 1),
                    "has a token without a tag; each line is 'token … tag', with the entity tag last")
            }
            if columns.count > 2 {
                noteOnce(
                    "columns", SourceLocation(file: file, line: number, column: columns[0].count + 2),
                    "the columns between the token and the entity tag (part of speech, chunk) are not kept")
            }
            let tag = columns[columns.count - 1]
            guard tag == "O" || ((tag.hasPrefix("B-") || tag.hasPrefix("I-")) && tag.count > 2) else {
                let column =
                    line.range(of: tag, options: .backwards).map { line.distance(from: line.startIndex, to: $0.lowerBound) + 1 } ?? 1
                throw InteropError(
                    SourceLocation(file: file, line: number, column: column),
                    "has the tag '\(tag)'; entity tags are O, B-TYPE or I-TYPE")
            }
            current.append((columns[0], tag, number))
        }
        if !current.isEmpty { sentences.append(current) }
        guard !sentences.isEmpty else { throw InteropError(SourceLocation(file: file), "holds no sentences") }
        guard sentences.count <= GradingLimits.maximumItems else {
            throw InteropError(
                SourceLocation(file: file),
                "holds \(sentences.count) sentences; a test holds at most \(GradingLimits.maximumItems), so split the file")
        }
        var labels: [String] = []
        var items: [DraftItem] = []
        for (index, sentence) in sentences.enumerated() {
            var text = ""
            var spans: [(start: Int, end: Int, label: String)] = []
            var previous = "O"
            for entry in sentence {
                if !text.isEmpty { text += " " }
                let start = text.unicodeScalars.count
                text += entry.token
                let end = text.unicodeScalars.count
                defer { previous = entry.tag }
                guard entry.tag != "O" else { continue }
                let type = String(entry.tag.dropFirst(2))
                if !labels.contains(type) { labels.append(type) }
                let continues = entry.tag.hasPrefix("I-") && previous != "O" && String(previous.dropFirst(2)) == type
                if continues, !spans.isEmpty {
                    spans[spans.count - 1].end = end
                } else {
                    if scheme == .iob2, entry.tag.hasPrefix("I-") {
                        noteOnce(
                            "iob2-\(entry.line)", SourceLocation(file: file, line: entry.line, column: 1),
                            "'\(entry.tag)' continues no entity (IOB2 starts each with B-); it is taken as the start of one")
                    }
                    spans.append((start, end, type))
                }
            }
            let answer = YAMLOut.list(
                spans.map {
                    .map(
                        [
                            .init("start", .number(Double($0.start))), .init("end", .number(Double($0.end))),
                            .init("label", .string($0.label)),
                        ], flow: true)
                },
                flow: false)
            items.append(
                DraftItem(
                    id: "sentence-\(index + 1)", kind: .spans, prompt: CoNLLFormat.prompt,
                    fields: [.init("text", .string(text)), .init("labels", .strings([])), .init("answer", answer)],
                    reason: "Gold from the entity tags of lines \(sentence[0].line)–\(sentence[sentence.count - 1].line)."))
        }
        guard !labels.isEmpty else {
            throw InteropError(SourceLocation(file: file), "has no entity tags (every tag is O); a spans item needs labels")
        }
        for index in items.indices {
            if let at = items[index].fields.firstIndex(where: { $0.key == "labels" }) { items[index].fields[at].value = .strings(labels) }
        }
        let name = (file as NSString).lastPathComponent
        return (
            DraftAssessment(
                title: (name as NSString).deletingPathExtension, instructions: "Imported from '\(name)'. \(CoNLLFormat.prompt)\n",
                items: items), notes
        )
    }
}

enum CoNLLFormat {
    static let prompt = "Mark every named entity in the sentence with its type."
}
