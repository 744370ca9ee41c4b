import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading

/// `--assessments`, shared by every command that reads practice assessments.
struct AssessmentOptions: ParsableArguments {
    /// The file that makes a folder an assessment.
    static let marker = "assessment.md"

    @Option(name: .long, help: ArgumentHelp("The folder of practice assessments.", valueName: "path"))
    var assessments: String?

    /// `--assessments`, then `GROUNDWORK_ASSESSMENTS`, then the nearest `Assessments/` folder.
    func folder() -> String? {
        if let assessments { return assessments }
        return WorkspaceFolder.find("Assessments", marker: "", environment: "GROUNDWORK_ASSESSMENTS")
    }

    /// Every assessment folder (a subfolder holding `assessment.md`) under `folder`, sorted.
    static func assessmentFolders(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map { WorkspaceFolder.join(folder, $0) }.filter {
            WorkspaceFolder.exists(WorkspaceFolder.join($0, marker))
        }
    }

    /// The folder of one assessment given by path or id.
    func resolve(_ target: String) throws -> String {
        if WorkspaceFolder.exists(WorkspaceFolder.join(target, Self.marker)) { return target }
        if target.contains("/") { throw CommandError("no assessment at '\(target)' (a folder holding \(Self.marker))") }
        guard let folder = folder() else {
            throw CommandError("no Assessments folder found; pass --assessments PATH or a path to the assessment")
        }
        let candidate = WorkspaceFolder.join(folder, target)
        if WorkspaceFolder.exists(WorkspaceFolder.join(candidate, Self.marker)) { return candidate }
        let ids = Self.assessmentFolders(in: folder).map { URL(fileURLWithPath: $0).lastPathComponent }
        let hint = Courseware.Suggestion.hint(for: target, in: ids)
        throw CommandError("no assessment '\(target)' in '\(folder)'\(hint)")
    }

    /// Loads an assessment, refusing one with errors (its grades could not be trusted).
    func load(_ target: String) throws -> Assessment {
        let folder = try resolve(target)
        let loaded = AssessmentLoader().load(folder: folder)
        guard let assessment = loaded.assessment, loaded.errors.isEmpty else {
            for diagnostic in loaded.diagnostics { Terminal.printError(diagnostic.description) }
            throw CommandError(
                "the assessment at '\(folder)' has \(loaded.errors.count) error(s); fix them first ('groundwork check \(folder)')")
        }
        return assessment
    }

    /// The assessment a recorded attempt asked: its test, or, for practice at generated
    /// items, that practice rebuilt from the attempt's seed and item ids.
    func load(recorded record: Attempt, data: DataOptions) throws -> Assessment {
        guard let sourceID = GeneratedPractice.sourceID(of: record.assessmentID) else { return try load(record.assessmentID) }
        do {
            return try data.generatedPractice().assessment(
                of: try load(sourceID), seed: UInt64(bitPattern: record.seed), itemIDs: record.itemIDs)
        } catch let error as GeneratedPracticeError {
            throw CommandError(error.description)
        }
    }

    /// The title of the test `id`, generated practice included; nil when it cannot be loaded.
    func title(of id: String) -> String? {
        if let sourceID = GeneratedPractice.sourceID(of: id) { return (try? load(sourceID)).map(GeneratedPractice.title(of:)) }
        return try? load(id).title
    }
}
