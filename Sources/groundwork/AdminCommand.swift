import ArgumentParser
import Courseware
import Foundation
import Gradebook

/// `groundwork admin`: the accounts of a class server (`serve --accounts`), from the machine
/// that holds its gradebook.
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Manage a class server's accounts: make the first admin, list accounts, reset a password.",
        subcommands: [Create.self, List.self, ResetLink.self]
    )

    /// `groundwork admin create NAME`: an account, an admin by default (the first one).
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Make an account (an admin unless --role says otherwise).",
            discussion: """
                The password is asked twice without echo; with --password-stdin it is the
                first line of standard input (for scripts), never an argument, which other
                users of the machine could read in the process list.

                Examples:
                  groundwork admin create ana
                  printf '%s\\n' "$PASSWORD" | groundwork admin create ci-admin --password-stdin
                  groundwork admin create bo --role mentor
                """
        )

        @Argument(help: "The username: 2 to 40 letters, digits, '.', '_' or '-'.") var username: String
        @Option(help: "learner, mentor or admin.") var role: String = "admin"
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @OptionGroup var data: DataOptions

        func validate() throws {
            guard Role(rawValue: role) != nil else { throw ValidationError("--role is learner, mentor or admin, not '\(role)'") }
        }

        func run() throws {
            let password = try passwordStdin ? Self.firstLine() : Self.askTwice()
            let gradebook = try data.gradebook()
            do {
                let account = try gradebook.createAccount(
                    username: username, password: password, role: Role(rawValue: role)!, actor: ContestsCommand.actor)
                print("Made \(account.role.rawValue) '\(account.username)'. Start the class server with 'groundwork serve --accounts'.")
            } catch let error as AccountError {
                throw CommandError(error.message)
            }
        }

        static func firstLine() throws -> String {
            guard let line = readLine(strippingNewline: true) else { throw CommandError("no password on standard input") }
            return line
        }

        static func askTwice() throws -> String {
            guard isatty(STDIN_FILENO) != 0 else {
                throw CommandError("standard input is not a terminal: pass --password-stdin to read the password from it")
            }
            let first = try hiddenLine("Password: ")
            do {
                try Credentials.check(password: first)
            } catch {
                throw CommandError(error.message)
            }
            guard try hiddenLine("The password again: ") == first else { throw CommandError("the two passwords differ") }
            return first
        }

        /// A line typed at the terminal with echo off (put back however the read ends).
        static func hiddenLine(_ prompt: String) throws -> String {
            FileHandle.standardError.write(Data(prompt.utf8))
            var saved = termios()
            tcgetattr(STDIN_FILENO, &saved)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
            defer {
                tcsetattr(STDIN_FILENO, TCSANOW, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
            guard let line = readLine(strippingNewline: true) else { throw CommandError("no password typed") }
            return line
        }
    }

    /// `groundwork admin list`: every account with its role.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts and their roles.")

        @OptionGroup var data: DataOptions

        func run() throws {
            let accounts = try data.gradebook().accounts()
            guard !accounts.isEmpty else {
                print("No accounts yet: 'groundwork admin create NAME' makes the first admin.")
                return
            }
            for account in accounts { print("\(account.username)\t\(account.role.rawValue)") }
        }
    }

    /// `groundwork admin reset-link NAME`: a one-time link to choose a new password.
    struct ResetLink: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-link",
            abstract: "Make a one-time link with which an account chooses a new password.",
            discussion: """
                The class server sends no mail: give the link to its owner yourself. It works
                for 24 hours and once; a new link replaces the account's earlier one. Using it
                signs the account out everywhere. The audit log records who made it.

                Examples:
                  groundwork admin reset-link ana
                  groundwork admin reset-link ana --url https://class.example.org
                """
        )

        @Argument(help: "The account's username.") var username: String
        @Option(help: "The class server's address, to print a whole link (default: the path only).") var url: String?
        @OptionGroup var data: DataOptions

        func run() throws {
            let gradebook = try data.gradebook()
            guard let account = try gradebook.account(username: username), let id = account.id else {
                throw CommandError(
                    "no account '\(TerminalStyle.sanitize(String(username.prefix(40))))'; 'groundwork admin list' lists them")
            }
            do {
                let (code, expiresAt) = try gradebook.makePasswordReset(for: id, actor: ContestsCommand.actor)
                let base = url.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? ""
                print("Reset link for '\(account.username)', valid once until \(expiresAt.formatted(.iso8601)):")
                print("\(base)/reset/\(code)")
            } catch let error as AccountError {
                throw CommandError(error.message)
            }
        }
    }
}
