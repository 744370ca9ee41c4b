import Foundation
import Gradebook
import Grading
import Hummingbird
import Readiness

/// Pace and pay over HTTP: the page `/pay` with a calculator that is a plain GET form, and
/// `GET /api/pay`, both from the same ``PayReport`` and ``PaceReport`` the terminal prints.
struct PayPages {
    let site: Site

    /// What the calculator asked for.
    struct Query {
        var perTask: Double?
        var seconds: Double?
        var test: String?

        init(_ parameters: [String: String]) throws {
            perTask = try Self.number(parameters["per-task"], field: "per-task", in: 0.0001...10_000, what: "a price above 0")
            seconds = try Self.number(parameters["seconds"], field: "seconds", in: 0.0001...86_400, what: "seconds above 0, at most a day")
            test = parameters["test"].flatMap { $0.isEmpty ? nil : $0 }
        }

        static func number(_ text: String?, field: String, in range: ClosedRange<Double>, what: String) throws -> Double? {
            guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
                throw WebError(.badRequest, "'\(field)' must be \(what), got '\(text.prefix(40))'", field: field)
            }
            return value
        }
    }

    /// The page's and the API's content.
    struct Body: Encodable {
        let pace: PaceReport
        let pay: PayReport?
    }

    func register(on router: Router<WebContext>) {
        router.get("/pay") { request, context in
            let query = try Query(Self.parameters(request))
            return try await site.blocking { try self.page(query, context) }
        }
        router.get("/api/pay") { request, context in
            let query = try Query(Self.parameters(request))
            return try await site.blocking { Response.json(try self.body(query, context)) }
        }
    }

    static func parameters(_ request: Request) -> [String: String] {
        var parameters: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { parameters[String(key)] = String(value) }
        return parameters
    }

    func body(_ query: Query, _ context: WebContext) throws -> Body {
        var evidence = ItemEvidence.collect(from: try site.book(context).finishedAttempts(), catalog: site.catalog)
        if let test = query.test {
            _ = try site.assessment(test)
            evidence = evidence.filter { $0.assessmentID == test }
        }
        let titles = Dictionary(site.catalog.assessments.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let pace = PaceReport(evidence: evidence, titles: titles)
        guard let perTask = query.perTask else { return Body(pace: pace, pay: nil) }
        let thresholds = (try? ReadinessReport.loadMap(course: site.course, catalog: site.catalog).pay) ?? []
        let pay = PayReport(
            pricePerTask: perTask, evidence: evidence, secondsPerTask: query.seconds, thresholds: thresholds,
            hiddenGoldAccuracy: hiddenGoldAccuracy)
        return Body(pace: pace, pay: pay)
    }

    var hiddenGoldAccuracy: Double? { PayReport.hiddenGoldAccuracy(in: site.catalog) }

    func page(_ query: Query, _ context: WebContext) throws -> Response {
        let view = PayView(try body(query, context), query: query, tests: site.catalog.assessments, hiddenGold: hiddenGoldAccuracy)
        return try site.page("pay", title: "Pace and pay", context: context, view: view, section: "pay", styles: ["readiness.css"])
    }
}
