/// The word alignment behind a transcription's WER, one operation per word, against the
/// accepted transcript that scored best; words are quoted as written (before normalisation
/// removed case and punctuation) wherever they can be paired with their normalised form.
public struct WordDetails: Sendable, Hashable, Codable {
    /// What the alignment did with one word.
    public enum Operation: String, Sendable, Hashable, Codable {
        /// Written as said.
        case equal
        /// Written differently.
        case substitute
        /// Said but not written.
        case delete
        /// Written but not said.
        case insert
    }

    /// One aligned word: `said` is absent for an insertion, `wrote` for a deletion.
    public struct Step: Sendable, Hashable, Codable {
        public var op: Operation
        public var said: String?
        public var wrote: String?

        public init(op: Operation, said: String?, wrote: String?) {
            self.op = op
            self.said = said
            self.wrote = wrote
        }
    }

    public var operations: [Step]

    public init(operations: [Step]) { self.operations = operations }
}
