import Courseware
import Foundation

// Renders a course two ways and reports the ratio:
//   bare:     read each file, libcmark parse + HTML render with the same arena allocator the
//             pipeline's parser uses (the fair baseline); libcmark with malloc is shown too
//   pipeline: CourseLoader (read, front matter, YAML, cmark, Swift tree, special blocks)
//             then HTMLRenderer on every lesson
// The course is `lessons` generated lessons plus, with --markdown DIR, every *.md file of DIR
// (real Markdown such as package READMEs; Benchmarks/run.sh extracts them at run time).
// The measurements alternate their order every repetition; min and median are reported.
// Usage: groundwork-bench [lessons] [repetitions] [--markdown DIR] [pipeline]
//   With "pipeline" last, only the pipeline runs (for a profiler).

var arguments = Array(CommandLine.arguments.dropFirst())
var realMarkdown: URL?
if let i = arguments.firstIndex(of: "--markdown"), i + 1 < arguments.count {
    realMarkdown = URL(fileURLWithPath: arguments[i + 1])
    arguments.removeSubrange(i...i + 1)
}
let lessonCount = arguments.count > 0 ? Int(arguments[0]) ?? 3000 : 3000
let repetitions = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("groundwork-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: folder) }
let paths = try CourseGenerator.write(lessons: lessonCount, realMarkdown: realMarkdown, to: folder)
let bytes = paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
print("course: \(lessonCount) generated + \(paths.count - lessonCount) real lessons, \(bytes / 1024) KiB of Markdown in \(folder.path)")

func measure(_ body: () throws -> Int) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    _ = try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func bare(_ html: (String) -> String) -> Int {
    var total = 0
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        total += html(String(decoding: data, as: UTF8.self)).utf8.count
    }
    return total
}

func pipeline() throws -> Int {
    let course = try CourseLoader.load(from: folder.path)
    let renderer = HTMLRenderer()
    return course.lessons.reduce(0) { $0 + renderer.render($1.document).utf8.count }
}

/// A 64-bit FNV-1a digest of every lesson's HTML and every diagnostic, printed so that two
/// builds' outputs can be compared: a change for speed must not change either.
func outputDigest() throws -> String {
    let course = try CourseLoader.load(from: folder.path)
    let renderer = HTMLRenderer()
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func add(_ text: String) {
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ 0xFF) &* 0x100_0000_01b3
    }
    for lesson in course.lessons { add(lesson.path); add(renderer.render(lesson.document)) }
    // Diagnostics name files by full path; the folder's name holds the process id.
    for diagnostic in CourseChecker.check(course) { add(diagnostic.description.replacingOccurrences(of: folder.path, with: "")) }
    return String(hash, radix: 16)
}

func check() throws -> Int {
    CourseChecker.check(try CourseLoader.load(from: folder.path)).count
}

if arguments.last == "pipeline" {
    for _ in 0..<repetitions { _ = try pipeline() }
    exit(0)
}

let names = ["arena", "malloc", "pipeline", "check"]
let runs: [String: () throws -> Int] = [
    "arena": { bare(CMarkReference.arenaHTML) }, "malloc": { bare(CMarkReference.html) }, "pipeline": pipeline, "check": check,
]
var times: [String: [Double]] = [:]
for repetition in 0..<repetitions {
    for name in repetition % 2 == 0 ? names : names.reversed() { times[name, default: []].append(try measure(runs[name]!)) }
}
let diagnostics = try check()
func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
func row(_ label: String, _ t: [Double], base: [Double]) -> String {
    return label.padding(toLength: 48, withPad: " ", startingAt: 0)
        + String(
            format: " min %.3f s  median %.3f s   ratio min %.2fx  median %.2fx", t.min()!, median(t), t.min()! / base.min()!,
            median(t) / median(base))
}
print("\(repetitions) repetitions, order alternating; ratios against bare libcmark with the arena")
print(row("bare libcmark, arena (parse + render_html):", times["arena"]!, base: times["arena"]!))
print(row("bare libcmark, malloc (cmark_markdown_to_html):", times["malloc"]!, base: times["arena"]!))
print(row("full pipeline (load + parse + model + render):", times["pipeline"]!, base: times["arena"]!))
print(row("load + check (every diagnostic rule):", times["check"]!, base: times["arena"]!))
print("diagnostics in the course: \(diagnostics)")
print("digest of every lesson's HTML and every diagnostic: \(try outputDigest())")
