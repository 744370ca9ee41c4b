/// A link destination split into the parts Groundwork checks.
///
/// `../types/boxes.md#tight-boxes` has the local path `../types/boxes.md` and the anchor
/// `tight-boxes`; `https://…` and `mailto:…` are external and never checked (there is no
/// network to check them with); `#anchor` alone points into the same document.
struct LinkTarget {
    /// The percent-decoded path, or nil for external links and bare anchors.
    var localPath: String?
    var anchor: String?
    var isExternal: Bool

    init(_ destination: String) {
        let hashIndex = destination.firstIndex(of: "#")
        let beforeHash = hashIndex.map { destination[..<$0] } ?? destination[...]
        let pathPart = beforeHash.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        anchor = hashIndex.map { String(destination[destination.index(after: $0)...]) }
        isExternal = Self.hasScheme(destination) || destination.hasPrefix("//")
        localPath = isExternal || pathPart.isEmpty ? nil : Self.percentDecoded(String(pathPart))
    }

    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return scheme.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "."
        }
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Paths inside a course, always relative to the course folder and written with `/`.
enum CoursePath {
    /// Resolves `.` and `..` components; a path that climbs out of the folder keeps its `..`.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// The folder part of a relative path ("" for a file at the top).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `relative` resolved against the folder holding `file`.
    static func resolve(_ relative: String, from file: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        let folder = directory(of: file)
        return normalize(folder.isEmpty ? relative : folder + "/" + relative)
    }
}
