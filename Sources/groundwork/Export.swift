import ArgumentParser

/// `groundwork export`: writes records in formats other tools (and `grade`, `stats`) read.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export records as files other tools read.",
        subcommands: [ExportAttempts.self]
    )
}
