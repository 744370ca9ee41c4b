import Foundation
import Gradebook
import Grading
import Hummingbird
import Readiness

/// "Am I ready?" over HTTP: the page `/readiness` with its checklist form, and the JSON API
/// `GET /api/readiness` and `POST /api/readiness/checklist/{entry}`. Both read the same
/// ``ReadinessReport`` the terminal prints.
struct ReadinessPages {
    let site: Site

    func register(on router: Router<WebContext>) {
        router.get("/readiness") { _, context in try await site.blocking { try self.page(context) } }
        router.post("/readiness/checklist") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking {
                try self.mark(form.value("entry") ?? "", checked: form.value("checked") == "true", context)
                return Site.redirect("/readiness#checklist")
            }
        }
        router.get("/api/readiness") { _, context in try await site.blocking { Response.json(try self.report(context)) } }
        router.post("/api/readiness/checklist/:entry") { request, context in
            let body = try await JSONBody.read(request, context: context)
            guard case .bool(let checked)? = body.optional("checked") else {
                throw WebError(.unprocessableContent, "'checked' must be true or false", field: "checked")
            }
            let entry = try context.parameters.require("entry")
            return try await site.blocking {
                try self.mark(entry, checked: checked, context)
                return Response.json(try self.report(context).checklist)
            }
        }
    }

    func page(_ context: WebContext) throws -> Response {
        let view = ReadinessView(try report(context))
        return try site.page(
            "readiness", title: "Am I ready?", context: context, view: view, section: "readiness", styles: ["readiness.css"])
    }

    func report(_ context: WebContext) throws -> ReadinessReport {
        do {
            return try ReadinessReport.load(course: site.course, catalog: site.catalog, book: site.book(context))
        } catch let error as ReadinessLoadError {
            throw WebError(.notFound, error.description)
        }
    }

    /// Ticks or unticks a checklist entry the course lists (any other id is a 404).
    func mark(_ entry: String, checked: Bool, _ context: WebContext) throws {
        let map: ReadinessMap
        do { map = try ReadinessReport.loadMap(course: site.course, catalog: site.catalog) } catch {
            throw WebError(.notFound, error.description)
        }
        guard map.checklist.contains(where: { $0.id == entry }) else {
            throw WebError(.notFound, "no checklist entry '\(entry.prefix(60))'", field: "entry")
        }
        try site.book(context).setChecklistMark(entry, checked: checked)
    }
}
