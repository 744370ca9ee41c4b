import ArgumentParser
import Gradebook

/// `--data-dir`, shared by every command that reads or writes the learner's gradebook.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp("Where your progress is kept (default: $GROUNDWORK_DATA, else ~/.local/share/groundwork).", valueName: "path"))
    var dataDirectory: String?

    func openGradebook() throws -> Gradebook {
        do {
            return try Gradebook.open(directory: dataDirectory ?? Gradebook.defaultDirectory())
        } catch {
            throw CommandError(error.description)
        }
    }

    /// The gradebook, or nil after telling the learner on stderr why progress is not kept;
    /// for commands whose main job (reading) should not fail because of it.
    func gradebookIfAvailable() -> Gradebook? {
        do {
            return try openGradebook()
        } catch let error as CommandError {
            Terminal.printError("groundwork: progress is not saved: \(error.message)")
        } catch {
            Terminal.printError("groundwork: progress is not saved: \(error)")
        }
        return nil
    }
}
