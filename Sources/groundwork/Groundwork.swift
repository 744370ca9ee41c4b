import ArgumentParser
import Courseware
import Foundation
import Gradebook

/// The `groundwork` command: thin command types over the Courseware library.
struct Groundwork: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groundwork",
        abstract: "Learn data annotation and rehearse annotation platforms' qualification tests.",
        discussion: """
            Run without a command to see the course and what to read next.

            Examples:
              groundwork                       the course home view
              groundwork serve                 the web app: open the address it prints
              groundwork lessons               every lesson with its id and minutes
              groundwork read bounding-boxes   read a lesson and answer its quizzes
              groundwork assessments           the practice tests and their rules
              groundwork practice sentiment-quiz
                                               practise one: feedback after each answer
              groundwork take sentiment-quiz   take one as an exam under its platform's rules
              groundwork history               your attempts over time
              groundwork check Content --strict
                                               check a course the way CI does
            """,
        subcommands: [
            Home.self, Serve.self, Lessons.self, Read.self, Render.self, Assessments.self, Practice.self, Take.self, Report.self,
            History.self, ReadinessCommand.self, Pay.self, Review.self, Grade.self, Stats.self, AgreementCommand.self,
            Import.self, Export.self, Evaluate.self, ContestCommand.self, ContestsCommand.self, AdminCommand.self,
            JobsCommand.self, Worker.self, Check.self,
        ],
        defaultSubcommand: Home.self
    )

    /// Runs the command line, mapping failures to Groundwork's exit codes:
    /// 0 success, 1 problems found in content, 2 usage or input/output errors. An
    /// asynchronous command (`serve`) is awaited.
    static func start() async {
        do {
            try refuseUnknownCommand(Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot()
            if var server = command as? any AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
        } catch {
            if let message = inputOutputMessage(for: error) {
                // Wrapped for a person at a terminal; one line per message for a program reading a pipe.
                let line = "groundwork: \(TerminalStyle.sanitize(message))"
                let text = Terminal.isErrorInteractive ? Terminal.renderer().wrap(line) : line
                FileHandle.standardError.write(Data((text + "\n").utf8))
                Foundation.exit(2)
            }
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Terminal.printError(message) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    /// A first argument that is no command is a mistyped one (`raed`), not arguments for the
    /// default command, which takes none: say so with the closest command.
    static func refuseUnknownCommand(_ arguments: [String]) throws {
        guard let first = arguments.first, !first.hasPrefix("-") else { return }
        let names = (configuration.subcommands.map { $0._commandName } + ["help"]).sorted()
        guard !names.contains(first) else { return }
        let guess = Suggestion.closest(to: first, in: names).map { " (did you mean '\($0)'?)" } ?? ""
        throw CommandError("'\(first)' is not a command\(guess); 'groundwork --help' lists them")
    }

    /// The sentence for an error the user can act on (exit status 2); nil for usage errors,
    /// which the argument parser phrases.
    static func inputOutputMessage(for error: any Error) -> String? {
        switch error {
        case let error as CommandError: return error.message
        case let error as GradebookError: return GradebookMessage.text(error)
        case let error as RecordedAttemptError: return GradebookMessage.text(error)
        default: return nil
        }
    }
}

/// An error the user can fix: a missing file, an unknown lesson id. Exits with status 2.
struct CommandError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
