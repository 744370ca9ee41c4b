/// GIFT's escapes (`\~ \= \# \{ \} \: \\`, and `\n` for a line break), handled by swapping
/// each escaped character for a private-use stand-in before parsing, so the parser can split
/// on `~ = # { } :` freely, and swapping back in the parts it keeps.
enum GIFTText {
    private static let escapes: [(Character, Character)] = [
        ("\\", "\u{E000}"), ("~", "\u{E001}"), ("=", "\u{E002}"), ("#", "\u{E003}"), ("{", "\u{E004}"), ("}", "\u{E005}"),
        (":", "\u{E006}"),
    ]

    /// The text with every escape replaced by its stand-in (`\n` by a line break).
    static func hidingEscapes(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                if character == "n" {
                    result.append("\n")
                } else if let standIn = escapes.first(where: { $0.0 == character })?.1 {
                    result.append(standIn)
                } else {
                    result.append("\\")
                    result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }

    /// A part of parsed text as the author meant it: stand-ins back to their characters.
    static func restoring(_ text: some StringProtocol) -> String {
        String(text.map { character in escapes.first(where: { $0.1 == character })?.0 ?? character })
    }

    /// Text written into GIFT: the special characters escaped, line breaks as `\n`.
    static func escaping(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\n" {
                result += "\\n"
            } else if escapes.contains(where: { $0.0 == character }) {
                result += "\\" + String(character)
            } else {
                result.append(character)
            }
        }
        return result
    }
}
