import Foundation
import Gradebook
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
    /// The signed-in username on a class server (nil without accounts or signed out).
    let user: String?
    /// Whether the menu offers the mentor's dashboard and the admin page.
    let mentor: Bool
    let admin: Bool
    /// A class server (`serve --accounts`), and nobody signed in: the menu then offers nothing
    /// a visitor could open.
    let classServer: Bool
    let signedOut: Bool
}

extension Site {
    /// A page rendered from `template` (inside `layout`) as an HTML response.
    func page(
        _ template: String, title: String, context: WebContext, view: Any, status: HTTPResponse.Status = .ok,
        section: String = "", scripts: [String] = [], styles: [String] = []
    ) throws -> Response {
        let role = context.viewer.role
        let frame = PageFrame(
            title: title, csrf: context.formToken, section: section, view: view, scripts: scripts, styles: styles,
            user: context.viewer.account?.username, mentor: role.map { $0 >= .mentor } ?? false,
            admin: context.viewer.account?.role == .admin, classServer: !context.viewer.isLocal,
            signedOut: role == nil)
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
