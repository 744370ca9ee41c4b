import Foundation
import Gradebook
import Grading
import Hummingbird
import Readiness

/// Review that comes back: `/review` lists the missed items due again, by test, each test
/// with its Practise button (practising is reviewing) and, where a generator makes the
/// missed items' kind, a button for fresh variants of them, and `GET /api/review` returns the
/// whole SM-2 schedule.
struct ReviewPages {
    let site: Site

    struct TestGroup {
        let id: String
        let title: String
        let items: String
        let count: Int
        /// Due items of kinds no generator makes: practising the test asks them again.
        let asked: Bool
        /// Due items of kinds a generator makes: fresh variants review them.
        let fresh: Bool
    }

    struct View {
        let groups: [TestGroup]
        let dueCount: Int
        let nextDue: String?
        let nothingMissed: Bool
    }

    func register(on router: Router<WebContext>) {
        router.get("/review") { _, context in try await site.blocking { try self.page(context) } }
        router.get("/api/review") { _, context in try await site.blocking { Response.json(try self.schedule(context)) } }
    }

    func schedule(_ context: WebContext) throws -> ReviewSchedule {
        try ReviewSchedule.load(book: site.book(context), catalog: site.catalog)
    }

    /// The generators that can make fresh variants for the test `id` here.
    private func freshGenerators(_ id: String) -> [ItemGenerator] {
        (try? site.catalog.assessment(id: id)).map(site.freshGenerators(for:)) ?? []
    }

    func page(_ context: WebContext) throws -> Response {
        let schedule = try schedule(context)
        let due = schedule.due
        var order: [String] = []
        for card in due where !order.contains(card.assessmentID) { order.append(card.assessmentID) }
        let groups = order.map { id in
            let cards = due.filter { $0.assessmentID == id }
            return TestGroup(
                id: id, title: (try? site.catalog.assessment(id: id).title) ?? id,
                items: cards.map { "\($0.itemID) (\(WebText.percent($0.lastScore)) last time)" }.joined(separator: ", "),
                count: cards.count,
                asked: cards.contains { ItemGenerator.making($0.kind) == nil } || freshGenerators(id).isEmpty,
                fresh: cards.contains { card in freshGenerators(id).contains { $0.kind == card.kind } })
        }
        let view = View(
            groups: groups, dueCount: due.count,
            nextDue: due.isEmpty ? schedule.cards.first.map { WebText.moment($0.due.date) } : nil, nothingMissed: schedule.cards.isEmpty)
        return try site.page("review", title: "Review", context: context, view: view, section: "review")
    }
}
