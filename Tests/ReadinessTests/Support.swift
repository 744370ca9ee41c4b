import Courseware
import Foundation
import Gradebook
import Grading
import TestSupport

/// The repository's shipped course and practice tests, which readiness is written against.
enum Shipped {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let course: Course = try! CourseLoader.load(from: root.appendingPathComponent("Content").path)
    static let catalog = AssessmentCatalog(folder: root.appendingPathComponent("Assessments").path)
    static func test(_ id: String) throws -> Assessment { try catalog.assessment(id: id) }
}

/// A clock a test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_796_000_000)) { moment = start }

    var now: @Sendable () -> Date { { [self] in lock.withLock { moment } } }
    func advance(_ seconds: TimeInterval) { lock.withLock { moment += seconds } }
}

/// A learner with a fresh gradebook who takes real attempts at the shipped tests.
struct Learner {
    let folder: TemporaryFolder
    let clock = ManualClock()
    let book: LearnerBook

    init() throws {
        folder = try TemporaryFolder()
        let clock = self.clock
        book = try Gradebook.open(directory: folder.path, clock: clock.now).learner(Gradebook.localLearner)
    }

    /// Takes `test`, answering the k-th item shown (0-based) with its gold when `right(k)`
    /// and with a blank answer otherwise, `seconds` per item; returns the finished result.
    @discardableResult
    func take(
        _ test: Assessment, purpose: AttemptPurpose = .practice, seed: UInt64 = 1, seconds: (Int) -> Double = { _ in 60 },
        right: (Int) -> Bool
    ) throws -> AttemptResult {
        guard case .started(let record) = try book.begin(test, seed: seed, holder: "test", purpose: purpose) else {
            throw TestFailure("\(test.id) did not start")
        }
        var attempt = try RecordedAttempt.load(record, of: test.running(as: purpose), in: book, holder: "test")
        var shown = 0
        while let item = attempt.session.current {
            clock.advance(seconds(shown))
            _ = try attempt.answer(right(shown) ? item.content.goldResponses.first : item.content.emptyResponse)
            shown += 1
        }
        return try attempt.finish()
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
