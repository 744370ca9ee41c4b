import Foundation

/// Who takes an attempt. One taker at a time holds it, so two takers never interleave their
/// answers: a terminal is `cli:<pid>@<host>`, a web session any other text (its token).
public enum AttemptHolder {
    /// The holder text for terminal process `pid` on this host (`getpid()` for this one).
    public static func terminal(pid: Int32) -> String {
        "cli:\(pid)@\(ProcessInfo.processInfo.hostName)"
    }

    /// The process and host of a terminal holder; nil for a web session.
    public static func terminalProcess(of holder: String) -> (pid: Int32, host: String)? {
        guard holder.hasPrefix("cli:"), let at = holder.firstIndex(of: "@") else { return nil }
        guard let pid = Int32(holder[holder.index(holder.startIndex, offsetBy: 4)..<at]) else { return nil }
        return (pid, String(holder[holder.index(after: at)...]))
    }

    /// Whether `holder` is a terminal process on this host that no longer runs: what a
    /// `take` killed with SIGKILL leaves behind, and which nobody needs to take over.
    static func isGone(_ holder: String) -> Bool {
        guard let process = terminalProcess(of: holder), process.host == ProcessInfo.processInfo.hostName else { return false }
        return kill(process.pid, 0) != 0 && errno == ESRCH
    }
}

extension Attempt {
    /// Whether `taker` may write to it now: it holds it, or nobody does.
    func isHeld(by taker: String) -> Bool { holder == nil || holder == taker }

    /// The refusal for a taker who does not hold it.
    var heldElsewhere: GradebookError {
        .heldElsewhere(attemptID: id ?? 0, holder: holder ?? "", since: heldSince ?? startedAt)
    }
}
