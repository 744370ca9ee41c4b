import Foundation
import Gradebook
import HTTPTypes
import Hummingbird

/// Turns a failed request into a page a learner can read (the API keeps its JSON errors):
/// the status, one sentence and a way back. Nothing from the request is echoed unescaped.
struct ErrorPages: RouterMiddleware {
    typealias Context = WebContext

    let site: Site

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, message, field) = Self.describe(error)
            if request.uri.path.hasPrefix("/api/") {
                return try WebError(status, message, field: field).response(from: request, context: context)
            }
            let view = ErrorView(status: Int(status.code), reason: status.reasonPhrase, message: message)
            return try site.page("error", title: status.reasonPhrase, context: context, view: view, status: status)
        }
    }

    /// Status and sentence for any error a handler may throw.
    static func describe(_ error: any Error) -> (HTTPResponse.Status, String, String?) {
        switch error {
        case let error as WebError:
            return (error.status, error.message, error.field)
        case let error as HTTPError:
            switch error.status {
            case .contentTooLarge: return (error.status, "the request is too large (at most 256 KiB are read)", nil)
            case .notFound: return (error.status, "there is no such page", nil)
            default: return (error.status, error.body ?? error.status.reasonPhrase, nil)
            }
        case let error as AttemptHeldElsewhere:
            return (.conflict, error.message, nil)
        case GradebookError.answerConflict:
            return (.conflict, "this save repeats an earlier one with a different answer; reload the page", "seq")
        case let error as GradebookError:
            return (.serviceUnavailable, "the gradebook could not be used (\(error)); nothing was changed", nil)
        case let error as any HTTPResponseError:
            return (error.status, error.status.reasonPhrase, nil)
        default:
            return (.internalServerError, "something went wrong on the server; your saved answers are safe", nil)
        }
    }
}

struct ErrorView {
    let status: Int
    let reason: String
    let message: String
}
