/// What a scorer measured about an answer, as data rather than sentences: the pairs it matched,
/// by how much each is off, and what was missed or extra. The web app draws its overlays
/// ("your box solid, gold dashed") from these; the terminal report says the same facts
/// (``lines``), so both front ends tell the learner one story.
///
/// Encodes as an object with a `"kind"` discriminator (`objects`, `spans`, `segments`,
/// `words`); see docs/grading.md ("Report JSON") for each shape. Kinds where nothing spatial
/// or sequential applies (choice, rating, text, numeric, ranking, pairwise) have none.
public enum ItemDetails: Sendable, Hashable, Codable {
    /// Boxes, polygons and keypoint objects.
    case objects(ObjectDetails)
    /// Text spans (NER).
    case spans(SpanDetails)
    /// Time segments.
    case segments(SegmentDetails)
    /// Transcription: the word alignment behind the WER.
    case words(WordDetails)

    private enum CodingKeys: String, CodingKey { case kind }

    private enum Kind: String, Codable {
        case objects, spans, segments, words
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .objects: self = .objects(try ObjectDetails(from: decoder))
        case .spans: self = .spans(try SpanDetails(from: decoder))
        case .segments: self = .segments(try SegmentDetails(from: decoder))
        case .words: self = .words(try WordDetails(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .objects(let details):
            try container.encode(Kind.objects, forKey: .kind)
            try details.encode(to: encoder)
        case .spans(let details):
            try container.encode(Kind.spans, forKey: .kind)
            try details.encode(to: encoder)
        case .segments(let details):
            try container.encode(Kind.segments, forKey: .kind)
            try details.encode(to: encoder)
        case .words(let details):
            try container.encode(Kind.words, forKey: .kind)
            try details.encode(to: encoder)
        }
    }
}
