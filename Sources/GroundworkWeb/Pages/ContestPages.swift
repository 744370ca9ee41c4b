import Foundation
import Gradebook
import HTTPTypes
import Hummingbird

/// The report's "I think the gold is wrong" form, and its JSON twin
/// `POST /api/attempts/ID/contests`: files a contest for a mentor to decide (`groundwork
/// contests`). The same library call as `groundwork contest`, so the gold must be released by
/// the test's policy before an item can be contested.
struct ContestPages {
    let site: Site

    /// What the API answers: the contest's number and state.
    struct ContestBody: Encodable {
        let id: Int64
        let item: String
        let status: String
    }

    func register(on router: Router<WebContext>) {
        router.post("/attempts/:attempt/contest") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking {
                let (id, _, index) = try self.file(item: form.value("item") ?? "", reason: form.value("reason") ?? "", context)
                return Site.redirect("/attempts/\(id)/report#item-\(index + 1)")
            }
        }
        router.post("/api/attempts/:attempt/contests") { request, context in
            let body = try await JSONBody.read(request, context: context)
            let (item, reason) = (try body.string("item"), try body.string("reason"))
            return try await site.blocking {
                let (_, contest, _) = try self.file(item: item, reason: reason, context)
                return Response.json(
                    ContestBody(id: contest.id ?? 0, item: contest.itemID, status: contest.status.rawValue), status: .created)
            }
        }
    }

    /// Files the contest; returns the attempt, the contest and the item's place in the report.
    func file(item: String, reason: String, _ context: WebContext) throws -> (Int64, Contest, Int) {
        let text = try context.parameters.require("attempt")
        guard let id = Int64(text), id > 0, let record = try site.book(context).attempt(id: id) else {
            throw WebError(.notFound, "no attempt '\(text.prefix(40))'")
        }
        let test = try site.assessment(for: record)
        do {
            let contest = try site.book(context).contestFromReport(attemptID: id, itemID: item, reason: reason, assessment: test)
            return (id, contest, record.itemIDs.firstIndex(of: item) ?? 0)
        } catch let error as ContestError {
            throw WebError(.unprocessableContent, error.message, field: "reason")
        }
    }
}
