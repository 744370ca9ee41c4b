import Hummingbird

/// Before any handler runs, brings the practice tests up to date with their files, so that
/// a request served by any of several server processes sees the gold as last written,
/// whichever process (or terminal) wrote it.
struct CatalogMiddleware: RouterMiddleware {
    typealias Context = WebContext

    let site: Site

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        try await site.refreshCatalog()
        return try await next(request, context)
    }
}
