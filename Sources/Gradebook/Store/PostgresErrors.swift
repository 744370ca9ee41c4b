import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

/// A transaction whose `BEGIN` failed: nothing of it ran.
struct TransactionNotBegun: Error {
    let underlying: any Error
}

/// What PostgreSQL's and the connection's errors mean for the gradebook.
enum PostgresErrors {
    /// A serialization failure or a deadlock: the transaction is rolled back and may be run again.
    static func isConflict(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    /// The connection itself failed (closed by the server, reset, never opened), not a statement.
    static func isConnectionFailure(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return error is IOError || error is ChannelError || error is QueryTimedOut }
        if let state = error.serverInfo?[.sqlState] { return state.hasPrefix("08") || state.hasPrefix("57P") }
        return [.serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown].contains(error.code)
    }

    /// The case for `error`, in words that name the server and never the password.
    static func gradebookError(_ error: any Error, address: PostgresAddress) -> GradebookError {
        let location = address.redacted
        let server = "\(address.host):\(address.port)"
        switch error {
        case let error as GradebookError:
            return error
        case let error as TransactionNotBegun:
            return gradebookError(error.underlying, address: address)
        case let error as PSQLError:
            if let info = error.serverInfo, let state = info[.sqlState] {
                let message = info[.message] ?? "error \(state)"
                switch state {
                case "28P01", "28000":
                    return .unavailable(
                        path: location, reason: "PostgreSQL at \(server) refused the login of '\(address.user)' (\(message))")
                case "3D000":
                    return .unavailable(
                        path: location,
                        reason: "PostgreSQL at \(server) has no database '\(address.database)' (createdb \(address.database))")
                case "53100": return .diskFull(path: location)
                case "25006", "42501": return .readOnly(path: location)
                case "40001", "40P01":
                    return .unavailable(path: location, reason: "too many writes conflicted at once; try again")
                default:
                    return .unavailable(path: location, reason: "PostgreSQL at \(server): \(message) (\(state))")
                }
            }
            switch error.code {
            case .connectionError:
                let cause = error.underlying.map(connectionFailure) ?? "no answer"
                return .unavailable(path: location, reason: "cannot connect to PostgreSQL at \(server) (\(cause)); is it running there?")
            case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
                return .unavailable(path: location, reason: "the connection to PostgreSQL at \(server) was lost; try again")
            case .authMechanismRequiresPassword:
                return .unavailable(
                    path: location, reason: "PostgreSQL at \(server) wants a password for '\(address.user)'; put it in the URL")
            case .unsupportedAuthMechanism:
                return .unavailable(path: location, reason: "PostgreSQL at \(server) asks for a login method Groundwork does not speak")
            default:
                return .unavailable(path: location, reason: "PostgreSQL at \(server) failed (\(error.code))")
            }
        case let error as SQLDecodingError:
            return .corrupt(path: location, reason: error.description)
        case let error as IOError:
            return .unavailable(path: location, reason: "cannot reach PostgreSQL at \(server) (\(error))")
        case let error as QueryTimedOut:
            return .unavailable(path: location, reason: "\(error) at \(server); try again")
        default:
            return .unavailable(path: location, reason: "\(error)")
        }
    }

    /// Why a connection could not be made, in a few words: "connection refused", "the name
    /// 'db' is unknown (DNS)", rather than NIO's nested description.
    static func connectionFailure(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "the name '\(error.host)' is unknown (DNS)" }
            if let first = error.connectionErrors.first?.error { return connectionFailure(first) }
        }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if error is ChannelError { return "the connection timed out" }
        return "\(error)"
    }
}
