import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// What every page's frame needs: its title, the form token, which part of the site it is in.
struct PageFrame {
    let title: String
    let csrf: String
    let section: String
    let view: Any
    /// Extra scripts the page needs (file names under /assets/).
    let scripts: [String]
    let styles: [String]
}

extension Site {
    /// A page rendered from `template` (inside `layout`) as an HTML response.
    func page(
        _ template: String, title: String, context: WebContext, view: Any, status: HTTPResponse.Status = .ok,
        section: String = "", scripts: [String] = [], styles: [String] = []
    ) throws -> Response {
        let frame = PageFrame(title: title, csrf: context.formToken, section: section, view: view, scripts: scripts, styles: styles)
        guard let html = templates.render(frame, withTemplate: template) else {
            throw WebError(.internalServerError, "the page template '\(template)' is missing")
        }
        return Self.html(html, status: status)
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303 to `path`: the answer to a form post, so a reload never posts again.
    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }
}
