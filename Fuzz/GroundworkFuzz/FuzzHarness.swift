import Courseware
import Foundation
import Grading
import TestSupport

/// Makes fuzz inputs from the shipped course and practice tests and feeds each to every code
/// path that reads that kind of file: parsing, checking, rendering, an attempt, grading and
/// the report. Nothing may trap, and nothing may take long.
///
/// Inputs are numbered: input `index` of a format under `seed` is always the same bytes, so a
/// run can stop after a crash and go on from the next, and any input can be made again.
public final class FuzzHarness {
    /// The package folder (holding `Content/` and `Assessments/`).
    public let package: String
    /// A scratch folder for the courses inputs are written into.
    let workspace: String
    private var seeds: [FuzzFormat: [(path: String, bytes: [UInt8])]] = [:]
    private var assessments: [String: Assessment] = [:]

    /// - Parameters:
    ///   - package: The folder holding `Content/` and `Assessments/`.
    ///   - workspace: An empty folder the harness may write courses into.
    public init(package: String, workspace: String) throws {
        self.package = package
        self.workspace = workspace
        let files =
            Self.files(under: package + "/Content", relativeTo: package) + Self.files(under: package + "/Assessments", relativeTo: package)
        for format in FuzzFormat.allCases {
            seeds[format] = try files.filter(format.isSeed).map { relative in
                (relative, Array(try Data(contentsOf: URL(fileURLWithPath: package + "/" + relative))))
            }
        }
        try prepareCourses()
    }

    /// Input `index` of `format` under `seed`: a shipped file of that format, mutated.
    public func input(_ format: FuzzFormat, seed: UInt64, index: Int) -> FuzzInput {
        let pool = seeds[format] ?? []
        let salt = UInt64(FuzzFormat.allCases.firstIndex(of: format) ?? 0) << 56
        var generator = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(index) ^ salt)
        guard !pool.isEmpty else { return FuzzInput(format: format, bytes: [], companion: "content") }
        let chosen = pool[generator.int(pool.count)]
        let bytes = Mutator(donors: pool.map(\.bytes)).mutate(chosen.bytes, using: &generator)
        return FuzzInput(format: format, bytes: bytes, companion: Self.companion(of: chosen.path))
    }

    /// Runs every reader of the input's format over it.
    public func exercise(_ input: FuzzInput) {
        switch input.format {
        case .lesson, .summary:
            let folder = workspace + "/" + input.format.rawValue
            _ = FileManager.default.createFile(atPath: folder + "/" + input.format.fileName, contents: Data(input.bytes))
            guard let course = try? CourseLoader.load(from: folder) else { return }
            _ = CourseChecker.check(course)
            for lesson in course.lessons + course.unlistedLessons where lesson.path == input.format.fileName || input.format == .summary {
                _ = HTMLRenderer(allowsRawHTML: course.allowsRawHTML).render(lesson.document)
                _ = TerminalRenderer(width: 60).render(lesson.document)
                _ = lesson.document.root.dump()
            }
        case .assessment, .items:
            let folder = package + "/Assessments/" + input.companion
            let other = input.format == .assessment ? "items.yaml" : "assessment.md"
            let companion = (try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + other))).map(Array.init) ?? []
            let given = SourceFile(path: input.format.fileName, bytes: input.bytes)
            let fixed = SourceFile(path: other, bytes: companion)
            let loaded =
                input.format == .assessment
                ? AssessmentLoader().load(assessment: given, items: fixed, folder: folder)
                : AssessmentLoader().load(assessment: fixed, items: given, folder: folder)
            if let assessment = loaded.assessment { exercise(assessment) }
        case .answers:
            guard let assessment = assessment(input.companion),
                let sheet = try? AnswerSheet.decode(input.bytes, path: input.format.fileName, for: assessment)
            else { return }
            let result = Grader().grade(sheet, for: assessment)
            _ = ReportRenderer(width: 60, includeCorrectItems: true).render(result)
            _ = result.jsonText()
        }
    }

    /// What `check`, `assessments` and `take` do with an assessment: its rules in words, the
    /// checker's gold replay, and whole attempts answered with gold and with nothing.
    private func exercise(_ assessment: Assessment) {
        _ = assessment.rulesSummary
        _ = AssessmentChecker(checkLessonLinks: false).check(assessment)
        for seed: UInt64 in [1, 2] {
            guard var session = try? AttemptSession(assessment: assessment, plan: AttemptPlan(assessment: assessment, seed: seed)) else {
                continue
            }
            _ = session.secondsLeft(at: 30)
            var elapsed = 0.0
            while let item = session.current {
                elapsed += 5
                _ = session.answer(seed == 1 ? item.content.goldResponses.first : nil, at: elapsed)
            }
            let result = session.result(learner: "fuzz")
            _ = ReportRenderer(width: 60).render(result)
            _ = result.jsonText()
        }
    }

    private func assessment(_ id: String) -> Assessment? {
        if let known = assessments[id] { return known }
        let loaded = AssessmentLoader().load(folder: package + "/Assessments/" + id).assessment
        assessments[id] = loaded
        return loaded
    }

    /// A course for lesson inputs (the input beside a shipped lesson it may link to) and a
    /// copy of the shipped course for table-of-contents inputs.
    private func prepareCourses() throws {
        let manager = FileManager.default
        let lessonCourse = workspace + "/lesson"
        try manager.createDirectory(atPath: lessonCourse, withIntermediateDirectories: true)
        try Data("# Fuzz\n\n## Module\n\n- [Input](lesson.md)\n- [Other](other.md)\n".utf8).write(
            to: URL(fileURLWithPath: lessonCourse + "/SUMMARY.md"))
        try Data(seeds[.lesson]?.first?.bytes ?? []).write(to: URL(fileURLWithPath: lessonCourse + "/other.md"))
        let summaryCourse = workspace + "/summary"
        if manager.fileExists(atPath: summaryCourse) { try manager.removeItem(atPath: summaryCourse) }
        try manager.copyItem(atPath: package + "/Content", toPath: summaryCourse)
    }

    /// `Assessments/<id>/…` → `<id>`; anything else → `content`.
    private static func companion(of relative: String) -> String {
        let parts = relative.split(separator: "/")
        return parts.first == "Assessments" && parts.count > 2 ? String(parts[1]) : "content"
    }

    /// Every regular file under `folder`, as paths relative to `root`, sorted.
    private static func files(under folder: String, relativeTo root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        let prefix = String(folder.dropFirst(root.count + 1))
        return enumerator.compactMap { $0 as? String }.map { prefix + "/" + $0 }.sorted()
    }
}
