import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on an assessment folder's `items.yaml` edits, held across processes
/// and threads, so two mentors accepting contests at once (two terminals, or the terminal
/// and the web app) take turns: each reads the file the other wrote, and neither puts back
/// a copy that loses the other's edit.
///
/// The lock is `flock(2)` on `.items.yaml.lock` beside `items.yaml`: a file of its own,
/// because `items.yaml` is replaced by an atomic rename on every write, which would leave a
/// lock on the old file. The lock file stays (removing it would let a waiter lock a file no
/// longer there); it is empty and `.gitignore` lists it.
enum FolderLock {
    static let name = ".items.yaml.lock"

    /// Runs `body` while holding the folder's lock, waiting for another holder to finish.
    ///
    /// - Throws: ``ContestError`` when the lock file cannot be opened, or what `body` throws.
    static func withLock<T>(_ folder: String, _ body: () throws -> T) throws -> T {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ContestError("cannot open the lock file '\(path)' (\(String(cString: strerror(errno)))); is the folder writable?")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw ContestError("cannot lock '\(path)' (\(String(cString: strerror(errno))))") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
