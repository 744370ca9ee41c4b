import Courseware
import Foundation

// Renders a generated course of many lessons two ways and reports the ratio:
//   bare:     read each file, libcmark's cmark_markdown_to_html
//   pipeline: CourseLoader (read, front matter, YAML, cmark, Swift tree, special blocks)
//             then HTMLRenderer on every lesson
// Usage: groundwork-bench [lessons] [repetitions] [pipeline]
//   With "pipeline" last, only the pipeline runs (for a profiler).

let lessonCount = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 3000 : 3000
let repetitions = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 5 : 5

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("groundwork-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: folder) }
let paths = try CourseGenerator.write(lessons: lessonCount, to: folder)
let bytes = paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
print("course: \(lessonCount) lessons, \(bytes / 1024) KiB of Markdown in \(folder.path)")

func measure(_ body: () throws -> Int) rethrows -> (seconds: Double, checksum: Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let checksum = try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, checksum)
}

func bare() -> Int {
    var total = 0
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        total += CMarkReference.html(String(decoding: data, as: UTF8.self)).utf8.count
    }
    return total
}

func pipeline() throws -> Int {
    let course = try CourseLoader.load(from: folder.path)
    let renderer = HTMLRenderer()
    return course.lessons.reduce(0) { $0 + renderer.render($1.document).utf8.count }
}

func check() throws -> Int {
    CourseChecker.check(try CourseLoader.load(from: folder.path)).count
}

if CommandLine.arguments.last == "pipeline" {
    for _ in 0..<repetitions { _ = try pipeline() }
    exit(0)
}

var bareTimes: [Double] = []
var pipelineTimes: [Double] = []
var checkTimes: [Double] = []
for _ in 0..<repetitions {
    bareTimes.append(measure(bare).seconds)
    pipelineTimes.append(try measure(pipeline).seconds)
    checkTimes.append(try measure(check).seconds)
}
let diagnostics = try check()
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
let (b, p, c) = (median(bareTimes), median(pipelineTimes), median(checkTimes))
print(String(format: "bare libcmark (read + cmark_markdown_to_html): %.3f s", b))
print(String(format: "full pipeline (load + parse + model + render):  %.3f s   ratio %.2fx", p, p / b))
print(String(format: "load + check (every diagnostic rule):         %.3f s   ratio %.2fx", c, c / b))
print("diagnostics in the generated course: \(diagnostics) (expected 0)")
