import Foundation
import Grading
import GroundworkMetrics

// Grades the datasets written by `scripts/metrics-bench/reference_bench.py generate` with
// Groundwork's Metrics, times only the scoring (best of N), compares every number with the
// Python reference results (DIR/reference.json) and prints one row per reference:
// Groundwork seconds, reference seconds, ratio = reference ÷ Groundwork (> 1: Groundwork is
// faster), and whether all numbers agree (counts exactly, reals within 1e-9). Exits 1 if
// any number disagrees. Normally run by scripts/metrics-bench/run-metrics-bench.sh.
//
// Usage: metrics-bench DIR [--repeat N] [--only TASK,…] [--reference FILE] [--json FILE]
//   TASK ∈ boxes, words, normalised, chars, seqeval, nervaluate and the families of Families.swift
//   (classification, multilabel, ordinal, fleiss, krippendorff, items, keypoints, polygons,
//   ranking). jiwer's wer/cer build the alignment, so they are compared with Groundwork's
//   alignment (words/chars), never with a distance-only count.
//   --reference: the reference results to compare with (default DIR/reference.json); without
//   it only the Groundwork timings are printed (handy under perf).
//   --json: also write the rows (seconds of both sides, agreement) to FILE, for
//   scripts/metrics-bench/summarize.py, which combines the rounds of Benchmarks/run.sh.

struct Options {
    var folder: URL
    var repetitions = 3
    var only: Set<String>?
    var reference: URL?
    var json: URL?
}

let swiftTasks = ["boxes", "words", "normalised", "chars", "seqeval", "nervaluate"] + familyTasks.map { $0.name }

/// One table row: a reference computation and the Groundwork task it is compared with.
struct RowSpec {
    let row: String
    let swiftTask: String
    let groundwork: String
}

let rowSpecs =
    [
        RowSpec(row: "boxes", swiftTask: "boxes", groundwork: "BoxGeometry.match"),
        RowSpec(row: "boxes-pycocotools", swiftTask: "boxes", groundwork: "BoxGeometry.match"),
        RowSpec(row: "wer", swiftTask: "words", groundwork: "Transcription.wordScores"),
        RowSpec(row: "words", swiftTask: "words", groundwork: "Transcription.wordScores"),
        RowSpec(row: "words-norm", swiftTask: "normalised", groundwork: "Transcription.normalize + wordScores"),
        RowSpec(row: "words-norm-py", swiftTask: "normalised", groundwork: "Transcription.normalize + wordScores"),
        RowSpec(row: "cer", swiftTask: "chars", groundwork: "Transcription.characterScores"),
        RowSpec(row: "chars", swiftTask: "chars", groundwork: "Transcription.characterScores"),
        RowSpec(row: "seqeval", swiftTask: "seqeval", groundwork: "SpanScoring.seqeval"),
        RowSpec(row: "seqeval-prfs", swiftTask: "seqeval", groundwork: "SpanScoring.seqeval"),
        RowSpec(row: "nervaluate", swiftTask: "nervaluate", groundwork: "seqevalEntities + SpanScoring.nervaluate"),
    ] + familyTasks.map { RowSpec(row: $0.name, swiftTask: $0.name, groundwork: $0.groundwork) }

enum SwiftResult {
    case boxes(BoxTotals)
    case scores(TranscriptionScores)
    case seqeval(SeqevalScores)
    case ner(NERScores)
    case family(Any, compare: (Any, JSONValue, inout Agreement) -> Void)
}

func fail(_ message: String, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("metrics-bench: \(message)\n".utf8))
    exit(code)
}

