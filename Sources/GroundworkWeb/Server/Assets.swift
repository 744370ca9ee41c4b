import Foundation
import HTTPTypes
import Hummingbird

/// The stylesheet, scripts and widgets shipped in the module's `Public` folder, served by
/// the binary itself (no CDN). Only files inside that folder, by known extension.
enum Assets {
    static let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml"]

    static func register(on router: Router<WebContext>) {
        let folder = Site.resourceFolder("Public")
        router.get("/assets/**") { request, _ in
            let relative = String(request.uri.path.dropFirst("/assets/".count))
            let type = types[(relative as NSString).pathExtension]
            guard let type, !relative.split(separator: "/").contains(where: { $0 == ".." || $0.hasPrefix(".") }),
                let data = FileManager.default.contents(atPath: folder + "/" + relative)
            else { throw WebError(.notFound, "no such asset") }
            return Response(
                status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
