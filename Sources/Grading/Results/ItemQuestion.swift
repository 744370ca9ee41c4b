/// What an item showed the learner, kept with its result so a review can put the question
/// back beside the answer: the prompt, the sentence of a spans item, and the file of an
/// image or audio item (relative to the assessment's folder, as written in `items.yaml`).
///
/// It holds nothing the learner did not see while answering, so every release keeps it
/// (only items an attempt never reached drop it, since a retake may ask them).
public struct ItemQuestion: Sendable, Hashable, Codable {
    /// Markdown, as in `items.yaml`.
    public var prompt: String
    /// The text whose tokens a spans item labels.
    public var text: String?
    /// The image or audio file the item is about.
    public var media: String?

    /// What `task` shows beside `prompt`.
    init(prompt: String, task: LearnerTask) {
        self.prompt = prompt
        switch task {
        case .spans(let task): text = task.text
        case .boxes(let task), .polygons(let task): media = task.image
        case .keypoints(let task): media = task.image
        case .transcription(let task): media = task.audio
        case .timeSegments(let task): media = task.media
        case .singleChoice, .multipleChoice, .rating, .shortText, .numeric, .ranking, .pairwise, .rubric: break
        }
    }
}
