/// How a message quotes text taken from a file: in '…', without control characters, and
/// shortened, so neither an escape sequence nor a megabyte written where a name belongs
/// reaches the terminal whole.
public enum Quote {
    /// Characters of a value shown before it is cut with "…".
    public static let maximumLength = 60

    /// `'text'`, sanitized and at most `limit` characters long (plus "…" when cut).
    ///
    /// ```swift
    /// Quote.text("sentiment")  // 'sentiment'
    /// ```
    public static func text(_ text: some StringProtocol, limit: Int = maximumLength) -> String {
        // Only the part shown is sanitized, so quoting a huge value costs no more than a short one.
        let shown = text.count > limit ? String(text.prefix(limit)) + "…" : String(text)
        return "'" + TerminalStyle.sanitize(shown) + "'"
    }
}
