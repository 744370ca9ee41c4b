import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading
import Readiness

/// `groundwork review`: the items you missed that are due again, spaced over days by SM-2;
/// practising their test reviews them.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The items you missed that are due again, spaced over days; practise their test to review them.",
        discussion: """
            An item you missed comes back a day later; each time you then get it right, it
            comes back after longer (1 day, 6 days, then growing by its easiness factor).
            Every practice run and simulated exam counts as a review of the items it asks;
            'groundwork practice ID --generated' brings missed items back as fresh
            variants of the same kind where a generator makes that kind.
            docs/readiness.md describes the schedule.

            Examples:
              groundwork review
              groundwork review --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var assessments: AssessmentOptions
    @OptionGroup var data: DataOptions
    @Option(help: "Output format: text or json.") var format: Format = .text

    func run() throws {
        guard let folder = assessments.folder() else { throw CommandError("no Assessments folder found; pass --assessments PATH") }
        let catalog = AssessmentCatalog(folder: folder)
        let book = try data.learnerBook()
        let schedule = try ReviewSchedule.load(book: book, catalog: catalog)
        if format == .json {
            print(JSONText.encode(schedule), terminator: "")
            return
        }
        let style = TerminalStyle(enabled: Terminal.usesColor)
        let renderer = Terminal.renderer()
        let due = schedule.due
        guard !due.isEmpty else {
            let next = schedule.cards.first.map { " The next is due \(TimeText.moment($0.due.date))." } ?? ""
            print(
                renderer.wrap(schedule.cards.isEmpty ? "Nothing to review: no missed items yet." : "Nothing is due for review now.\(next)"))
            return
        }
        print(style.apply([.bold], to: "\(due.count) item\(due.count == 1 ? "" : "s") to review"))
        var order: [String] = []
        for card in due where !order.contains(card.assessmentID) { order.append(card.assessmentID) }
        for id in order {
            let cards = due.filter { $0.assessmentID == id }
            let title = (try? catalog.assessment(id: id).title) ?? id
            // Kinds a generator makes come back as fresh variants; the others as themselves.
            let fresh = cards.contains { ItemGenerator.making($0.kind) != nil }
            let asked = cards.contains { ItemGenerator.making($0.kind) == nil }
            let commands = (asked ? ["groundwork practice \(id)"] : []) + (fresh ? ["groundwork practice \(id) --generated"] : [])
            print(
                "  " + TerminalStyle.sanitize(title)
                    + style.apply([.dim], to: "  " + TerminalStyle.sanitize(commands.joined(separator: "; "))))
            let items = cards.map { "\(TerminalStyle.sanitize($0.itemID)) (\(Int(($0.lastScore * 100).rounded()))% last time)" }
            print(renderer.wrap(items.joined(separator: ", "), indent: "    "))
        }
        print(
            style.apply(
                [.dim],
                to: "\n"
                    + renderer.wrap(
                        "Practising a test reviews every item it asks; a test that draws a sample may take a few runs to reach them all. "
                            + "With --generated, missed boxes, outlines, keypoints, spans, transcripts and sound events come back "
                            + "as fresh variants of the same kind, which count as reviewing them.")))
    }
}
