internal import Foundation

/// Writes an imported assessment into its folder (created when missing). It refuses to
/// overwrite an existing `items.yaml` or `assessment.md`: an import never loses a mentor's
/// work.
public enum AssessmentWriter {
    /// Writes `assessment.md` and `items.yaml` into `folder`.
    ///
    /// - Parameter source: the imported file, named in the header comment of `items.yaml`.
    /// - Throws: ``InteropError`` when either file exists or the folder cannot be written.
    public static func write(_ draft: DraftAssessment, into folder: String, source: String) throws(InteropError) {
        let manager = FileManager.default
        let files = [("assessment.md", draft.assessmentText()), ("items.yaml", draft.itemsText(source: source))]
        for (name, _) in files {
            let path = (folder as NSString).appendingPathComponent(name)
            if manager.fileExists(atPath: path) {
                throw InteropError(
                    SourceLocation(file: path), "already exists; import into a new folder, or move this test's files away first")
            }
        }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
            }
        } catch {
            throw InteropError(SourceLocation(file: folder), "cannot be written (\(error.localizedDescription))")
        }
    }
}
