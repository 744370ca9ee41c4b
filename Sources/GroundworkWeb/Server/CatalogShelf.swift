import Foundation
import Grading
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The one mutable thing a ``Site`` shares between requests: the practice tests, swapped
/// whole when their files change. Every `serve` process reads the same tests' folder, so a
/// gold fix written by any of them (a mentor accepting a contest), by `groundwork contests
/// --accept` or by an editor reaches every process at its next request: nothing held in one
/// process's memory has to be told.
final class CatalogShelf: Sendable {
    private struct Shelved: Sendable {
        var catalog: AssessmentCatalog
        /// The files' stamps taken just before `catalog` was read (for the catalog a server
        /// starts with, just after: its caller read it).
        var stamps: CatalogStamps
    }

    private let shelved: Mutex<Shelved>
    /// Held while reading the folder again, so that requests noticing the same change
    /// together read it once.
    private let reading = Mutex(())

    init(_ catalog: AssessmentCatalog) {
        shelved = Mutex(Shelved(catalog: catalog, stamps: CatalogStamps(folder: catalog.folder)))
    }

    var catalog: AssessmentCatalog { shelved.withLock { $0.catalog } }

    /// The stamps of the files now, when they differ from those the catalog was read with.
    func changedStamps() -> CatalogStamps? {
        let (folder, known) = shelved.withLock { ($0.catalog.folder, $0.stamps) }
        let now = CatalogStamps(folder: folder)
        return now == known ? nil : now
    }

    /// Reads the folder again (unless another request just did, for these same stamps).
    /// The stamps were taken before reading, so a write during the read shows as a change
    /// at the next request.
    func reload(_ stamps: CatalogStamps) {
        reading.withLock { _ in
            let folder: String? = shelved.withLock { $0.stamps == stamps ? nil : $0.catalog.folder }
            guard let folder else { return }
            let fresh = AssessmentCatalog(folder: folder)
            shelved.withLock { $0 = Shelved(catalog: fresh, stamps: stamps) }
        }
    }
}

/// What a catalog was read from, cheap to take at every request (one directory listing and
/// two `stat(2)` calls per test): each subfolder's `assessment.md` and `items.yaml` — the
/// only files a test is loaded from — by inode, size and modification time in nanoseconds.
/// An atomic rewrite (write and rename, as a contest's gold edit does) changes the inode; an
/// edit in place the size or the time.
struct CatalogStamps: Equatable, Sendable {
    private struct Stamp: Equatable, Sendable {
        var inode: UInt64 = 0
        var size: Int64 = -1
        var seconds: Int = 0
        var nanoseconds: Int = 0
    }

    private var names: [String] = []
    private var stamps: [Stamp] = []

    init(folder: String) {
        names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for name in names {
            for file in ["assessment.md", "items.yaml"] { stamps.append(Self.stamp(of: folder + "/" + name + "/" + file)) }
        }
    }

    /// The file's stamp; a missing file has the empty one.
    private static func stamp(of path: String) -> Stamp {
        var info = stat()
        guard stat(path, &info) == 0 else { return Stamp() }
        #if canImport(Glibc)
            let time = info.st_mtim
        #else
            let time = info.st_mtimespec
        #endif
        return Stamp(inode: UInt64(info.st_ino), size: Int64(info.st_size), seconds: time.tv_sec, nanoseconds: time.tv_nsec)
    }
}
