import Foundation
import Gradebook
import HTTPTypes
import Hummingbird

/// The report's "I think the gold is wrong" form: files a contest for a mentor to decide
/// (`groundwork contests`). The same library call as `groundwork contest`, so the gold must
/// be released by the test's policy before an item can be contested.
struct ContestPages {
    let site: Site

    func register(on router: Router<WebContext>) {
        router.post("/attempts/:attempt/contest") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking { try self.contest(form, context) }
        }
    }

    func contest(_ form: FormFields, _ context: WebContext) throws -> Response {
        let text = try context.parameters.require("attempt")
        guard let id = Int64(text), id > 0, let record = try site.book(context).attempt(id: id) else {
            throw WebError(.notFound, "no attempt '\(text.prefix(40))'")
        }
        let test = try site.assessment(for: record)
        let item = form.value("item") ?? ""
        do {
            _ = try site.book(context).contestFromReport(attemptID: id, itemID: item, reason: form.value("reason") ?? "", assessment: test)
        } catch let error as ContestError {
            throw WebError(.unprocessableContent, error.message, field: "reason")
        }
        return Site.redirect("/attempts/\(id)/report#item-\((record.itemIDs.firstIndex(of: item) ?? 0) + 1)")
    }
}
