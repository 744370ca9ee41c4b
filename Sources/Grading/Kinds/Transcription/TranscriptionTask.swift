/// What the learner sees of a transcription item: the audio and its length.
public struct TranscriptionTask: Sendable, Hashable, Codable {
    public let audio: String?
    /// Length in seconds, when the author gives it.
    public let duration: Double?
}
