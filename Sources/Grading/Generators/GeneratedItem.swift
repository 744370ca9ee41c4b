/// One item a generator made: its entry for `items.yaml` (gold included, true by
/// construction) and the media files the entry names, described rather than rendered so
/// that the gold can be checked without drawing or synthesising anything.
struct GeneratedItem: Sendable {
    /// The item as written in `items.yaml`, field by field.
    var entry: [String: JSONValue]
    var media: [GeneratedMedia]
}

/// A media file of a generated item, named as its item names it.
struct GeneratedMedia: Sendable, Hashable {
    enum Content: Sendable, Hashable {
        /// A drawing, complete.
        case svg(String)
        /// Sound events at known times, made here sample by sample (``SoundEventGenerator``).
        case sounds(SoundScene)
        /// Words for the speech synthesiser to say.
        case speech(String)
    }

    var name: String
    var content: Content
}

extension JSONValue {
    /// A list of numbers, for coordinates and sizes.
    static func numbers(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }

    /// A list of strings, for labels and concepts.
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}
