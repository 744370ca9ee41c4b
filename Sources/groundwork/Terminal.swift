import Courseware
import Foundation

/// What the program knows about the terminal it writes to.
enum Terminal {
    static var isInteractive: Bool { isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 }

    /// Whether stderr is a terminal (for progress bars, which go there).
    static var isErrorInteractive: Bool { isatty(STDERR_FILENO) != 0 }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    static var usesColor: Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return !noColor && isatty(STDOUT_FILENO) != 0
    }

    /// Width to wrap at: `COLUMNS`, else the terminal's width, else 80; at most 100 for
    /// comfortable reading.
    static var width: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return min(columns, 100)
        }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return min(Int(size.ws_col), 100)
        }
        return 80
    }

    /// Rows of the terminal ($LINES, else the window size, else 24): when to page.
    static var height: Int {
        if let lines = ProcessInfo.processInfo.environment["LINES"].flatMap(Int.init), lines > 0 { return lines }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return 24
    }

    static func renderer() -> TerminalRenderer {
        TerminalRenderer(width: width, color: usesColor)
    }

    /// Writes a line to stderr, sanitized: errors quote values from files and from the
    /// command line.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((TerminalStyle.sanitize(message) + "\n").utf8))
    }
}
