/// Size limits on untrusted input, so a hostile or broken file cannot make grading slow or
/// crash it. Every limit is far above what a real assessment or answer needs.
public enum GradingLimits {
    /// Largest `assessment.md`, `items.yaml` or `answers.json` read, in bytes (4 MiB).
    public static let maximumFileBytes = 4 * 1024 * 1024
    /// Most elements in one answer (boxes, spans, segments, ranked candidates…); object
    /// matching is cubic in this number.
    public static let maximumAnswerElements = 500
    /// Longest text answer (transcription, short text, reason), in Unicode scalars;
    /// word alignment is quadratic in its length.
    public static let maximumAnswerTextLength = 20_000
    /// Most items in one assessment.
    public static let maximumItems = 2_000
    /// Largest magnitude of a number read from a file whose key sets no tighter range
    /// (coordinates, values, tolerances, counts): far beyond any real one, and small enough that
    /// sums and products of such numbers stay finite and convert to whole numbers safely.
    public static let maximumMagnitude = 1e12
    /// The range of any number read from a file unless its key says less.
    public static let numbers = -maximumMagnitude...maximumMagnitude
    /// The range of any whole number read from a file unless its key says less.
    public static let integers = -Int(maximumMagnitude)...Int(maximumMagnitude)
    /// Heaviest item `weight`: a thousand times an ordinary item.
    public static let maximumWeight = 1_000.0
    /// Longest `time-limit`, in minutes (7 days).
    public static let maximumTimeLimitMinutes = 7 * 24 * 60.0
    /// Longest `retake-delay`, in minutes (365 days).
    public static let maximumRetakeDelayMinutes = 365 * 24 * 60.0
    /// Longest audio clip (`duration`), in seconds (24 hours).
    public static let maximumDurationSeconds = 24 * 60 * 60.0
    /// Largest image side (`size`), in pixels.
    public static let maximumImageSide = 100_000.0
    /// Most words a pairwise reason may be required to have (`min-words`); a reason holds at
    /// most ``maximumAnswerTextLength`` characters.
    public static let maximumMinimumWords = 1_000
    /// Most steps on a rating scale (a pairwise dimension's or a rating item's).
    public static let maximumScaleSteps = 100
    /// Most vertices in one polygon, gold or answer: checking that a polygon is simple and
    /// intersecting two polygons take time that grows with the product of their sizes.
    public static let maximumPolygonVertices = 1_000
}
