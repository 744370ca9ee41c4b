import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Loads a course folder from disk.
public enum CourseLoader {
    /// Files larger than this (1 MiB, sixty times the longest shipped lesson) are reported and
    /// skipped rather than parsed. Parsing is linear, but the worst Markdown (a run of `*a`)
    /// makes a node every byte or two, about 270 bytes of memory per byte of input: this
    /// bounds a lesson to about 280 MB (and 5 s in a debug build), where 16 MiB took 2 GB and 38 s.
    public static let maximumFileSize = 1024 * 1024

    /// Why a course could not be loaded at all (problems inside files are diagnostics instead).
    public enum LoadError: Error, CustomStringConvertible {
        case notAFolder(String)

        public var description: String {
            switch self {
            case .notAFolder(let path):
                return "no course folder at '\(path)'; pass the folder that holds \(TableOfContents.fileName) with --content"
            }
        }
    }

    /// Reads the table of contents and every Markdown file under `folder`.
    ///
    /// - Throws: ``LoadError/notAFolder(_:)`` when `folder` is not a readable directory.
    public static func load(from folder: String) throws -> Course {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError.notAFolder(folder)
        }
        var diagnostics: [Diagnostic] = []
        let summaryPath = display(folder, TableOfContents.fileName)
        let toc: TableOfContents?
        switch readContained(TableOfContents.fileName, in: folder) {
        case .success(let source):
            toc = TableOfContents(source: source)
            diagnostics += toc?.diagnostics ?? []
        case .failure(let problem):
            toc = nil
            diagnostics.append(problem)
        }

        var lessonsByPath: [String: Lesson] = [:]
        for relative in markdownFiles(in: folder) where relative != TableOfContents.fileName {
            switch readContained(relative, in: folder) {
            case .success(let source):
                var lesson = Lesson(source: source, defaultID: fileStem(relative))
                lesson.path = relative
                lessonsByPath[relative] = lesson
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }

        // Files that could not be read are reported already; a link to one is not broken too.
        // (Looked up in a set: searching the diagnostics for each entry made a table of
        // contents of thousands of missing links quadratic.)
        let reported = Set(diagnostics.map(\.path))
        var listed = Set<String>()
        var modules: [Course.Module] = []
        for module in toc?.modules ?? [] {
            var lessons: [(lesson: Lesson, depth: Int)] = []
            for entry in module.entries {
                if listed.contains(entry.path) {
                    diagnostics.append(
                        Diagnostic(
                            path: summaryPath, position: entry.position, severity: .error, rule: .tableOfContents,
                            message: "\(Quote.text(entry.path)) is listed twice; each lesson appears once in the table of contents"))
                    continue
                }
                // Lessons are moved out of the dictionary, not copied: copying one retains
                // every string and array in it, and that showed in the benchmark's profile.
                guard let lesson = lessonsByPath.removeValue(forKey: entry.path) else {
                    if !reported.contains(display(folder, entry.path)) {
                        diagnostics.append(
                            Diagnostic(
                                path: summaryPath, position: entry.position, severity: .error, rule: .brokenLink,
                                message: "table of contents links to \(Quote.text(entry.path)), which does not exist"))
                    }
                    continue
                }
                listed.insert(entry.path)
                lessons.append((lesson, entry.depth))
            }
            modules.append(Course.Module(title: module.title, lessons: lessons))
        }
        let unlisted = lessonsByPath.keys.sorted().compactMap { lessonsByPath.removeValue(forKey: $0) }
        let title = toc?.title ?? URL(fileURLWithPath: folder).lastPathComponent
        return Course(
            folder: folder, title: title, allowsRawHTML: toc?.allowsRawHTML ?? false, modules: modules, unlistedLessons: unlisted,
            loadDiagnostics: diagnostics)
    }

    /// Reads a file of the course, refusing one that is a symbolic link to a file outside it.
    private static func readContained(_ relative: String, in folder: String) -> Result<SourceFile, Diagnostic> {
        let path = join(folder, relative)
        guard ContainedPath.resolvesInside(path, folder: folder) else {
            return .failure(
                Diagnostic(
                    path: display(folder, relative), position: nil, severity: .error, rule: .outsideFolder,
                    message: "file is a symbolic link to a file outside the course, which is never read; copy the file into the course"))
        }
        return readSource(displayPath: display(folder, relative), at: path)
    }

