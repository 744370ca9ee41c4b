import Grading

/// An item's "your work over the gold" picture in the report: what the overlay script draws
/// (the learner's answer, the gold and the matching's details, as released) and the list
/// beside it that says the same for keyboard and screen-reader users, one row per pair,
/// missed gold and extra object, linked to the shapes by `data-pair`, `data-missed` and
/// `data-extra`.
struct OverlayView {
    struct Row {
        /// `pair`, `missed` or `extra` (the overlay's row attribute), or `words`.
        let attribute: String
        let value: Int
        let text: String
    }

    let kind: String
    let taskJSON: String
    let mediaURL: String?
    let responseJSON: String
    let goldJSON: String
    let detailsJSON: String
    let rows: [Row]
    /// The id of the list beside the picture.
    let listID: String

    /// The overlay of a released item result, when its kind is drawn, marked or transcribed
    /// and the policy released its details.
    init?(_ result: ItemResult, item: Item, mediaURL: String?, listID: String) {
        self.init(response: result.response, gold: result.gold, details: result.details, item: item, mediaURL: mediaURL, listID: listID)
    }

    init?(response: JSONValue?, gold: JSONValue?, details: ItemDetails?, item: Item, mediaURL: String?, listID: String) {
        guard let details, let response else { return nil }
        switch item.kind {
        case .boxes, .polygons, .keypoints, .spans, .timeSegments, .transcription: break
        case .singleChoice, .multipleChoice, .rating, .shortText, .numeric, .ranking, .pairwise, .rubric: return nil
        }
        kind = item.kind.rawValue
        taskJSON = JSONText.compact(item.content.task)
        self.mediaURL = mediaURL
        responseJSON = JSONText.compact(response)
        goldJSON = gold.map(JSONText.compact) ?? "null"
        detailsJSON = JSONText.compact(details)
        rows = Self.rows(details, kind: item.kind)
        self.listID = listID
    }

    /// The detail sentences (pairs first, then missed gold, then extra objects, as
    /// ``ItemDetails/lines(kind:)`` orders them), each tagged with what it is about.
    static func rows(_ details: ItemDetails, kind: ItemKind) -> [Row] {
        let lines = details.lines(kind: kind)
        let tags: [(String, Int)]
        switch details {
        case .objects(let found): tags = Self.tags(pairs: found.pairs.count, missed: found.missed, extra: found.extra)
        case .spans(let found): tags = Self.tags(pairs: found.pairs.count, missed: found.missed, extra: found.extra)
        case .segments(let found): tags = Self.tags(pairs: found.pairs.count, missed: found.missed, extra: found.extra)
        case .words: tags = lines.indices.map { ("words", $0) }
        }
        return zip(tags, lines).map { Row(attribute: $0.0, value: $0.1, text: $1) }
    }

    private static func tags(pairs: Int, missed: [Int], extra: [Int]) -> [(String, Int)] {
        (0..<pairs).map { ("pair", $0) } + missed.map { ("missed", $0) } + extra.map { ("extra", $0) }
    }
}
