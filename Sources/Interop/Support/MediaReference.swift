internal import Courseware
internal import Foundation

/// Images and audio an imported file names are referenced, never fetched or copied: a name
/// is kept only when the file is already inside the test's folder (at the name itself, or
/// under the folder or its `media/` by its last component). A URL, an absolute path or a
/// path leaving the folder is never followed. Anything not kept gets a note saying what to do.
enum MediaReference {
    static func resolve(_ name: String, in folder: String, at location: SourceLocation, notes: inout [ConversionNote]) -> String? {
        let manager = FileManager.default
        func exists(_ relative: String) -> Bool {
            ContainedPath.problem(with: relative, in: folder) == nil
                && manager.fileExists(atPath: (folder as NSString).appendingPathComponent(relative))
        }
        let last = (name as NSString).lastPathComponent
        let candidates = [name, last, "media/" + last].filter { !$0.isEmpty && !$0.contains("://") }
        if ContainedPath.problem(with: name, in: folder) == nil, exists(name) { return name }
        if let found = candidates.dropFirst().first(where: exists) { return found }
        let why =
            ContainedPath.problem(with: name, in: folder) != nil
            ? "is outside the test's folder (files are referenced, never fetched)" : "is not in \(folder)"
        notes.append(
            ConversionNote(
                location,
                "media \(Quote.text(name)) \(why); the item is written without it: copy the file into \(folder) and add it to the item"))
        return nil
    }
}
