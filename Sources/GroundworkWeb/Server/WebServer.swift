import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// `groundwork serve`: the web app on Hummingbird, over the same course, tests and gradebook
/// as the terminal. One local learner and no login by default, bound to 127.0.0.1; with
/// accounts, a class server where learners, mentors and admins sign in.
public enum WebServer {
    /// Where to listen.
    public struct Address: Sendable {
        public var host: String
        /// 0 picks a free port.
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        /// Whether only this machine can connect.
        public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.") }
    }

    /// Runs until SIGINT or SIGTERM, calling `listening` with the address once connections
    /// are accepted.
    ///
    /// - Parameters:
    ///   - simulatedLearners: Accept `X-Groundwork-Learner` (a load benchmark's aid).
    ///   - accounts: Serve a class: sign-in, roles and cohorts; nil for the one local user.
    public static func run(
        site: Site, address: Address, simulatedLearners: Bool = false, accounts: ClassServer? = nil,
        listening: @escaping @Sendable (String) -> Void
    ) async throws {
        var logger = Logger(label: "groundwork")
        logger.logLevel = .warning
        let app = Application(
            router: router(
                site: site, allowedHosts: allowedHosts(for: address), simulatedLearners: simulatedLearners, accounts: accounts),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "Groundwork"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? address.port
                let host = address.host.contains(":") ? "[\(address.host)]" : address.host
                listening("http://\(host):\(port)")
            },
            logger: logger)
        try await app.runService()
    }

    /// Host names a browser may use to reach this server: the bound name, and for a loopback
    /// bind the usual names of this machine. A wider bind accepts any name.
    static func allowedHosts(for address: Address) -> Set<String> {
        guard address.isLoopback else { return [] }
        return [address.host, "localhost", "127.0.0.1", "::1"]
    }

    /// Every route, behind the security headers, error pages, form-token check and access
    /// rules, with the practice tests as last written; with `accounts`, also the sign-in,
    /// invitation and admin pages.
    static func router(
        site: Site, allowedHosts: Set<String> = [], simulatedLearners: Bool = false, accounts: ClassServer? = nil
    ) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityHeaders(allowedHosts: allowedHosts))
        if let accounts { router.add(middleware: ClassServerMiddleware(server: accounts)) }
        router.add(middleware: ErrorPages(site: site))
        router.add(middleware: SessionMiddleware())
        if accounts != nil {
            router.add(middleware: AccountMiddleware(site: site))
        } else {
            router.add(middleware: LearnerMiddleware(acceptsSimulatedLearners: simulatedLearners))
        }
        router.add(middleware: AccessMiddleware())
        router.add(middleware: CatalogMiddleware(site: site))
        Assets.register(on: router)
        CoursePages(site: site).register(on: router)
        TestPages(site: site).register(on: router)
        ContestPages(site: site).register(on: router)
        MentorPages(site: site).register(on: router)
        ReadinessPages(site: site).register(on: router)
        PayPages(site: site).register(on: router)
        ReviewPages(site: site).register(on: router)
        APIRoutes(site: site).register(on: router)
        MentorDashboard(site: site).register(on: router)
        if accounts != nil {
            AccountPages(site: site).register(on: router)
            AdminPages(site: site).register(on: router)
        }
        return router
    }
}
