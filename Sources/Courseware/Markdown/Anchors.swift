/// Gives headings GitHub-style anchor slugs, unique within one document.
///
/// The slug is the heading's text in lower case with everything but letters, digits,
/// marks, spaces, `-` and `_` removed, and each space turned into `-`, so
/// "Edge cases & flags" becomes `edge-cases--flags`. A repeated slug gets `-1`, `-2`, …
/// as on GitHub, so links written for GitHub work here too.
final class AnchorRegistry {
    private(set) var anchors: [String] = []
    private var seen: [String: Int] = [:]

    func register(headingText: String) -> String {
        var slug = Self.slug(headingText)
        if slug.isEmpty { slug = "section" }
        var unique = slug
        while seen[unique] != nil {
            seen[slug, default: 0] += 1
            unique = "\(slug)-\(seen[slug] ?? 0)"
        }
        seen[unique] = 0
        anchors.append(unique)
        return unique
    }

    static func slug(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
                || scalar.properties.generalCategory == .spacingMark
            {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The same rule for ASCII text, on bytes: most headings are ASCII.
    private static func asciiSlug(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                bytes.append(byte)
            case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
