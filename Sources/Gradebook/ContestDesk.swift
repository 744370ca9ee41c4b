import Courseware
import Foundation
import Grading

/// Accepting a contest: the one place that changes an item's gold on disk and re-scores the
/// past attempts it affects, for every front end.
///
/// In order: the new gold (the learner's answer, or one the mentor gives) is checked against
/// the item; `items.yaml` is edited in place (``GoldEdit``: only that item's `answer:` lines
/// change); the folder is loaded again and the new gold must load and score 100%; every
/// finished attempt, of any learner, that asked the item is replayed from its recorded
/// answers against the edited assessment; and the decision with every old and new score is
/// written in one transaction. When any step fails, `items.yaml` is put back byte for byte
/// and nothing is written to the gradebook. The whole decision holds the folder's
/// ``FolderLock``, so two acceptances at once take turns and both edits stay.
public struct ContestDesk: Sendable {
    public let gradebook: Gradebook

    public init(gradebook: Gradebook) { self.gradebook = gradebook }

    /// What accepting did.
    public struct Acceptance: Sendable {
        public var contest: Contest
        public var rescores: [Rescore]
        /// Attempts that could not be replayed against the edited test (it changed in other
        /// ways since), each with why; they keep their old score.
        public var skipped: [String]
        /// The edited file and the line of the new `answer:`.
        public var itemsPath: String
        public var line: Int
    }

    /// Accepts contest `contestID` on the assessment in `folder`.
    ///
    /// - Parameters:
    ///   - gold: The new gold in the item's answers-JSON shape; nil takes the learner's answer.
    ///   - reply: The mentor's words to the learner, optional.
    /// - Throws: ``ContestError`` (the file is then as it was), or ``GradebookError``.
    public func accept(_ contestID: Int64, folder: String, gold: String?, reply: String?) throws -> Acceptance {
        // From the contest's status to the last write, nobody else edits this folder's gold.
        try FolderLock.withLock(folder) { try acceptLocked(contestID, folder: folder, gold: gold, reply: reply) }
    }

    private func acceptLocked(_ contestID: Int64, folder: String, gold: String?, reply: String?) throws -> Acceptance {
        guard let contest = try gradebook.contest(id: contestID) else { throw Gradebook.unknown(contestID) }
        guard contest.status == .open else { throw Gradebook.decided(contest) }
        let loaded = AssessmentLoader().load(folder: folder)
        guard let assessment = loaded.assessment, loaded.errors.isEmpty else {
            throw ContestError("the assessment at '\(folder)' has errors; fix them first ('groundwork check \(folder)')")
        }
        guard assessment.id == contest.assessmentID else {
            throw ContestError("contest #\(contestID) is about '\(contest.assessmentID)', not '\(assessment.id)'")
        }
        guard let item = assessment.item(contest.itemID) else {
            throw ContestError("assessment '\(assessment.id)' no longer has item '\(contest.itemID)'; reject the contest with a reply")
        }
        guard let text = gold ?? contest.proposedJSON else {
            throw ContestError("the learner gave no answer to '\(item.id)'; pass the new gold with --gold in the answers-JSON shape")
        }
        let response: ItemResponse
        do {
            guard let decoded = try ItemResponse.decode(recorded: text, for: item) else {
                throw ContestError("the new gold of '\(item.id)' cannot be empty (null)")
            }
            response = decoded
        } catch let error as AnswerShapeError {
            throw ContestError("the new gold of '\(item.id)' (\(item.kind.rawValue)) \(error.message)")
        }
        let itemsPath = URL(fileURLWithPath: folder).appendingPathComponent("items.yaml").path
        guard let original = FileManager.default.contents(atPath: itemsPath) else {
            throw ContestError("cannot read '\(itemsPath)'")
        }
        let edit: GoldEdit.Edit
        do {
            edit = try GoldEdit.replacing(
                String(decoding: original, as: UTF8.self), itemAt: item.position, itemID: item.id, with: response.json)
        } catch {
            throw ContestError("\(itemsPath): \(error.message)")
        }
        try write(Data(edit.text.utf8), to: itemsPath)
        do {
            let reloaded = AssessmentLoader().load(folder: folder)
            guard let edited = reloaded.assessment, reloaded.errors.isEmpty, let newItem = edited.item(item.id),
                newItem.score(response).score >= 1 - 1e-9
            else {
                let problems = reloaded.errors.map(\.description).joined(separator: "; ")
                throw ContestError(
                    "the new gold of '\(item.id)' cannot be written as a plain answer\(problems.isEmpty ? "" : " (\(problems))"); "
                        + "items.yaml was put back as it was: edit the gold by hand")
            }
            var rescored: [(attempt: Attempt, result: AttemptResult)] = []
            var skipped: [String] = []
            for attempt in try gradebook.attemptsAsking(item.id, assessmentID: edited.id) {
                do {
                    rescored.append((attempt, try gradebook.rescored(attempt, with: edited)))
                } catch {
                    skipped.append("attempt #\(attempt.id ?? 0) (\(attempt.learnerID)): \(error)")
                }
            }
            let (accepted, rescores) = try gradebook.recordAcceptance(
                contestID, reply: reply?.trimmingCharacters(in: .whitespacesAndNewlines), gold: response.json, replaced: edit.replaced,
                version: edited.version, rescored: rescored)
            return Acceptance(contest: accepted, rescores: rescores, skipped: skipped, itemsPath: itemsPath, line: edit.line)
        } catch {
            try? write(original, to: itemsPath)
            throw error
        }
    }

    private func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ContestError("cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}

extension Gradebook {
    /// `attempt`'s result recomputed against `assessment`: its recorded answers replayed in
    /// order with their times (so a time-out or a work-mode removal happens where it did),
    /// keeping when it started and its active time. Writes nothing.
    func rescored(_ attempt: Attempt, with assessment: Assessment) throws -> AttemptResult {
        var replay = try RecordedAttempt.load(attempt, of: assessment, in: learner(attempt.learnerID), holder: "rescore")
        if attempt.status == .timedOut { replay.checkTime() }
        let old = attempt.resultJSON.flatMap { try? JSONDecoder().decode(AttemptResult.self, from: Data($0.utf8)) }
        var result = replay.session.result(learner: old?.learner)
        result.startedAt = old?.startedAt
        result.activeSeconds = old?.activeSeconds
        return result
    }
}
