import Foundation
import Gradebook
import HTTPTypes
import Hummingbird
import Logging

/// Turns a failed request into a page a learner can read (the API keeps its JSON errors):
/// the status, one sentence and a way back. Nothing from the request is echoed unescaped.
struct ErrorPages: RouterMiddleware {
    typealias Context = WebContext

    let site: Site

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let error = error as? GradebookError, Self.isServerFault(error) {
                // Where the gradebook is and why it failed is for whoever runs the server.
                context.logger.error("\(request.method) \(request.uri.path): \(error)")
            }
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
        case let error as GradebookError:
            return describe(error)
        case let error as any HTTPResponseError:
            return (error.status, error.status.reasonPhrase, nil)
        default:
            return (.internalServerError, "something went wrong on the server; your saved answers are safe", nil)
        }
    }
}

extension ErrorPages {
    /// A gradebook failure in words for the learner: never the gradebook's path or database
    /// address (those go to the server's log), always whether anything was changed.
    static func describe(_ error: GradebookError) -> (HTTPResponse.Status, String, String?) {
        switch error {
        case .answerConflict:
            return (.conflict, "this save repeats an earlier one with a different answer; reload the page", "seq")
        case .unknownAttempt:
            return (.notFound, "there is no such attempt", nil)
        case .attemptFinished:
            return (.conflict, "this attempt is already finished; its report is on your history page", nil)
        case .heldElsewhere:
            return (.conflict, "this attempt is open somewhere else (a terminal or another window); finish or close it there", nil)
        case .busy:
            return (.serviceUnavailable, "the gradebook is busy; nothing was changed, so try again in a moment", nil)
        case .diskFull:
            return (.serviceUnavailable, "the server's disk is full; nothing was changed; tell whoever runs this server", nil)
        case .corrupt, .newerVersion, .readOnly, .unavailable:
            return (
                .serviceUnavailable,
                "the gradebook could not be used just now; nothing was changed. If this keeps happening, tell whoever runs this server (its log says why)",
                nil
            )
        }
    }

    /// Whether the failure is the server's (logged) rather than the request's.
    static func isServerFault(_ error: GradebookError) -> Bool {
        switch error {
        case .corrupt, .newerVersion, .readOnly, .diskFull, .busy, .unavailable: true
        case .unknownAttempt, .attemptFinished, .heldElsewhere, .answerConflict: false
        }
    }
}

struct ErrorView {
    let status: Int
    let reason: String
    let message: String
}