func parseOptions() -> Options {
    var args = Array(CommandLine.arguments.dropFirst())
    guard let first = args.first, !first.hasPrefix("-") else {
        fail("usage: metrics-bench DIR [--repeat N] [--only TASK,…] [--reference FILE] [--json FILE]")
    }
    args.removeFirst()
    var options = Options(folder: URL(fileURLWithPath: first))
    while let arg = args.first {
        args.removeFirst()
        switch arg {
        case "--repeat":
            guard let v = args.first.flatMap(Int.init), v > 0 else { fail("--repeat needs a positive integer") }
            args.removeFirst()
            options.repetitions = v
        case "--only":
            guard let v = args.first else { fail("--only needs a comma-separated task list") }
            args.removeFirst()
            let tasks = Set(v.split(separator: ",").map { String($0) })
            if let bad = tasks.subtracting(swiftTasks).first { fail("unknown task \(bad); tasks: \(swiftTasks.joined(separator: ", "))") }
            options.only = tasks
        case "--reference", "--json":
            guard let v = args.first else { fail("\(arg) needs a file") }
            args.removeFirst()
            if arg == "--json" { options.json = URL(fileURLWithPath: v) } else { options.reference = URL(fileURLWithPath: v) }
        default:
            fail("unknown argument \(arg)")
        }
    }
    return options
}

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
        .split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
}

func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let n = s.count
    if n >= width { return s }
    let spaces = String(repeating: " ", count: width - n)
    return right ? spaces + s : s + spaces
}

func log(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}

let options = parseOptions()
let referencePath = options.reference ?? options.folder.appendingPathComponent("reference.json")
let reference: ReferenceFile? =
    FileManager.default.fileExists(atPath: referencePath.path)
    ? (try { () throws -> ReferenceFile in try ReferenceFile(referencePath) }())
    : nil
if reference == nil { log("metrics-bench: no \(referencePath.path); timing Groundwork only") }

// Groundwork tasks to run: those requested that some reference row needs (all without a reference).
let wanted = swiftTasks.filter { t in
    (options.only?.contains(t) ?? true)
        && (reference == nil || rowSpecs.contains { $0.swiftTask == t && reference!.tasks[$0.row] != nil })
}
if wanted.isEmpty { fail("nothing to run") }

let loadStart = loadAverage()
var timings: [String: Timing] = [:]
var results: [String: SwiftResult] = [:]
var boxes: BoxDataset?
var transcripts: TranscriptDataset?
var ner: NERDataset?

do {
    for task in wanted {
        let n = options.repetitions
        switch task {
        case "boxes":
            boxes = try boxes ?? BoxDataset(options.folder)
            let d = boxes!
            let (r, t) = try measure(n) { try gradeBoxes(d) }
            results[task] = .boxes(r); timings[task] = t
        case "words", "normalised", "chars":
            transcripts = try transcripts ?? TranscriptDataset(options.folder)
            let d = transcripts!
            switch task {
            case "words":
                let (r, t) = try measure(n) { try Transcription.wordScores(references: d.references, hypotheses: d.hypotheses) }
                results[task] = .scores(r); timings[task] = t
            case "normalised":
                // what grading a transcript does: normalise both sides (default options:
                // tags, lowercase, punctuation, whitespace), then align the words
                let (r, t) = try measure(n) {
                    try Transcription.wordScores(
                        references: d.references.map { Transcription.normalize($0) },
                        hypotheses: d.hypotheses.map { Transcription.normalize($0) })
                }
                results[task] = .scores(r); timings[task] = t
            default:
                let (r, t) = try measure(n) { try Transcription.characterScores(references: d.references, hypotheses: d.hypotheses) }
                results[task] = .scores(r); timings[task] = t
            }
        case "seqeval":
            ner = try ner ?? NERDataset(options.folder)
            let d = ner!
            let (r, t) = try measure(n) { try SpanScoring.seqeval(gold: d.gold, predicted: d.predicted) }
            results[task] = .seqeval(r); timings[task] = t
        case "nervaluate":
            ner = try ner ?? NERDataset(options.folder)
            let d = ner!
            let g = Array(d.gold.prefix(d.nervaluateSentences)), p = Array(d.predicted.prefix(d.nervaluateSentences))
            let (r, t) = try measure(n) { try gradeNervaluate(gold: g, predicted: p, tags: d.tags) }
            results[task] = .ner(r); timings[task] = t
        default:
            guard let family = familyTasks.first(where: { $0.name == task }) else { break }
            let (run, compare) = try family.prepare(options.folder)
            let (r, t) = try measure(n) { try run() }
            results[task] = .family(r, compare: compare); timings[task] = t
        }
        let runs = timings[task]!.runs.map { String(format: "%.3f", $0) }.joined(separator: ", ")
        log(
            "  swift  " + pad(task, 18) + String(format: " %9.3f s  (runs: ", timings[task]!.best) + runs
                + String(format: "; CPU %.3f s)", timings[task]!.bestCPU))
    }
} catch let error as MetricsError {
    fail("Metrics refused the input: \(error.message)", code: 1)
} catch {
    fail("\(error)")
}
let loadEnd = loadAverage()

