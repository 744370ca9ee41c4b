import Foundation

/// A PostgreSQL URL as `--database` and `GROUNDWORK_DATABASE` take it:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?pool=N&schema=NAME]`.
///
/// `pool` is how many connections a process keeps (4 by default); `schema` puts the tables in
/// a schema of their own (created if missing), as the tests do. The password is used to
/// connect and never shown: ``redacted`` is the URL every message names.
struct PostgresAddress: Sendable, Equatable {
    static let defaultPoolSize = 4

    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    var poolSize: Int
    var schema: String?

    /// The URL without its password.
    var redacted: String {
        var text = "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
        var options: [String] = []
        if poolSize != Self.defaultPoolSize { options.append("pool=\(poolSize)") }
        if let schema { options.append("schema=\(schema)") }
        if !options.isEmpty { text += "?" + options.joined(separator: "&") }
        return text
    }

    /// Whether `text` is meant as a PostgreSQL URL (well formed or not) rather than a folder.
    static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres:") || text.hasPrefix("postgresql:")
    }

    /// - Throws: ``GradebookError/unavailable(path:reason:)`` naming what is wrong, with the
    ///   password of the URL replaced by `***`.
    init(_ text: String) throws(GradebookError) {
        let shown = Self.hidingPassword(text)
        func refuse(_ reason: String) -> GradebookError { .unavailable(path: shown, reason: reason) }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"), let components = URLComponents(string: text) else {
            throw refuse("not a PostgreSQL URL; write postgres://USER@HOST:PORT/DATABASE")
        }
        guard let host = components.host, !host.isEmpty else { throw refuse("the URL names no host (postgres://USER@HOST:PORT/DATABASE)") }
        guard let user = components.user, !user.isEmpty else { throw refuse("the URL names no user (postgres://USER@HOST:PORT/DATABASE)") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw refuse("the URL names no database (postgres://USER@HOST:PORT/DATABASE)")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw refuse("port \(port) is not a TCP port") }
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        self.port = port
        // URLComponents gives these decoded already (`%40` as `@`).
        self.user = user
        self.password = components.password
        self.database = database
        self.poolSize = Self.defaultPoolSize
        for item in components.queryItems ?? [] {
            switch item.name {
            case "pool":
                guard let size = item.value.flatMap(Int.init), (1...100).contains(size) else {
                    throw refuse("pool=\(item.value ?? "") is not a number of connections from 1 to 100")
                }
                poolSize = size
            case "schema":
                guard let name = item.value, Self.isPlainName(name) else {
                    throw refuse("schema=\(item.value ?? "") is not a plain name (letters, digits and '_', not starting with a digit)")
                }
                schema = name.lowercased()
            default:
                throw refuse("unknown option '\(item.name)' (known: pool, schema)")
            }
        }
    }

    /// A name safe to write into SQL unquoted.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, (1...63).contains(name.utf8.count), !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || CharacterSet.alphanumerics.contains($0)) }
    }

    /// `text` with the password between `user:` and `@` replaced, for messages about a URL that does not parse.
    static func hidingPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else { return text }
        let userInfo = text[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return text[..<text.index(after: colon)] + "***" + text[at...]
    }
}
