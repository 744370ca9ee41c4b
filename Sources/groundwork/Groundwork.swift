import ArgumentParser
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
              groundwork take sentiment-quiz   take one under its platform's rules
              groundwork history               your attempts over time
              groundwork check Content --strict
                                               check a course the way CI does
            """,
        subcommands: [
            Home.self, Serve.self, Lessons.self, Read.self, Render.self, Assessments.self, Take.self, Report.self, History.self, Grade.self,
            Check.self,
        ],
        defaultSubcommand: Home.self
    )

    /// Runs the command line, mapping failures to Groundwork's exit codes:
    /// 0 success, 1 problems found in content, 2 usage or input/output errors. An
    /// asynchronous command (`serve`) is awaited.
    static func start() async {
        do {
            var command = try parseAsRoot()
            if var server = command as? any AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
        } catch {
            if let message = inputOutputMessage(for: error) {
                Terminal.printError("groundwork: \(message)")
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