// MARK: - Compare and report

struct Row {
    let spec: RowSpec
    let swiftSeconds: Double
    let swiftCPUSeconds: Double
    let referenceSeconds: Double?
    let referenceName: String
    let agreement: Agreement?
}

var rows: [Row] = []
for spec in rowSpecs {
    guard let result = results[spec.swiftTask], let timing = timings[spec.swiftTask] else { continue }
    guard let ref = reference?.tasks[spec.row] else {
        if reference == nil, !rows.contains(where: { $0.spec.swiftTask == spec.swiftTask }) {
            rows.append(
                Row(
                    spec: spec, swiftSeconds: timing.best, swiftCPUSeconds: timing.bestCPU, referenceSeconds: nil,
                    referenceName: "-", agreement: nil))
        }
        continue
    }
    var a = Agreement()
    switch (spec.row, result) {
    case ("boxes", .boxes(let t)), ("boxes-pycocotools", .boxes(let t)): compareBoxes(t, boxes!, ref.result, &a)
    case ("wer", .scores(let s)), ("cer", .scores(let s)): compareRate(s.errorRate, ref.result, &a)
    case (_, .family(let r, let compare)): compare(r, ref.result, &a)
    case ("words", .scores(let s)), ("words-norm", .scores(let s)), ("words-norm-py", .scores(let s)):
        compareScores(s, words: true, ref.result, &a)
    case ("chars", .scores(let s)): compareScores(s, words: false, ref.result, &a)
    case ("seqeval", .seqeval(let s)): compareSeqeval(s, perTypeOnly: false, ref.result, &a)
    case ("seqeval-prfs", .seqeval(let s)): compareSeqeval(s, perTypeOnly: true, ref.result, &a)
    case ("nervaluate", .ner(let s)): compareNervaluate(s, ref.result, &a)
    default: a.fail("no comparison for \(spec.row)")
    }
    rows.append(
        Row(
            spec: spec, swiftSeconds: timing.best, swiftCPUSeconds: timing.bestCPU, referenceSeconds: ref.seconds,
            referenceName: ref.reference, agreement: a))
}

var sizes: [String] = []
if let b = boxes {
    sizes.append(
        "\(b.gold.count) box items (\(b.gold.reduce(0) { $0 + $1.count }) gold, \(b.predicted.reduce(0) { $0 + $1.count }) answer boxes)")
}
if let t = transcripts { sizes.append("\(t.references.count) utterances") }
if let s = ner {
    sizes.append("\(s.gold.count) NER sentences (\(s.gold.reduce(0) { $0 + $1.count }) tokens; nervaluate on \(s.nervaluateSentences))")
}
if case .scores(let s)? = results["words"] { sizes.append("\(s.hits + s.substitutions + s.deletions) reference words") }

