import Foundation
import Gradebook
import Grading
import TestSupport
import Testing

@testable import Readiness

/// Missed items come back spaced over days, replayed from the gradebook with a fixed clock.
struct ReviewTests {
    func schedule(_ learner: Learner) throws -> ReviewSchedule {
        let evidence = ItemEvidence.collect(from: try learner.book.finishedAttempts(), catalog: Shipped.catalog)
        return ReviewSchedule(evidence: evidence, now: learner.book.now())
    }

    @Test func yesterdaysMissesComeBackTodayAndGoAwayOnceAnsweredRight() throws {
        let learner = try Learner()
        let quiz = try Shipped.test("sentiment-quiz")
        let first = try learner.take(quiz, seconds: { _ in 30 }) { $0 < 4 ? false : true }
        let missed = Set(first.items.filter { $0.verdict != .correct }.map(\.id))
        #expect(missed.count == 4)
        learner.clock.advance(12 * 3600)
        var schedule = try self.schedule(learner)
        #expect(schedule.cards.count == 4 && schedule.due.isEmpty, "not due the same day")
        learner.clock.advance(12 * 3600)
        schedule = try self.schedule(learner)
        #expect(Set(schedule.due.map(\.itemID)) == missed, "due a day later")
        #expect(schedule.due.allSatisfy { $0.intervalDays == 1 && $0.repetitions == 0 })
        // Reviewed by practising: every answer right now.
        try learner.take(quiz, seed: 2, seconds: { _ in 30 }) { _ in true }
        schedule = try self.schedule(learner)
        #expect(schedule.due.isEmpty)
        #expect(schedule.cards.allSatisfy { $0.repetitions == 1 && $0.answers == 2 })
        learner.clock.advance(86_400)
        #expect(Set(try self.schedule(learner).due.map(\.itemID)) == missed, "a first success comes back after one more day")
    }

    @Test func missedBoxesComeBackAsFreshVariantsWhoseAnswersReviewThem() throws {
        let learner = try Learner()
        let boxes = try Shipped.test("street-boxes")
        try learner.take(boxes) { _ in false }
        learner.clock.advance(86_400)
        let due = try schedule(learner).due.filter { $0.kind == .boxes }
        #expect(!due.isEmpty && due.allSatisfy { $0.assessmentID == "street-boxes" })
        let practice = GeneratedPractice(folder: learner.folder.path + "/generated")
        let draw = try practice.draw(for: boxes, book: learner.book, seed: 2, variantsOf: due.map { ($0.itemID, $0.kind) })
        #expect(!draw.resumes && draw.assessment.id == "street-boxes.generated")
        #expect(Array(draw.assessment.items.map(\.id).prefix(due.count)) == due.map { $0.itemID + ".street-scenes" })
        #expect(draw.assessment.items.count == GeneratedPractice.itemsPerDraw)
        try learner.take(draw.assessment, seed: draw.seed) { _ in true }
        let after = try schedule(learner)
        for card in due {
            let reviewed = try #require(after.cards.first { $0.assessmentID == card.assessmentID && $0.itemID == card.itemID })
            #expect(reviewed.answers == 2 && reviewed.repetitions == 1 && reviewed.lastScore == 1)
        }
        #expect(after.due.filter { $0.kind == .boxes }.isEmpty)
        // Fresh items answered right make no card, and count as evidence for their test.
        #expect(after.cards.allSatisfy { !$0.itemID.hasPrefix("f") })
        let evidence = ItemEvidence.collect(from: try learner.book.finishedAttempts(), catalog: Shipped.catalog)
        #expect(evidence.filter { $0.assessmentID == "street-boxes" && $0.score == 1 }.count == GeneratedPractice.itemsPerDraw)
    }

    @Test func sm2SpacesPassesOutAndStartsALapseOver() {
        var repetitions = 0, easiness = ReviewSchedule.initialEasiness, interval = 0
        var intervals: [Int] = []
        for quality in [5, 5, 5, 1, 3] {
            ReviewSchedule.step(quality: quality, repetitions: &repetitions, easiness: &easiness, interval: &interval)
            intervals.append(interval)
        }
        // 1 day, 6 days, ⌈6 × 2.7⌉ = 17 days; a lapse starts over at 1; then 1 again.
        #expect(intervals == [1, 6, 17, 1, 1])
        // 2.5 + 3 × 0.1 − 0.54 (a lapse) − 0.14 (a hard pass).
        #expect(abs(easiness - 2.12) < 1e-12)
        for _ in 0..<10 { ReviewSchedule.step(quality: 1, repetitions: &repetitions, easiness: &easiness, interval: &interval) }
        #expect(easiness == ReviewSchedule.minimumEasiness)
    }

    @Test func scoresMapToSM2Grades() {
        #expect([1, 0.75, 0.5, 0.49, 0].map(ReviewSchedule.quality) == [5, 3, 3, 1, 1])
    }
}
