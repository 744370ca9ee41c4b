import Foundation

/// Finds a file a course or a test names, only inside its own folder: no `..` out of it, no
/// symbolic link that leads outside, only the kinds of file a page shows or plays. Anything
/// else is "not found", so a path guess learns nothing.
enum SafeFiles {
    /// Content types of the files that may be served, by extension. Answer keys
    /// (`*.truth.json`) and everything else are never served.
    static let types: [String: String] = [
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "wav": "audio/wav", "mp3": "audio/mpeg", "ogg": "audio/ogg", "oga": "audio/ogg",
        "flac": "audio/flac", "m4a": "audio/mp4", "mp4": "video/mp4", "webm": "video/webm",
    ]

    /// The real path of `relative` inside `root`, when it is a servable regular file there.
    static func resolve(_ relative: String, inside root: String) -> (path: String, type: String)? {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\0"),
            !relative.split(separator: "/").contains(where: { $0 == ".." }),
            let type = types[(relative as NSString).pathExtension.lowercased()]
        else { return nil }
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        let real = URL(fileURLWithPath: root).appendingPathComponent(relative).resolvingSymlinksInPath().path
        guard real.hasPrefix(realRoot + "/") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return (real, type)
    }
}
