import Gradebook
public import Hummingbird
import NIOCore

/// Per-request state: the session's form token (``SessionMiddleware``), who is asking
/// (``AccountMiddleware`` on a class server) and how they reached the server.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token every state-changing request must carry (a form field or a header).
    public var formToken = ""
    /// The learner the request acts for: the one local learner without accounts (a
    /// benchmark may name others, see ``LearnerMiddleware``), else the signed-in account's.
    public var learner = Gradebook.localLearner
    /// Who is asking: the local user, nobody signed in, or an account.
    var viewer = Viewer.local
    /// The signed-in browser's session token (to close it at logout).
    var sessionToken: String?
    /// The address the request came from (the client's, behind a trusted proxy).
    var clientAddress: String
    /// Whether the browser reached the server over TLS (directly or through a trusted proxy):
    /// cookies are then marked `Secure`.
    var isSecure = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Bodies larger than this are refused with 413: the largest real answer (a polygon set,
    /// a long transcript) is a few kilobytes.
    public var maxUploadSize: Int { 256 * 1024 }
}

/// Who a request comes from.
enum Viewer: Sendable {
    /// The one user of a server without accounts, who may do everything it offers.
    case local
    /// Nobody is signed in on a class server.
    case anonymous
    case account(Account)

    /// The role whose pages the viewer may open; nil when signed out.
    var role: Role? {
        switch self {
        case .local: return .admin
        case .anonymous: return nil
        case .account(let account): return account.role
        }
    }

    /// Whether this is the one user of a server without accounts.
    var isLocal: Bool {
        if case .local = self { return true }
        return false
    }

    var account: Account? {
        if case .account(let account) = self { return account }
        return nil
    }

    /// The name written to the audit log for what this viewer does.
    var actor: String { account?.username ?? "local" }
}
