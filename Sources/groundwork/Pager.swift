import Foundation

/// Shows long text a screen at a time, as `git` and `man` do: through `$PAGER`, else
/// `less -R` (colour kept; `-X` leaves the text on screen when the pager quits, so a quiz
/// asked next still has its lesson above it). Text that fits the screen, output that is not
/// a terminal, or a pager that cannot start is simply printed.
enum Pager {
    /// `GROUNDWORK_PAGER=cat` (or `PAGER=cat`) turns paging off.
    static func show(_ text: String) {
        guard Terminal.isInteractive, lineCount(text) > Terminal.height - 2, let command = command() else {
            print(text, terminator: "")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        if environment["LESS"] == nil { environment["LESS"] = "RX" }
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        do {
            try process.run()
        } catch {
            print(text, terminator: "")
            return
        }
        // The pager may quit before reading everything (q): a closed pipe is not an error.
        signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// The shell command that pages, or nil when none is wanted or available.
    static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for key in ["GROUNDWORK_PAGER", "PAGER"] {
            if let chosen = environment[key]?.trimmingCharacters(in: .whitespaces), !chosen.isEmpty {
                return chosen == "cat" ? nil : chosen
            }
        }
        let paths = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/less") } ? "less -R" : nil
    }

    static func lineCount(_ text: String) -> Int { text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }
}
