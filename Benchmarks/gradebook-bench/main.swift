import Foundation
import Gradebook
import Grading
import Synchronization

// Builds the gradebook of a learner who took many attempts, through the library, for
// Benchmarks/gradebook.sh to time `groundwork take`, `report` and `history` against.
//
// Usage: gradebook-bench DATA_DIR ASSESSMENTS_DIR [--attempts N]
//
// The first attempt at each assessment is taken for real (every item answered through a
// RecordedAttempt, its report written by `finish`), so the stored reports are the size real
// ones are; the others repeat its report with their own score and outcome. Three attempts in
// four are practice at sentiment-quiz, one in four exams there, one in ten practice at
// named-entities; each starts a day and an hour after the one before (a clock of its own),
// so retake delays never refuse the next one. Prints the file size and the growth per
// attempt.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("gradebook-bench: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var attempts = 10_000
if let flag = arguments.firstIndex(of: "--attempts") {
    guard flag + 1 < arguments.count, let n = Int(arguments[flag + 1]), n > 0 else { fail("--attempts needs a positive integer") }
    attempts = n
    arguments.removeSubrange(flag...(flag + 1))
}
guard arguments.count == 2 else { fail("usage: gradebook-bench DATA_DIR ASSESSMENTS_DIR [--attempts N]") }
let (dataDirectory, assessmentsDirectory) = (arguments[0], arguments[1])

/// A clock the builder moves forward itself: 25 hours per attempt.
let moment = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
func advance() { moment.withLock { $0 = $0.addingTimeInterval(25 * 3600) } }

func load(_ id: String) -> Assessment {
    do {
        return try AssessmentLoader().loadChecked(folder: (assessmentsDirectory as NSString).appendingPathComponent(id))
    } catch {
        fail("\(id): \(error)")
    }
}

do {
    try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
    let gradebook = try Gradebook.open(directory: dataDirectory, clock: { moment.withLock { $0 } })
    let book = gradebook.learner(Gradebook.localLearner)
    let tests = ["sentiment-quiz", "named-entities"].map(load)
    var reports: [String: (json: String, score: Double)] = [:]
    var rng = SystemRandomNumberGenerator()
    let start = Date()
    for n in 0..<attempts {
        let test = n % 10 == 9 ? tests[1] : tests[0]
        let purpose: AttemptPurpose = test.id == "sentiment-quiz" && n % 4 == 0 ? .exam : .practice
        advance()
        guard case .started(let record) = try book.begin(test, seed: UInt64(n), holder: "bench", purpose: purpose) else {
            fail("attempt \(n) at \(test.id) was not started")
        }
        if let report = reports[test.id] {
            let score = Double.random(in: 0...1, using: &rng)
            try book.finishAttempt(
                record.id ?? 0, holder: "bench", status: .submitted, score: score, passed: score >= test.passMark,
                resultJSON: report.json)
        } else {
            var attempt = try RecordedAttempt.load(record, of: test, in: book, holder: "bench")
            while attempt.session.current != nil { _ = try attempt.answer(nil) }
            let result = try attempt.finish()
            reports[test.id] = (result.jsonText(), result.score)
            print("\(test.id): a report of \(result.jsonText().utf8.count) bytes")
        }
        if (n + 1) % 1000 == 0 { FileHandle.standardError.write(Data("\(n + 1) attempts\n".utf8)) }
    }
    let size = try FileManager.default.attributesOfItem(atPath: gradebook.path)[.size] as? Int ?? 0
    print(
        String(
            format: "%d attempts in %.1f s; %@ is %.1f MB, %.1f kB per attempt", attempts, Date().timeIntervalSince(start),
            gradebook.path, Double(size) / 1e6, Double(size) / Double(attempts) / 1e3))
} catch {
    fail("\(error)")
}
