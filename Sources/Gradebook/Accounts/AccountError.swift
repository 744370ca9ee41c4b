/// A refused account operation, in a sentence fit for the person who tried it. Never says
/// whether a username exists when a login fails.
public struct AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A username or password that breaks the rules, or a taken username.
        case invalid
        /// Wrong username or password.
        case badCredentials
        /// Too many failed logins lately; try again after the date.
        case throttled
        /// An unknown, used-up or expired invitation, cohort or account.
        case notFound
    }

    public let kind: Kind
    public let message: String
    /// The form field the message is about, when there is one.
    public let field: String?

    public init(_ kind: Kind, _ message: String, field: String? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
    }

    public var description: String { message }
}
