internal import Grading

/// An assessment's spans items as CoNLL-2003 (`token _ _ tag`, IOB1, after a `-DOCSTART-`
/// line) or IOB2 (`token tag`) sentences, tokens split as Groundwork's terminal splits them
/// (``AnswerInput/tokens(_:)``) where a span edge falls inside a word, else at spaces.
///
/// Lost, each with a note: item ids, prompts and reasons (sentences have none), labels no
/// span uses, the spacing of the text, `match: overlap`, and overlapping spans beyond the first.
enum CoNLLExporter {
    static func write(_ assessment: Assessment, scheme: TagScheme) -> (String, [ConversionNote]) {
        var notes: [ConversionNote] = []
        var lines: [String] = scheme == .iob1 ? ["-DOCSTART- -X- -X- O", ""] : []
        var number = 0
        for item in assessment.items {
            guard case .spans(let task, let key) = item.content else {
                notes.append(ExportNotes.unsupported(item, in: assessment, format: scheme == .iob1 ? "CoNLL-2003" : "IOB2"))
                continue
            }
            number += 1
            let location = item.location(in: assessment)
            let format = scheme == .iob1 ? "CoNLL-2003" : "IOB2"
            notes += ExportNotes.commonKeys(item, in: assessment, format: format)
            if item.id != "sentence-\(number)" {
                notes.append(ConversionNote(location, "item '\(item.id)': its id is not kept; it becomes sentence \(number)"))
            }
            if item.prompt != CoNLLFormat.prompt { notes.append(ConversionNote(location, "item '\(item.id)': its prompt is not kept")) }
            if key.matching == .overlap { notes.append(ConversionNote(location, "item '\(item.id)': 'match: overlap' is not kept")) }
            let unused = task.labels.filter { label in !key.spans.contains { $0.label == label } }
            if !unused.isEmpty {
                notes.append(
                    ConversionNote(location, "item '\(item.id)': labels no gold span uses (\(unused.joined(separator: ", "))) are not kept")
                )
            }
            let tokens = Self.tokens(task.text, cuts: Set(key.spans.flatMap { [$0.start, $0.end] }))
            if tokens.map(\.text).joined(separator: " ") != task.text {
                notes.append(ConversionNote(location, "item '\(item.id)': the text's spacing is not kept; tokens are written one per line"))
            }
            var taken: [SpanAnnotation] = []
            for span in key.spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
                if taken.contains(where: { $0.start < span.end && span.start < $0.end }) {
                    notes.append(
                        ConversionNote(
                            location, "item '\(item.id)': span \(span.start)–\(span.end) ('\(span.label)') overlaps another and is left out"
                        ))
                } else {
                    taken.append(span)
                }
            }
            var previous: (span: Int, label: String)?
            for token in tokens {
                let owner = taken.firstIndex { $0.start <= token.start && token.end <= $0.end }
                var tag = "O"
                if let owner {
                    let span = taken[owner]
                    let first = token.start == span.start
                    let adjacentSameType = previous.map { $0.span != owner && $0.label == span.label } ?? false
                    switch scheme {
                    case .iob2: tag = (first ? "B-" : "I-") + span.label
                    case .iob1: tag = (first && adjacentSameType ? "B-" : "I-") + span.label
                    }
                    previous = (owner, span.label)
                } else {
                    previous = nil
                }
                lines.append(scheme == .iob1 ? "\(token.text) _ _ \(tag)" : "\(token.text) \(tag)")
            }
            lines.append("")
        }
        return (lines.joined(separator: "\n"), notes)
    }

    /// The text's whitespace-separated words as tokens, a word split further (as Groundwork's
    /// terminal splits it) only where a span starts or ends inside it, so text that came from
    /// CoNLL tokens goes back as the same tokens.
    static func tokens(_ text: String, cuts: Set<Int>) -> [(text: String, start: Int, end: Int)] {
        var words: [(text: String, start: Int, end: Int)] = []
        var current = ""
        var start = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar.properties.isWhitespace {
                if !current.isEmpty { words.append((current, start, offset)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { words.append((current, start, text.unicodeScalars.count)) }
        return words.flatMap { word -> [(text: String, start: Int, end: Int)] in
            guard cuts.contains(where: { $0 > word.start && $0 < word.end }) else { return [word] }
            return AnswerInput.tokens(word.text).map { ($0.text, $0.start + word.start, $0.end + word.start) }
        }
    }
}
