internal import Foundation

/// espeak-ng, the speech synthesiser the speech generator's clips are spoken by. It is a
/// program the machine may not have (Debian's `espeak-ng` package; `scripts/setup.sh`
/// installs it): then only the speech generator is unavailable, and says so.
public enum SpeechSynthesizer {
    /// The program, found on `PATH`; nil when it is not installed.
    public static var program: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/espeak-ng" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What a learner reads when a test's speech items cannot be made here.
    public static let missingMessage =
        "fresh spoken clips need espeak-ng, which is not installed here (Debian: apt-get install espeak-ng, or run scripts/setup.sh)"

    /// Speaks `text` into the WAV file at `path` with espeak-ng's default English voice at
    /// 150 words a minute.
    ///
    /// - Throws: ``GeneratedPracticeError/speechUnavailable`` without espeak-ng, or
    ///   ``GeneratedPracticeError/speechFailed(_:)`` when it fails.
    static func speak(_ text: String, to path: String) throws(GeneratedPracticeError) {
        guard let program else { throw .speechUnavailable }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        // "--" ends the options, so a text starting with "-" is still only text.
        process.arguments = ["-v", "en", "-s", "150", "-w", path, "--", text]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .speechFailed("espeak-ng could not start: \(error.localizedDescription)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: path) else {
            let said = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .speechFailed("espeak-ng exited with status \(process.terminationStatus)\(said.isEmpty ? "" : ": \(said)")")
        }
    }
}
