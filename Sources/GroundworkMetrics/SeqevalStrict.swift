extension SpanScoring {
    /// Entities as seqeval 1.2.2 decodes them in strict mode with the IOB2 scheme
    /// (`Entities(sentences, IOB2)`): an entity is a `B-X` followed by any run of `I-X` of the
    /// same type; an `I-X` that does not continue such a run belongs to no entity (default
    /// mode would start one there). A tag's first code point is its prefix, which must be
    /// `B`, `I` or `O`; its type is the rest with every leading and trailing `-` stripped
    /// (`"_"` if nothing is left). Offsets are in the concatenation of the sentences with one
    /// `"O"` after each, as ``seqevalEntities(_:)``, so the two modes are comparable.
    ///
    /// - Throws: ``MetricsError`` if a tag is empty or has another prefix (seqeval raises
    ///   IndexError, KeyError or ValueError).
    public static func seqevalStrictIOB2Entities(_ sentences: [[String]]) throws(MetricsError) -> [TagEntity] {
        var entities: [TagEntity] = []
        var offset = 0
        for (s, sentence) in sentences.enumerated() {
            var open: TagEntity?
            for (i, tag) in sentence.enumerated() {
                guard let prefix = tag.unicodeScalars.first else {
                    throw MetricsError(.invalidInput, "sentence \(s), tag \(i) is empty")
                }
                var type = String(tag.unicodeScalars.dropFirst())
                while type.unicodeScalars.first == "-" { type = String(type.unicodeScalars.dropFirst()) }
                while type.unicodeScalars.last == "-" { type = String(type.unicodeScalars.dropLast()) }
                if type.isEmpty { type = "_" }
                let position = offset + i
                switch prefix {
                case "B":
                    if let e = open { entities.append(e) }
                    open = TagEntity(type: type, first: position, last: position)
                case "I":
                    if let e = open, e.type == type {
                        open?.last = position
                    } else {
                        if let e = open { entities.append(e) }
                        open = nil
                    }
                case "O":
                    if let e = open { entities.append(e) }
                    open = nil
                default:
                    throw MetricsError(.invalidInput, "sentence \(s), tag \(i) \"\(tag)\" is not IOB2: its prefix must be B, I or O")
                }
            }
            if let e = open { entities.append(e) }
            offset += sentence.count + 1
        }
        return entities
    }

    /// Entity-level scores of seqeval 1.2.2 in strict mode with the IOB2 scheme
    /// (`precision_score`, `recall_score`, `f1_score`, `classification_report` with
    /// `mode="strict", scheme=IOB2`): entities from ``seqevalStrictIOB2Entities(_:)``, then
    /// the same per-type set matching, averages and zero_division=0 rules as
    /// ``seqeval(gold:predicted:)``. Stricter than the default mode: an answer tagged
    /// `I-PER I-PER` without its `B-PER` finds no entity, where the default mode counts one.
    ///
    /// - Throws: ``MetricsError`` if the number of sentences or any sentence length differs,
    ///   or a tag is not IOB2.
    public static func seqevalStrictIOB2(gold: [[String]], predicted: [[String]]) throws(MetricsError) -> SeqevalScores {
        try requireParallelSentences(gold, predicted)
        return seqevalScores(gold: try seqevalStrictIOB2Entities(gold), predicted: try seqevalStrictIOB2Entities(predicted))
    }
}
