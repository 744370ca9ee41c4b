public import Courseware
internal import Foundation

/// Checks an assessment beyond what loading can see, by running its own scorers:
///
/// - every gold answer, replayed as a learner's answer, scores 100% (a gold box outside
///   the IoU it demands, a rating key whose best credit is 50%… are caught here);
/// - no answer scores 0, and an *empty* answer (no boxes, empty text) that earns credit is
///   flagged as a warning (right for "nothing to find" items, a mistake otherwise);
/// - the pass mark (and each section's) can be reached with the best answers, and every
///   critical item can get full credit;
/// - every lesson link points to an existing Markdown file and heading.
public struct AssessmentChecker: Sendable {
    /// Whether to open linked lessons (off when checking an assessment outside its course).
    public var checkLessonLinks: Bool
    /// The course, for lesson links that name a lesson by id; nil when there is none.
    public var course: Course?

    public init(checkLessonLinks: Bool = true, course: Course? = nil) {
        self.checkLessonLinks = checkLessonLinks
        self.course = course
    }

    /// Loads the folder and checks it: loader diagnostics followed by the checker's, sorted
    /// by file and position.
    public func check(folder: String) -> [Diagnostic] {
        check(AssessmentLoader().load(folder: folder))
    }

    /// Checks what ``AssessmentLoader/load(folder:)`` already read (a catalog's entry, say):
    /// its diagnostics followed by the checker's, sorted by file and position.
    public func check(_ loaded: AssessmentLoader.Loaded) -> [Diagnostic] {
        var diagnostics = loaded.diagnostics
        if let assessment = loaded.assessment { diagnostics += check(assessment) + checkAnswerSheets(assessment) }
        return diagnostics.sorted {
            ($0.path, $0.position ?? SourcePosition(line: 0, column: 0)) < ($1.path, $1.position ?? SourcePosition(line: 0, column: 0))
        }
    }

