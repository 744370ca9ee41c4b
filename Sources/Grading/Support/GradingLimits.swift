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
}