print("")
print("Groundwork Metrics vs Python references — " + sizes.joined(separator: ", "))
print(
    "best of \(options.repetitions) (Groundwork) / best of \(reference?.meta["repeat"]?.int.map(String.init) ?? "?") (reference); ratio = reference ÷ Groundwork (> 1: Groundwork faster)"
)
print("")
let header = [
    pad("task", 18), pad("Groundwork s", 12, right: true), pad("reference s", 12, right: true),
    pad("ratio", 8, right: true), pad("agree", 6, right: true), "  reference",
]
print(header.joined(separator: " "))
print(String(repeating: "-", count: 100))
for r in rows {
    let refS = r.referenceSeconds.map { String(format: "%.3f", $0) } ?? "-"
    let ratio = r.referenceSeconds.map { String(format: "%.2f", $0 / r.swiftSeconds) } ?? "-"
    let agree = r.agreement.map { !$0.ok ? "NO" : $0.notes.isEmpty ? "yes" : "yes*" } ?? "n/a"
    print(
        [
            pad(r.spec.row, 18), pad(String(format: "%.3f", r.swiftSeconds), 12, right: true), pad(refS, 12, right: true),
            pad(ratio, 8, right: true), pad(agree, 6, right: true), "  " + r.referenceName,
        ].joined(separator: " "))
}
print(String(repeating: "-", count: 100))
print(
    "Groundwork functions: "
        + Dictionary(grouping: rows, by: \.spec.swiftTask).keys
        .sorted { a, b in (swiftTasks.firstIndex(of: a) ?? 0) < (swiftTasks.firstIndex(of: b) ?? 0) }
        .compactMap { t in rowSpecs.first { $0.swiftTask == t }.map { "\(t) = \($0.groundwork)" } }
        .joined(separator: "; "))
let checked = rows.reduce(0) { $0 + ($1.agreement?.checked ?? 0) }
print("numbers compared: \(checked) (plus per-item box counts); tolerance 1e-9 (relative above 1), counts exact")
var loadLine = "load average (1/5/15 min): Groundwork run \(loadStart) -> \(loadEnd)"
if let ls = reference?.meta["loadavg_start"]?.array, let le = reference?.meta["loadavg_end"]?.array {
    let f = { (v: [JSONValue]) in v.compactMap(\.double).map { String(format: "%.2f", $0) }.joined(separator: " ") }
    loadLine += "; reference run \(f(ls)) -> \(f(le))"
}
print(loadLine + "; \(ProcessInfo.processInfo.activeProcessorCount) CPUs")

var noted = Set<String>()
for r in rows {
    guard let a = r.agreement, a.ok else { continue }
    for n in a.notes where !noted.contains(n) {
        noted.insert(n)
        print("* \(r.spec.row): \(n)")
    }
}

if let out = options.json {
    let encoded = rows.map { r -> JSONValue in
        var fields: [String: JSONValue] = [:]
        fields["row"] = .string(r.spec.row)
        fields["groundwork"] = .string(r.spec.groundwork)
        fields["reference"] = .string(r.referenceName)
        fields["groundwork_seconds"] = .number(r.swiftSeconds)
        fields["groundwork_cpu_seconds"] = .number(r.swiftCPUSeconds)
        fields["loadavg_start"] = Double(loadStart.split(separator: " ").first ?? "").map { JSONValue.number($0) } ?? .null
        fields["reference_seconds"] = r.referenceSeconds.map { JSONValue.number($0) } ?? .null
        fields["agree"] = r.agreement.map { JSONValue.bool($0.ok) } ?? .null
        fields["checked"] = .number(Double(r.agreement?.checked ?? 0))
        return .object(fields)
    }
    do {
        try JSONEncoder().encode(JSONValue.array(encoded)).write(to: out)
    } catch {
        fail("cannot write \(out.path): \(error)")
    }
}

var disagreements = 0
for r in rows {
    guard let a = r.agreement, !a.ok else { continue }
    disagreements += 1
    print("\nDISAGREEMENT in \(r.spec.row) (\(a.problems.count) problems):")
    for p in a.problems.prefix(20) { print("  " + p) }
}
if disagreements > 0 { exit(1) }
if reference != nil { print("all numbers agree") }
