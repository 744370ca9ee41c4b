import HTTPTypes
import Hummingbird

/// Decides which learner a request acts for. Without accounts that is always the one local
/// learner; a load benchmark (and only when the server was started with
/// `GROUNDWORK_BENCH_LEARNERS=1`) may name simulated learners in `X-Groundwork-Learner`, each
/// prefixed `bench-` so the real learner's record is never touched.
struct LearnerMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let header = HTTPField.Name("X-Groundwork-Learner")!

    /// Whether simulated learners are accepted (a benchmarking aid, off by default).
    let acceptsSimulatedLearners: Bool

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard acceptsSimulatedLearners, let name = request.headers[Self.header] else { return try await next(request, context) }
        guard (1...40).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw WebError(.badRequest, "a simulated learner's name is 1 to 40 letters, digits or '-'", field: "X-Groundwork-Learner")
        }
        var context = context
        context.learner = "bench-" + name
        return try await next(request, context)
    }
}
