/// The generators of fresh practice items, one per item kind they make. Each makes an item
/// from a seed alone, with its gold true by construction: the scene is drawn, the sentence
/// written or the sound made *from* the gold, so the two cannot disagree. The same seed
/// always makes the same item (``SeededGenerator``), so an attempt records only the seed.
/// docs/generators.md describes each one.
public enum ItemGenerator: String, Sendable, Hashable, CaseIterable, Codable {
    /// Street scenes of cars and people, for bounding boxes.
    case streetScenes = "street-scenes"
    /// Roofs, buildings and lakes as exact polygons, for polygon outlines.
    case shapes
    /// Stick figures facing the viewer, for body keypoints.
    case poses
    /// Sentences with people, organisations, places and dates, for entity spans.
    case sentences
    /// Sentences spoken by espeak-ng, for transcription.
    case speech
    /// Beeps, buzzes, chimes, knocks and sirens at known times, for audio segments.
    case soundEvents = "sound-events"

    /// The item kind it makes.
    public var kind: ItemKind {
        switch self {
        case .streetScenes: return .boxes
        case .shapes: return .polygons
        case .poses: return .keypoints
        case .sentences: return .spans
        case .speech: return .transcription
        case .soundEvents: return .timeSegments
        }
    }

    /// The generator of fresh items of `kind`, if there is one.
    public static func making(_ kind: ItemKind) -> ItemGenerator? {
        allCases.first { $0.kind == kind }
    }

    /// Whether its media need a program this machine may lack (espeak-ng).
    public var needsSpeechSynthesis: Bool { self == .speech }

    /// The item this generator makes from `seed`, with the id `id`.
    func item(id: String, seed: UInt64) -> GeneratedItem {
        var random = SeededGenerator(seed: seed, part: rawValue)
        switch self {
        case .streetScenes: return StreetSceneGenerator.item(id: id, random: &random)
        case .shapes: return ShapeGenerator.item(id: id, random: &random)
        case .poses: return PoseGenerator.item(id: id, random: &random)
        case .sentences: return EntitySentenceGenerator.item(id: id, random: &random)
        case .speech: return SpeechGenerator.item(id: id, random: &random)
        case .soundEvents: return SoundEventGenerator.item(id: id, random: &random)
        }
    }
}
