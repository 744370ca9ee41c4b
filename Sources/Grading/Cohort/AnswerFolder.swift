internal import Foundation

/// A folder of answers files read as a cohort: one sheet per learner.
///
/// Every `*.json` file is read and checked against the assessment; a file that cannot be used
/// is kept as a problem, never fatal, so one broken file does not hide a cohort. Two files
/// naming the same learner (two exported attempts, or a copy) would count that learner
/// twice, so only one is kept: the latest attempt when both carry their dates (an export
/// does), else the last file in name order; each such choice is reported as a
/// ``DuplicateLearner``. A sheet without a learner name is identified by its file.
public struct AnswerFolder: Sendable {
    /// One learner's sheet and the file it came from.
    public struct Entry: Sendable {
        public var file: String
        public var sheet: AnswerSheet
        /// The learner's name, else the file's name without `.json`.
        public var learner: String {
            sheet.learner ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        }
    }

    /// A learner named by more than one file, and the file kept.
    public struct DuplicateLearner: Sendable, Equatable, CustomStringConvertible {
        public var learner: String
        public var kept: String
        public var dropped: [String]
        /// Why `kept` won: the latest attempt, or the last file in name order.
        public var byDate: Bool

        public var description: String {
            let rule = byDate ? "the latest attempt" : "the last file in name order; add dates to choose by time"
            return "learner '\(learner)' is named by \(dropped.count + 1) files; keeping \(kept) (\(rule)), "
                + "leaving out \(dropped.joined(separator: ", "))"
        }
    }

    public var entries: [Entry]
    public var problems: [AnswerSheetError]
    public var duplicates: [DuplicateLearner]
    /// How many `*.json` files the folder held.
    public var files: Int

    /// Reads every `*.json` file in `folder` (not its subfolders), in name order. The files
    /// are read and checked over every core, a batch at a time; what is kept and reported
    /// does not depend on the timing.
    ///
    /// - Parameter progress: Called once per file read (after each batch, on the calling
    ///   thread), for a progress bar.
    /// - Throws: ``AnswerSheetError`` when the folder cannot be listed or holds no `*.json` file.
    public static func load(_ folder: String, for assessment: Assessment, progress: () -> Void = {}) throws(AnswerSheetError)
        -> AnswerFolder
    {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw AnswerSheetError(path: folder, problems: ["cannot be listed; check that it is a folder you may read"])
        }
        guard !names.isEmpty else { throw AnswerSheetError(path: folder, problems: ["holds no answers files (*.json)"]) }
        let base = URL(fileURLWithPath: folder)
        let paths = names.map { base.appendingPathComponent($0).path }
        var read: [Entry] = []
        var problems: [AnswerSheetError] = []
        var start = 0
        while start < paths.count {
            let batch = Array(paths[start..<min(start + batchSize, paths.count)])
            let loaded = batch.orderedParallelMap { path in
                Result { () throws(AnswerSheetError) in Entry(file: path, sheet: try AnswerSheet.load(path: path, for: assessment)) }
            }
            for outcome in loaded {
                switch outcome {
                case .success(let entry): read.append(entry)
                case .failure(let error): problems.append(error)
                }
                progress()
            }
            start += batch.count
        }
        let (entries, duplicates) = keepOnePerLearner(read)
        return AnswerFolder(entries: entries, problems: problems, duplicates: duplicates, files: names.count)
    }

    /// Files read between two rounds of progress calls.
    private static let batchSize = 500

    /// One entry per learner name, in the order first seen; unnamed sheets are all kept.
    static func keepOnePerLearner(_ entries: [Entry]) -> ([Entry], [DuplicateLearner]) {
        var groups: [String: [Entry]] = [:]
        var order: [String] = []
        for entry in entries {
            let key = entry.sheet.learner.map { "learner:" + $0 } ?? "file:" + entry.file
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry)
        }
        var kept: [Entry] = []
        var duplicates: [DuplicateLearner] = []
        for key in order {
            let group = groups[key] ?? []
            let dated = group.allSatisfy { $0.sheet.origin != nil }
            // Name order is the input order; a stable choice of the maximum keeps the last of equals.
            let chosen = group.enumerated().max { a, b in
                dated ? (a.element.sheet.origin!.moment, a.offset) < (b.element.sheet.origin!.moment, b.offset) : a.offset < b.offset
            }!.element
            kept.append(chosen)
            if group.count > 1 {
                duplicates.append(
                    DuplicateLearner(
                        learner: chosen.learner, kept: chosen.file, dropped: group.map(\.file).filter { $0 != chosen.file }, byDate: dated))
            }
        }
        return (kept, duplicates)
    }
}
