/// Gives headings GitHub-style anchor slugs, unique within one document.
///
/// The slug is the heading's text in lower case with everything but letters, digits,
/// marks, spaces, `-` and `_` removed, and each space turned into `-`, so
/// "Edge cases & flags" becomes `edge-cases--flags`. A repeated slug gets `-1`, `-2`, …
/// as on GitHub, so links written for GitHub work here too.
final class AnchorRegistry {
    private(set) var anchors: [String] = []
    private var seen: [String: Int] = [:]

    /// Registers a heading by its text's UTF-8 bytes (as the document builder collects them,
    /// so an ASCII heading never becomes a string of its own) and returns its anchor.
    func register(headingText: [UInt8]) -> String {
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

    static func slug(_ text: [UInt8]) -> String {
        if text.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
        var result = ""
        for scalar in String(decoding: text, as: UTF8.self).lowercased().unicodeScalars {
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

    /// The same rule for ASCII text, from bytes straight into the slug's storage: most
    /// headings are ASCII, and a short slug then needs no allocation at all.
    private static func asciiSlug(_ text: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: text.count) { slug in
            var count = 0
            for byte in text {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug[count] = byte + 32
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    slug[count] = byte
                case UInt8(ascii: " "): slug[count] = UInt8(ascii: "-")
                default: continue
                }
                count += 1
            }
            return count
        }
    }
}
