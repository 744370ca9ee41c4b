#if canImport(Glibc)
    import Glibc
#endif

/// Keeps every file a course or a practice test names inside its folder: a name that is a
/// URL, an absolute path or climbs out with `..` is refused, and so is a symbolic link whose
/// target lies outside. Nothing named by content is fetched from a network or read from
/// elsewhere on the machine (a shared server must not serve `/etc/passwd` as a lesson).
public enum ContainedPath {
    /// Why `name` (as a file names it, relative to `folder`) cannot be used, or nil when it
    /// stays inside. A file that does not exist is not a problem here (the caller reports it);
    /// without a folder (text given inline) only the name itself is judged.
    public static func problem(with name: String, in folder: String?) -> String? {
        if LinkTarget(name).isExternal || name.contains("://") {
            return "is a URL; media are never fetched, so put the file in the folder and name it by its relative path"
        }
        if name.hasPrefix("/") || name.hasPrefix("~") { return "is an absolute path; name the file relative to the folder" }
        if name.split(separator: "/").contains("..") { return "climbs out of the folder with '..'; keep the file inside it" }
        if let folder, !resolvesInside(CourseLoader.join(folder, name), folder: folder) {
            return "is a symbolic link to a file outside the folder; copy the file in instead"
        }
        return nil
    }

    /// Whether `path` (which may be a symbolic link) resolves inside `folder`; true when
    /// either does not exist, as then there is nothing outside to reach.
    public static func resolvesInside(_ path: String, folder: String) -> Bool {
        guard let real = realPath(path), let root = realPath(folder) else { return true }
        return isInside(real, root: root)
    }

    private static func isInside(_ real: String, root: String) -> Bool {
        real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The absolute path with every symbolic link resolved (realpath(3)), or nil when it
    /// does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
