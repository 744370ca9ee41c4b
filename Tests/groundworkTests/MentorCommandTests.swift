import Foundation
import Testing

/// `stats`, `agreement`, `export attempts`, `contest` and `contests` end to end.
extension CommandLineTests {
    static let cohort = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GradingTests/Fixtures/Cohort").path

    /// A copy of the command-line fixtures (tests and course), which accepting a contest may edit.
    private func fixturesCopy() throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("gw-fixtures-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.fixtures.path, toPath: copy)
        return copy
    }

    @Test func gradeOfAFolderCountsALearnerNamedTwiceOnceAndSaysWhichFileItKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gw-answers-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, answer) in [("a", "blue"), ("b", "red")] {
            try #"{"assessment": "quiz", "learner": "ana", "answers": {"sky": "\#(answer)"}}"#.write(
                toFile: "\(folder)/\(name).json", atomically: true, encoding: .utf8)
        }
        let result = try run(["grade", "quiz", "--answers", folder, "--assessments", Self.assessments])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Colour quiz: 1 learner, pass mark 60%"))
        #expect(result.stdout.contains("\nana         0%  fail\n"))  // b.json, the later in name order, answers red
        #expect(
            result.stderr.contains(
                "warning: learner 'ana' is named by 2 files; keeping \(folder)/b.json (the last file in name order; add dates to choose by time), leaving out \(folder)/a.json"
            ))
    }

    @Test func statsFlagsThePlantedBadItemOfTheGeneratedCohort() throws {
        let result = try run(["stats", "\(Self.cohort)/mentor-trial", "--answers", "\(Self.cohort)/answers"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Mentor trial: item analysis of 30 learners\n"))
        #expect(result.stdout.contains("Items to review:\n  s5: weaker learners do better than stronger ones; check the gold;"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let csv = try run(["stats", "\(Self.cohort)/mentor-trial", "--answers", "\(Self.cohort)/answers", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == 13)
        let one = try run(["stats", "\(Self.cohort)/mentor-trial", "--answers", "\(Self.cohort)/answers/learner-01.json"])
        #expect(one.status == 2)
        #expect(one.stderr.contains("--answers takes a folder of answers files"))
    }

    @Test func statsAsCSVWarnsOfASmallCohortOnStandardError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gw-small-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for number in 1...5 {
            let name = String(format: "learner-%02d.json", number)
            try FileManager.default.copyItem(atPath: "\(Self.cohort)/answers/\(name)", toPath: "\(folder)/\(name)")
        }
        let csv = try run(["stats", "\(Self.cohort)/mentor-trial", "--answers", folder, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("item,kind,section,facility,discrimination,item_total,item_total_uncorrected,scored_zero,flags\n"))
        #expect(csv.stderr.contains("groundwork: Warning: 5 learners is a small cohort (under 20)"))
    }

    @Test func aTestGoesOutAsAQTIPackageAndComesBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gw-qti-\(UUID().uuidString)").path
        let exported = try run(["export", "qti", "quiz", "--assessments", Self.assessments, "--out", folder + "/package"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/package/imsmanifest.xml"))
        let again = try run(["export", "qti", "quiz", "--assessments", Self.assessments, "--out", folder + "/package"])
        #expect(again.status != 0 && again.stderr.contains("imsmanifest.xml' already exists"))
        let noOut = try run(["export", "qti", "quiz", "--assessments", Self.assessments])
        #expect(noOut.status != 0 && noOut.stderr.contains("say where with --out FOLDER"))
        let imported = try run(["import", "qti", folder + "/package", "--into", folder + "/quiz-again"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported "))
        // import checks what it wrote, as 'check' does; a clean package gives no diagnostic.
        #expect(!imported.stdout.contains("error:") && !imported.stdout.contains("warning:"), "\(imported.stdout)")
    }

    @Test func agreementListsTheItemsTheMentorsMustSettle() throws {
        let result = try run(["agreement", "\(Self.cohort)/mentor-trial", "--golds", "\(Self.cohort)/golds"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Items to settle before publishing (6):"))
        #expect(result.stdout.contains("  s5 (single-choice):\n      ana: \"NEUTRAL\"\n      ben: \"MIXED\"\n      cleo: \"MIXED\""))
    }

    @Test func aContestAcceptedRewritesTheGoldReScoresTheAttemptAndHomeSaysWhy() throws {
        let copy = try fixturesCopy()
        let tests = copy + "/Assessments"
        #expect(try run(["take", "quiz", "--assessments", tests, "--seed", "1"], input: "2\nblue\n3\n").status == 0)
        let filed = try run(["contest", "1", "sky", "--reason", "Seen from a greenhouse roof.", "--assessments", tests])
        #expect(filed.status == 0, "\(filed.stderr)")
        #expect(filed.stdout.hasPrefix("Contest #1 filed on item 'sky' of attempt #1"))
        let again = try run(["contest", "1", "sky", "--reason", "Still.", "--assessments", tests])
        #expect(again.status == 2)
        #expect(again.stderr.contains("you already contested item 'sky' (contest #1)"))

        let list = try run(["contests", "--assessments", tests])
        #expect(list.stdout.hasPrefix("#1 open: 'local' on item 'sky' of 'quiz' (attempt #1, "))
        #expect(list.stdout.contains("  Their answer: \"green\"\n  Gold now: \"blue\""))
        let before = try String(contentsOfFile: tests + "/quiz/items.yaml", encoding: .utf8)
        let accepted = try run(["contests", "--accept", "1", "--reply", "Fair enough.", "--assessments", tests])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("Re-scored 1 attempt (old scores kept):\n  attempt #1 (local): 33% → 67%, now passed"))
        let after = try String(contentsOfFile: tests + "/quiz/items.yaml", encoding: .utf8)
        #expect(
            after
                == before.replacingOccurrences(of: "  answer: blue\n  reason: Scattered", with: "  answer: \"green\"\n  reason: Scattered"))

        let home = try run(["home", "--content", copy + "/Course", "--assessments", tests])
        let homeText = home.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(homeText.contains("Your contest #1 on item 'sky' of 'quiz' was accepted: its gold is now your answer."))
        #expect(homeText.contains("Re-scored: attempt #1 33% → 67%, now passed. The mentor says: Fair enough."))
        let report = try run(["report", "1", "--assessments", tests])
        #expect(report.stdout.contains("Score: 66.7% — PASSED"))
    }

    @Test func exportedAttemptsAreAnswersFilesThatGradeReads() throws {
        #expect(try take("quiz", ["2", "blue", "3"]).status == 0)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gw-export-\(UUID().uuidString)").path
        let exported = try run(["export", "attempts", "--name", "ana", "--out", out])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout == "Wrote 1 answers file to \(out).\n")
        let file = try String(contentsOfFile: out + "/quiz-ana-attempt-1.json", encoding: .utf8)
        #expect(file.contains("\"learner\" : \"ana\""))
        #expect(file.contains("\"attempt\" : 1"))
        #expect(file.contains("\"sky\" : \"green\""))
        let graded = try run(["grade", "quiz", "--answers", out, "--assessments", Self.assessments])
        #expect(graded.stdout.contains("\nana        33%  fail\n"))
        let none = try run(["export", "attempts", "--assessment", "typed", "--out", out])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no finished exam attempts at 'typed' to export; add --practice"))
    }
}
