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
        // popen, not Process: the pager must stay in the terminal's foreground process group,
        // or `less` is stopped (SIGTTIN) the moment it reads the keyboard.
        if ProcessInfo.processInfo.environment["LESS"] == nil { setenv("LESS", "RX", 1) }
        guard let pipe = popen(command, "w") else {
            print(text, terminator: "")
            return
        }
        // The pager may quit before reading everything (q): a closed pipe is not an error.
        signal(SIGPIPE, SIG_IGN)
        fflush(nil)  // what was printed so far comes before the pager's text
        _ = text.utf8CString.withUnsafeBufferPointer { buffer in fwrite(buffer.baseAddress, 1, buffer.count - 1, pipe) }
        pclose(pipe)
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
