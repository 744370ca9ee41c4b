/// How a class server (``WebServer`` with accounts) trusts what reaches it.
public struct ClassServer: Sendable {
    /// Addresses of reverse proxies whose `X-Forwarded-Proto` and `X-Forwarded-For` are
    /// believed: behind them a request's scheme and client address are the proxy's word.
    public var trustedProxies: Set<String>
    /// Mark cookies `Secure` always (the server is reached over TLS only, however that is
    /// arranged), not only when a trusted proxy says `https`.
    public var alwaysSecure: Bool

    public init(trustedProxies: Set<String> = [], alwaysSecure: Bool = false) {
        self.trustedProxies = trustedProxies
        self.alwaysSecure = alwaysSecure
    }
}