    /// Every `answers/*.json` beside the assessment (example sheets a mentor ships) must be a
    /// valid answers file for it.
    func checkAnswerSheets(_ assessment: Assessment) -> [Diagnostic] {
        let folder = (assessment.folder as NSString).appendingPathComponent("answers")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var diagnostics: [Diagnostic] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = (folder as NSString).appendingPathComponent(name)
            do {
                _ = try AnswerSheet.load(path: path, for: assessment).requireReadable(path: path)
            } catch {
                var sink = DiagnosticSink(path: path)
                for problem in error.problems { sink.report(.badAnswersFile, at: error.position, problem) }
                diagnostics += sink.diagnostics
            }
        }
        return diagnostics
    }

    /// Prerequisites must be assessments beside this one; rules that only apply in one mode
    /// or cannot be met as written are flagged.
    func checkPolicy(_ assessment: Assessment, sink: inout DiagnosticSink) {
        let parent = (assessment.folder as NSString).deletingLastPathComponent
        for requirement in assessment.requirements where !assessment.folder.isEmpty {
            let marker = ((parent as NSString).appendingPathComponent(requirement.value) as NSString).appendingPathComponent(
                "assessment.md")
            if !FileManager.default.fileExists(atPath: marker) {
                sink.report(
                    .unknownPrerequisite, at: requirement.position,
                    "'requires' names \(Quote.text(requirement.value)), which is not an assessment in \(parent); use the folder name of the test to pass first"
                )
            }
            if requirement.value == assessment.id {
                sink.report(.unknownPrerequisite, at: requirement.position, "an assessment cannot require itself")
            }
        }
        let policy = assessment.policy
        if policy.removalBelow != nil, policy.mode != .work {
            sink.report(
                .policyConflict, at: assessment.policyPosition, "'removal-below' only applies in work mode; set 'mode: work' or remove it")
        }
        if policy.navigation == .nonlinear {
            if policy.showReasons == .afterEach {
                sink.report(
                    .policyConflict, at: assessment.policyPosition,
                    "'navigation: nonlinear' lets a learner change an answer after its reason was shown; use 'show-reasons: at-end' or 'never', or 'navigation: linear'"
                )
            }
            if ![.quiz, .exam].contains(policy.mode) {
                sink.report(
                    .policyConflict, at: assessment.policyPosition,
                    "'navigation: nonlinear' applies to quiz and exam modes only (\(policy.mode.rawValue) mode moves on by its own rules); remove it or change 'mode'"
                )
            }
        }
        if let sample = policy.sample, sample > assessment.items.count {
            sink.report(
                .policyConflict, at: assessment.policyPosition,
                "'sample' asks for \(sample) items but there are only \(assessment.items.count); every attempt will ask them all")
        }
        if !assessment.items.contains(where: \.isGold) {
            sink.report(.noItems, at: assessment.policyPosition, "no item is scored: every item is 'gold: false'")
        }
    }

    /// The checker's own diagnostics for an already-loaded assessment.
    public func check(_ assessment: Assessment) -> [Diagnostic] {
        var items = DiagnosticSink(path: assessment.itemsPath)
        var header = DiagnosticSink(path: assessment.assessmentPath)
        var best: [String: Double] = [:]
        var lessonAnchors: [String: [String]?] = [:]
        for item in assessment.items {
            best[item.id] = checkScoring(item, sink: &items)
            if checkLessonLinks, let lesson = item.lesson {
                checkLesson(lesson, of: item, folder: assessment.folder, anchorsByPath: &lessonAnchors, sink: &items)
            }
        }
        if assessment.items.isEmpty { return items.diagnostics + header.diagnostics }
        let reachable = weightedBest(assessment.items, best)
        if reachable < assessment.passMark - 1e-9 {
            header.report(
                .passMarkUnreachable, at: assessment.passMarkPosition,
                "pass mark \(Format.precisePercent(assessment.passMark)) cannot be reached: the best possible answers score \(Format.precisePercent(reachable)); lower the pass mark or fix the items whose gold earns less than 100%"
            )
        }
        for section in assessment.sections {
            let members = assessment.items.filter { $0.section == section.id }
            if members.isEmpty {
                header.report(
                    .unknownSection, at: assessment.passMarkPosition, "section '\(section.id)' has no items; put items in it or remove it")
                continue
            }
            if let mark = section.passMark {
                let sectionBest = weightedBest(members, best)
                if sectionBest < mark - 1e-9 {
                    header.report(
                        .passMarkUnreachable, at: assessment.passMarkPosition,
                        "section '\(section.id)' needs \(Format.precisePercent(mark)) but its best possible score is \(Format.precisePercent(sectionBest))"
                    )
                }
            }
        }
        checkPolicy(assessment, sink: &header)
        for id in assessment.policy.criticalItems {
            if let score = best[id], score < 1 - 1e-9 {
                header.report(
                    .passMarkUnreachable, at: assessment.passMarkPosition,
                    "critical item '\(id)' can score at most \(Format.precisePercent(score)), so no attempt can pass; fix its gold")
            }
        }
        return header.diagnostics + items.diagnostics
    }

    /// Every gold span must start and end where a token does, or a learner answering by
    /// token numbers could never give it ("Google" inside one token "Google's" was).
    private func checkSelectable(_ spans: [SpanAnnotation], in task: SpanTask, of item: Item, sink: inout DiagnosticSink) {
        let tokens = AnswerInput.tokens(task.text)
        let starts = Set(tokens.map(\.start)), ends = Set(tokens.map(\.end))
        let scalars = Array(task.text.unicodeScalars)
        for span in spans where !starts.contains(span.start) || !ends.contains(span.end) {
            var covered = String.UnicodeScalarView()
            covered.append(contentsOf: scalars[max(0, span.start)..<min(scalars.count, max(span.start, span.end))])
            let shown = tokens.filter { $0.end > span.start && $0.start < span.end }.map(\.text).joined(separator: " ")
            sink.report(
                .spanNotSelectable, at: item.position,
                "gold span '\(String(covered))' (\(span.label)) of item '\(item.id)' does not start and end at token edges, so a "
                    + "learner picking tokens ('\(shown)') cannot select it; move the span to whole tokens"
            )
        }
    }

    /// Replays the gold and empty answers; returns the best score the item can give.
    private func checkScoring(_ item: Item, sink: inout DiagnosticSink) -> Double {
        let unanswered = item.score(nil)
        if unanswered.score != 0 {
            sink.report(
                .emptyAnswerScores, at: item.position,
                "item '\(item.id)' gives \(Format.percent(unanswered.score)) with no answer at all; this is a bug in Grading, please report it"
            )
        }
        if let empty = item.content.emptyResponse, !item.content.goldResponses.contains(empty) {
            let score = item.score(empty).score
            if score > 0 {
                sink.report(
                    .emptyAnswerScores, at: item.position,
                    "an empty answer earns \(Format.percent(score)) on item '\(item.id)'; fine for a 'nothing to find' item, otherwise add the missing gold"
                )
            }
        }
        if case .spans(let task, let key) = item.content { checkSelectable(key.spans, in: task, of: item, sink: &sink) }
        var best = 0.0
        let replays = item.content.goldResponses
        for response in replays {
            let result = item.score(response)
            best = max(best, result.score)
            if result.score < 1 - 1e-9 {
                let why = result.feedback.first.map { ": \($0)" } ?? ""
                sink.report(
                    .goldNotFullCredit, at: item.position,
                    "the gold answer of item '\(item.id)' scores \(Format.precisePercent(result.score)) when replayed\(why) — give the best answer full credit or loosen the item's threshold"
                )
            }
        }
        // Pattern-only short-text keys cannot be replayed; trust their top credit.
        if replays.isEmpty, case .shortText(_, let key) = item.content {
            best = max(0, min(1, key.variants.map(\.credit).max() ?? 0))
        }
        return best
    }

    private func weightedBest(_ items: [Item], _ best: [String: Double]) -> Double {
        let weight = items.reduce(0) { $0 + $1.weight }
        return weight > 0 ? items.reduce(0) { $0 + $1.weight * (best[$1.id] ?? 0) } / weight : 0
    }

    /// A relative `path.md#anchor`, or a lesson id with its anchor, must name an existing
    /// lesson with that heading anchor.
    /// `anchorsByPath` holds each linked file's anchors, nil when it cannot be read: items
    /// link the same few lessons, and parsing a lesson again for each item was a fifth of
    /// `groundwork check`'s time.
    private func checkLesson(
        _ link: String, of item: Item, folder: String, anchorsByPath: inout [String: [String]?], sink: inout DiagnosticSink
    ) {
        guard !link.contains("://"), !link.hasPrefix("mailto:") else { return }
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let relative = String(parts[0]), anchor = parts.count > 1 ? String(parts[1]) : nil
        let position = item.lessonPosition ?? item.position
        if CourseLinks.isLessonID(link) {
            checkLesson(id: relative, anchor: anchor, of: item, at: position, sink: &sink)
            return
        }
        guard !relative.isEmpty else {
            sink.report(
                .brokenLessonLink, at: position,
                "lesson link \(Quote.text(link)) of item '\(item.id)' names no file; link to a lesson such as ../../Content/annotation-types/bounding-boxes.md#tight-boxes"
            )
            return
        }
        let path = ((folder as NSString).appendingPathComponent(relative) as NSString).standardizingPath
        if anchorsByPath[path] == nil {
            anchorsByPath[path] = .some(
                FileManager.default.contents(atPath: path).map { data in
                    let source = SourceFile(path: path, bytes: data)
                    return MarkdownDocument(source: source, markdown: FrontMatter(splitting: source).markdown).anchors
                })
        }
        guard let anchors = anchorsByPath[path] ?? nil else {
            sink.report(
                .brokenLessonLink, at: position,
                "lesson \(Quote.text(relative)) of item '\(item.id)' does not exist (looked for \(path)); fix the path relative to the assessment folder"
            )
            return
        }
        guard let anchor, !anchor.isEmpty else { return }
        checkAnchor(anchor, in: anchors, lesson: Quote.text(relative), of: item, at: position, sink: &sink)
    }

    /// `lesson: bounding-boxes#tight-boxes`: the id of a lesson of the course.
    private func checkLesson(id: String, anchor: String?, of item: Item, at position: SourcePosition?, sink: inout DiagnosticSink) {
        guard let course else {
            sink.report(
                .brokenLessonLink, at: position,
                "lesson '\(id)' of item '\(item.id)' is named by id, which needs the course to check; check with --content, or link the file"
            )
            return
        }
        let lessons = course.lessons + course.unlistedLessons
        guard let lesson = lessons.first(where: { $0.id == id }) else {
            sink.report(
                .brokenLessonLink, at: position,
                "item '\(item.id)' links to lesson '\(id)', which the course does not have ('groundwork lessons' lists the ids)"
                    + Suggestion.hint(for: id, in: lessons.map(\.id)))
            return
        }
        guard let anchor, !anchor.isEmpty else { return }
        checkAnchor(anchor, in: lesson.document.anchors, lesson: "'\(id)'", of: item, at: position, sink: &sink)
    }

    /// A missing heading is reported with the closest one and the headings the lesson has.
    private func checkAnchor(
        _ anchor: String, in anchors: [String], lesson: String, of item: Item, at position: SourcePosition?, sink: inout DiagnosticSink
    ) {
        guard !anchors.contains(anchor) else { return }
        let closest = Suggestion.closest(to: anchor, in: anchors).map { " (did you mean '#\($0)'?)" } ?? ""
        sink.report(
            .brokenLessonLink, at: position,
            "lesson \(lesson) of item '\(item.id)' has no heading '#\(anchor)'\(closest); \(Suggestion.headings(anchors))")
    }
}
