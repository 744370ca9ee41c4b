import Foundation
import HTTPTypes
import Hummingbird

/// Where every request on a class server starts: nobody is signed in yet (so that even an
/// error page shows a visitor's menu), and, from a trusted reverse proxy only, the client's
/// scheme (`X-Forwarded-Proto`) and address (the last hop of `X-Forwarded-For`, the one the
/// proxy itself added). From anyone else those headers are ignored: a browser cannot make its
/// cookies insecure nor spread its failed logins over invented addresses.
struct ClassServerMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let proto = HTTPField.Name("X-Forwarded-Proto")!
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    let server: ClassServer

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        context.viewer = .anonymous
        context.learner = "anonymous"
        context.isSecure = server.alwaysSecure
        if server.trustedProxies.contains(context.clientAddress) {
            if request.headers[Self.proto]?.lowercased() == "https" { context.isSecure = true }
            if let hops = request.headers[Self.forwardedFor], let last = hops.split(separator: ",").last {
                let address = last.trimmingCharacters(in: .whitespaces)
                if !address.isEmpty { context.clientAddress = String(address.prefix(64)) }
            }
        }
        return try await next(request, context)
    }
}
