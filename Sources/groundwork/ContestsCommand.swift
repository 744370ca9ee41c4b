import ArgumentParser
import Courseware
import Foundation
import Gradebook
import Grading

/// `groundwork contests`: a mentor lists learners' contests of gold answers and decides them.
struct ContestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contests",
        abstract: "List learners' contests of gold answers; accept or reject them (for mentors).",
        discussion: """
            Without an option: the open contests, each with the learner's reason, their
            answer and the current gold. --all lists decided ones too.

            --accept ID writes the learner's answer (or --gold, in the item's
            answers-JSON shape) as the item's gold in items.yaml, changing only that
            item's 'answer:' lines, then re-scores every finished attempt in this
            gradebook that asked the item; the old scores are kept. --reject ID needs a
            --reply the learner will read. Nothing is ever deleted.

            Examples:
              groundwork contests
              groundwork contests --accept 3 --reply "Right: the review is mixed."
              groundwork contests --accept 4 --gold '["spam", "link"]'
              groundwork contests --reject 5 --reply "Sarcasm counts as negative; see the lesson."
            """
    )

    @Option(help: ArgumentHelp("Accept this contest.", valueName: "id")) var accept: Int64?
    @Option(help: ArgumentHelp("Reject this contest (with --reply).", valueName: "id")) var reject: Int64?
    @Option(help: ArgumentHelp("Your answer to the learner.", valueName: "text")) var reply: String?
    @Option(help: ArgumentHelp("With --accept: the new gold, in answers-JSON shape (default: the learner's answer).", valueName: "json"))
    var gold: String?
    @Flag(help: "List decided contests too.") var all = false
    @OptionGroup var assessments: AssessmentOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        if accept != nil && reject != nil { throw ValidationError("give --accept or --reject, not both") }
        if reject != nil && (reply ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--reject needs --reply saying why the gold stands; the learner reads it")
        }
        if gold != nil && accept == nil { throw ValidationError("--gold goes with --accept") }
    }

    func run() throws {
        let gradebook = try data.gradebook()
        do {
            if let id = accept {
                guard let contest = try gradebook.contest(id: id) else {
                    throw CommandError("no contest #\(id); 'groundwork contests --all' lists them")
                }
                let folder = try assessments.resolve(contest.assessmentID)
                let done = try ContestDesk(gradebook: gradebook).accept(
                    id, folder: folder, gold: gold, reply: reply, actor: Self.actor)
                print(
                    "Accepted contest #\(id): \(TerminalStyle.sanitize(done.itemsPath)):\(done.line) now reads the new gold of '\(contest.itemID)'."
                )
                print(rescoreSummary(done.rescores))
                for line in done.skipped { Terminal.printError("groundwork: not re-scored: \(TerminalStyle.sanitize(line))") }
            } else if let id = reject {
                _ = try ContestDesk(gradebook: gradebook).reject(id, reply: reply ?? "", actor: Self.actor)
                print("Rejected contest #\(id); the learner will read your reply on their home view.")
            } else {
                try list(gradebook)
            }
        } catch let error as ContestError {
            throw CommandError(error.message)
        }
    }

    /// Who the audit log names for a decision made at the terminal: `cli:` and the login name.
    static var actor: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) }
        return "cli:" + (user ?? "uid \(getuid())")
    }

    private func rescoreSummary(_ rescores: [Rescore]) -> String {
        guard !rescores.isEmpty else { return "No finished attempt asked it, so no score changed." }
        let lines = rescores.map { rescore in
            "  attempt #\(rescore.attemptID) (\(TerminalStyle.sanitize(rescore.learnerID))): \(SummaryTable.percent(rescore.oldScore)) → \(SummaryTable.percent(rescore.newScore))"
                + (rescore.oldPassed != rescore.newPassed ? (rescore.newPassed ? ", now passed" : ", now not passed") : "")
        }
        return "Re-scored \(rescores.count == 1 ? "1 attempt" : "\(rescores.count) attempts") (old scores kept):\n"
            + lines.joined(separator: "\n")
    }

    private func list(_ gradebook: Gradebook) throws {
        let contests = try gradebook.contests(status: all ? nil : .open)
        guard !contests.isEmpty else {
            print(all ? "No contests yet." : "No open contests. ('--all' lists decided ones.)")
            return
        }
        let renderer = Terminal.renderer()
        for contest in contests {
            let id = contest.id ?? 0
            var lines = [
                "#\(id) \(contest.status.rawValue): '\(contest.learnerID)' on item '\(contest.itemID)' of '\(contest.assessmentID)' "
                    + "(attempt #\(contest.attemptID), \(TimeText.moment(contest.filedAt)))",
                "  Reason: \(contest.reason)",
                "  Their answer: \(contest.proposedJSON ?? "none")",
            ]
            if contest.status == .open, let test = try? assessments.load(contest.assessmentID), let item = test.item(contest.itemID) {
                let current = item.content.goldResponses.first.map { JSONText.compact($0.json) } ?? "(a pattern)"
                lines.append("  Gold now: \(current)")
                lines.append("  Decide: groundwork contests --accept \(id) [--reply …]  or  --reject \(id) --reply …")
            }
            if let gold = contest.goldJSON { lines.append("  Gold set to: \(gold)") }
            if let reply = contest.reply { lines.append("  Reply: \(reply)") }
            // The first line flush left, the details indented by two, every line wrapped.
            let wrapped =
                [renderer.wrap(TerminalStyle.sanitize(lines[0]))]
                + lines.dropFirst().map { renderer.wrap(TerminalStyle.sanitize(String($0.dropFirst(2))), indent: "  ") }
            print(wrapped.joined(separator: "\n") + "\n")
        }
    }
}
