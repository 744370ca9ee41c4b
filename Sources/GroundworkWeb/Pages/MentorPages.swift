import Foundation
import Grading
import HTTPTypes
import Hummingbird

/// The mentor's item analysis of a cohort, `/mentor/ID/stats`: the same report as
/// `groundwork stats`, over the answers files in `COHORTS/ID/` of the folder given to
/// `groundwork serve --cohorts COHORTS`. It shows every item's gold and who chose what, so it
/// exists only when the server was started with that folder (a mentor's server); read at
/// each request, so files added to the folder show at the next reload.
struct MentorPages {
    let site: Site

    func register(on router: Router<WebContext>) {
        router.get("/mentor/:id/stats") { _, context in try await site.blocking { try self.stats(context) } }
        // The same analysis as `groundwork stats ID --format json` (docs/mentors.md).
        router.get("/api/mentor/:id/stats") { _, context in
            try await site.blocking {
                let (report, _) = try self.analysis(context)
                return Response(
                    status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: report.jsonText())))
            }
        }
    }

    func stats(_ context: WebContext) throws -> Response {
        let (report, loaded) = try analysis(context)
        let problems = loaded.problems.map { URL(fileURLWithPath: $0.path).lastPathComponent + ": " + $0.problems.joined(separator: "; ") }
        return try site.page(
            "stats", title: "Item analysis — \(report.title)", context: context,
            view: StatsView(report, problems: problems, duplicates: loaded.duplicates.map(\.description)), section: "tests")
    }

    /// The cohort's analysis and the folder it was read from (for its problems).
    func analysis(_ context: WebContext) throws -> (CohortReport, AnswerFolder) {
        guard let cohorts = site.cohorts else {
            throw WebError(.notFound, "item analysis is served only by 'groundwork serve --cohorts FOLDER' (a mentor's server)")
        }
        let test = try site.assessment(try context.parameters.require("id"))
        let folder = URL(fileURLWithPath: cohorts).appendingPathComponent(test.id).path
        let loaded: AnswerFolder
        do {
            loaded = try AnswerFolder.load(folder, for: test)
        } catch {
            throw WebError(.notFound, "no answers for '\(test.id)': put its answers files in \(test.id)/ of the cohorts folder")
        }
        let report: CohortReport
        do {
            report = try CohortStatistics.analyze(loaded.entries.map(\.sheet), for: test)
        } catch {
            throw WebError(.unprocessableContent, error.message)
        }
        return (report, loaded)
    }
}

/// ``CohortReport`` with its numbers as the page writes them.
struct StatsView {
    struct Row {
        let id: String
        let kind: String
        let facility: String
        let discrimination: String
        let itemTotal: String
        let uncorrected: String
        let scoredZero: String
        let flags: [String]
    }

    struct Choice {
        let option: String
        let gold: Bool
        let count: Int
        let share: String
        let meanTotal: String
    }

    struct ChoiceTable {
        let id: String
        let choices: [Choice]
    }

    let title: String
    let learners: Int
    let small: Bool
    let summary: String
    let rows: [Row]
    let flagged: [String]
    /// Nil when no item is missed by nearly everyone.
    let nearlyAllMiss: String?
    let concepts: [String]
    let choiceTables: [ChoiceTable]
    let problems: [String]
    let duplicates: [String]

    init(_ report: CohortReport, problems: [String], duplicates: [String]) {
        func number(_ x: Double) -> String { x.isFinite ? String(format: "%.2f", x) : "n/a" }
        title = report.title
        learners = report.learners
        small = report.isSmall
        summary =
            "Mean score \(WebText.percent(report.meanScore)); \(report.passed) of \(report.learners) passed; Cronbach's alpha \(number(report.cronbachAlpha))"
            + (report.kr20.map { ", KR-20 \(number($0))" } ?? "") + "; upper and lower groups of \(report.groupSize)."
        rows = report.items.map {
            Row(
                id: $0.id, kind: $0.kind.rawValue, facility: number($0.facility), discrimination: number($0.discrimination),
                itemTotal: number($0.itemTotal), uncorrected: number($0.uncorrectedItemTotal), scoredZero: WebText.percent($0.missedBy),
                flags: $0.flags.map(\.rawValue))
        }
        flagged = report.flagged.map { "\($0.id): " + $0.flags.map(\.explanation).joined(separator: "; ") }
        let missed = report.nearlyAllMiss.map { "\($0.id) (\(WebText.percent($0.missedBy)))" }
        nearlyAllMiss = missed.isEmpty ? nil : missed.joined(separator: ", ")
        concepts = report.concepts.map { "\($0.concept): \(WebText.percent($0.meanScore)) over \($0.items.joined(separator: ", "))" }
        choiceTables = report.items.compactMap { row in
            row.choices.map { choices in
                ChoiceTable(
                    id: row.id,
                    choices: choices.map { choice in
                        let name = choice.option.map { id in choice.text.map { $0 == id ? id : "\(id) — \($0)" } ?? id }
                        return Choice(
                            option: name ?? "(no answer)", gold: choice.gold, count: choice.count, share: WebText.percent(choice.share),
                            meanTotal: choice.meanTotal.map(WebText.percent) ?? "—")
                    })
            }
        }
        self.problems = problems
        self.duplicates = duplicates
    }
}
