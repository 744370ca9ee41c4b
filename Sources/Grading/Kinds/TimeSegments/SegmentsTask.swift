/// What the learner sees of a time-segment item: the audio or video, its length and the
/// event labels.
public struct SegmentsTask: Sendable, Hashable, Codable {
    public let media: String?
    /// Length of the clip in seconds.
    public let duration: Double
    public let labels: [String]
}
