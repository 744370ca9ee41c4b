/// What the learner sees of a box or polygon item: the image, its size and the labels.
public struct ImageTask: Sendable, Hashable, Codable {
    /// The image file beside `items.yaml` (nil when the prompt describes the scene).
    public let image: String?
    public let width: Double
    public let height: Double
    public let labels: [String]

    /// Reads `image`, `size` and `labels`.
    static func parse(_ fields: inout YAMLFields, _ parser: inout ItemParser) -> ImageTask? {
        let image = parser.media(&fields, "image")
        let size = parser.imageSize(&fields)
        let labels = parser.labels(&fields, example: "[car, person]")
        guard let size, let labels else { return nil }
        return ImageTask(image: image, width: size.width, height: size.height, labels: labels)
    }

    /// Whether a point lies on the image (edges included).
    func contains(x: Double, y: Double) -> Bool {
        x >= 0 && y >= 0 && x <= width && y <= height
    }
}
