import Foundation
import Gradebook
import Grading
import HTTPTypes
import Readiness

/// Practice at fresh generated items on the web: which tests offer it, starting it, and the
/// generated practice a recorded attempt asked.
extension Site {
    /// The generators that can make fresh items for `test` here: none without a folder to
    /// write them to, and no speech without espeak-ng.
    func freshGenerators(for test: Assessment) -> [ItemGenerator] {
        guard generated != nil else { return [] }
        let speech = SpeechSynthesizer.program != nil
        return GeneratedPractice.generators(for: test).filter { speech || !$0.needsSpeechSynthesis }
    }

    /// The test a recorded attempt asked: its test, or for practice at generated items that
    /// practice rebuilt from the attempt's seed and item ids.
    func assessment(for record: Attempt) throws -> Assessment {
        guard let sourceID = GeneratedPractice.sourceID(of: record.assessmentID) else { return try assessment(record.assessmentID) }
        guard let generated else { throw WebError(.notFound, "fresh practice items are not available on this server") }
        let source = try assessment(sourceID)
        do {
            return try generated.assessment(of: source, seed: UInt64(bitPattern: record.seed), itemIDs: record.itemIDs)
        } catch {
            throw WebError(.internalServerError, error.description)
        }
    }

    /// Starts (or continues) practice at fresh items of `test` for the learner of `book`:
    /// missed items due for review come back first as fresh variants.
    func beginGenerated(_ test: Assessment, book: LearnerBook) throws -> Attempt {
        guard let generated, !freshGenerators(for: test).isEmpty else {
            let made = GeneratedPractice.generators(for: test)
            let why = made.isEmpty ? "no generator makes \(test.title)'s kinds of item" : SpeechSynthesizer.missingMessage
            throw WebError(.notFound, "no fresh items for \(test.id): \(why)")
        }
        let due = try ReviewSchedule.load(book: book, catalog: catalog).due.filter { $0.assessmentID == test.id }
        do {
            let draw = try generated.draw(
                for: test, book: book, seed: UInt64.random(in: 0...UInt64(Int64.max)), variantsOf: due.map { ($0.itemID, $0.kind) })
            return try AttemptDesk(site: self, book: book).begin(draw.assessment, purpose: .practice, seed: draw.seed)
        } catch let error as GeneratedPracticeError {
            throw WebError(.internalServerError, error.description)
        }
    }

    /// Where the page fetches a media file of an item: from the test's folder, or for
    /// generated practice from the attempt's own.
    static func mediaURL(_ file: String, test: Assessment, attempt: Int64) -> String {
        GeneratedPractice.sourceID(of: test.id) == nil ? "/tests/\(test.id)/files/\(file)" : "/attempts/\(attempt)/files/\(file)"
    }
}