    /// Reads one file into a ``SourceFile``, or explains why it cannot.
    public static func readSource(displayPath: String, at path: String) -> Result<SourceFile, Diagnostic> {
        func problem(_ rule: Diagnostic.Rule, _ message: String) -> Result<SourceFile, Diagnostic> {
            .failure(Diagnostic(path: displayPath, position: nil, severity: .error, rule: rule, message: message))
        }
        // open(2), fstat(2) and read(2) directly: Foundation's attribute dictionary and
        // `Data` cost more than parsing a lesson.
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            return problem(.unreadableFile, "file does not exist or cannot be read")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return problem(.unreadableFile, "not a regular file")
        }
        let size = Int(info.st_size)
        if size > maximumFileSize {
            return problem(
                .fileTooLarge,
                "file is \((size + 1023) / 1024) KiB; Groundwork reads Markdown files of at most \(maximumFileSize / 1024) KiB; split it")
        }
        // One read(2) straight into the text, asking a byte more than fstat(2) counted to see
        // the end; a file that grew meanwhile is read again in chunks.
        var result = ReadResult.complete
        let source = SourceFile(path: displayPath, byteCount: size + 1) { buffer in
            let got = read(descriptor, buffer.baseAddress, buffer.count)
            result = got < 0 ? .failed : got == buffer.count ? .grew : .complete
            return result == .complete ? got : 0
        }
        if result == .grew, lseek(descriptor, 0, SEEK_SET) == 0, let bytes = readBytes(descriptor, expectedSize: size) {
            return .success(SourceFile(path: displayPath, bytes: bytes))
        }
        guard result == .complete else { return problem(.unreadableFile, "file cannot be read (check its permissions)") }
        return .success(source)
    }

    private enum ReadResult { case complete, grew, failed }

    /// Reads a whole file with read(2) straight into an array (no `Data` to copy from).
    /// A regular file ends at the first short read.
    private static func readBytes(_ descriptor: Int32, expectedSize: Int) -> [UInt8]? {
        var result: [UInt8] = []
        var chunkSize = expectedSize + 1
        while result.count <= maximumFileSize {
            var failed = false
            let wanted = chunkSize
            let chunk = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
                let got = read(descriptor, buffer.baseAddress, wanted)
                failed = got < 0
                count = max(got, 0)
            }
            if failed { return nil }
            if result.isEmpty { result = chunk } else { result += chunk }
            if chunk.count < wanted { return result }
            chunkSize = max(4096, result.count)
        }
        return result
    }

    /// Paths of every `.md` entry under `folder`, relative to it, sorted.
    ///
    /// Finds what FileManager's enumerator finds (it walks with fts(3), never following a
    /// symbolic link to a folder, the course folder's own included, nor entering another
    /// device), with readdir(3) instead: its `URL` and string replacing per entry took a sixth
    /// of the time the benchmark spends loading and rendering a course.
    static func markdownFiles(in folder: String) -> [String] {
        var info = stat()
        guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return [] }
        var files: [String] = []
        collectMarkdownFiles(in: folder, prefix: "", device: info.st_dev, into: &files)
        return files.sorted()
    }

    /// Adds the `.md` entries of one folder and, recursively, of its subfolders.
    private static func collectMarkdownFiles(in folder: String, prefix: String, device: UInt, into files: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let (name, type) = withUnsafeBytes(of: entry.pointee.d_name) {
                (String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self), entry.pointee.d_type)
            }
            guard name != ".", name != ".." else { continue }
            let relative = prefix + name
            if name.hasSuffix(".md") { files.append(relative) }
            guard type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN) else { continue }
            let path = join(folder, name)
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_dev == device {
                collectMarkdownFiles(in: path, prefix: relative + "/", device: device, into: &files)
            }
        }
    }

    static func fileStem(_ relative: String) -> String {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    static func join(_ folder: String, _ relative: String) -> String {
        folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// How a file inside the course is named in messages: the folder as the user gave it.
    static func display(_ folder: String, _ relative: String) -> String {
        folder == "." ? relative : join(folder, relative)
    }
}
