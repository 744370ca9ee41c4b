import Foundation
import Testing

/// Content written to break the program: huge numbers, escape sequences and paths that lead
/// out of their folder are reported, never obeyed, never printed raw and never a crash.
extension CommandLineTests {
    /// A copy of a fixture folder in this test's own data directory, with `edit` applied to
    /// the text of `file`.
    private func copy(_ fixture: String, as name: String, editing file: String, _ edit: (String) -> String) throws -> String {
        let folder = dataDirectory + "/content/" + name
        try FileManager.default.createDirectory(atPath: dataDirectory + "/content", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture, toPath: folder)
        let path = folder + "/" + file
        try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        return folder
    }

    /// Whether any control character that steers a terminal (ESC, a C1 control, a
    /// bidirectional override) is in `text`.
    private func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\u{1B}" || (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }
    }

    @Test(arguments: [
        (
            "time-limit: 10m", "time-limit: 1e19",
            "assessment.md:4:13: error: [invalid-value] 'time-limit' must be from 0 to 7 days, got '1e19'"
        ),
        (
            "retake-delay: 1h", "retake-delay: 99999999999999999999d",
            "assessment.md:8:17: error: [invalid-value] 'retake-delay' must be from 0 to 365 days, got '99999999999999999999d'"
        ),
        (
            "retake-delay: 1h", "retake-delay: 1h\n  removal-below: 1e20%",
            "assessment.md:9:18: error: [invalid-value] 'removal-below' in 'policy' must be from 0% to 100%, got '1e20%'"
        ),
    ])
    func hugeNumbersAreReportedByCheckAndNeverTrapAssessmentsOrTake(from: String, to: String, expected: String) throws {
        let folder = try copy(Self.assessments + "/quiz", as: "quiz", editing: "assessment.md") {
            $0.replacingOccurrences(of: from, with: to)
        }
        let check = try run(["check", folder])
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix(folder + "/" + expected + "\n"))
        let list = try run(["assessments", "--assessments", dataDirectory + "/content"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("quiz  has errors; run 'groundwork check "))
        let take = try run(["take", "quiz", "--assessments", dataDirectory + "/content"], input: "1\n1\n1\n")
        #expect(take.status == 2)
        #expect(take.stderr.contains("has 1 error(s); fix them first"))
    }

    @Test func escapeSequencesInTitlesNamesAndQuotedValuesNeverReachTheTerminal() throws {
        let escape = "\u{1B}[2J\u{1B}]0;owned\u{07}\u{9B}31m\u{202E}"
        let course = try copy(Self.course, as: "course", editing: "SUMMARY.md") {
            $0.replacingOccurrences(of: "# Tiny course", with: "# Tiny \(escape)course")
                .replacingOccurrences(of: "## Basics", with: "## Basics \(escape)")
        }
        let lesson = course + "/basics/labels.md"
        try String(contentsOfFile: lesson, encoding: .utf8)
            .replacingOccurrences(of: "summary:", with: "title: Labels \(escape)\nsummray: typo \(escape)\nsummary:")
            .write(toFile: lesson, atomically: true, encoding: .utf8)
        let test = try copy(Self.assessments + "/quiz", as: "quiz", editing: "assessment.md") {
            $0.replacingOccurrences(of: "title: Colour quiz", with: "title: \"Colour \\e[31mquiz\\x9B2J\\u202E\"")
        }
        try FileManager.default.createDirectory(atPath: test + "/answers", withIntermediateDirectories: true)
        try #"{"assessment": "quiz", "learner": "Ana\u001b[2J\u009b31m\u202e", "answers": {"sky": "blue"}}"#
            .write(toFile: test + "/answers/ana.json", atomically: true, encoding: .utf8)
        let tests = dataDirectory + "/content"
        let runs = [
            try run(["--content", course, "--assessments", tests]),
            try run(["lessons", "--content", course]),
            try run(["lessons", "--content", course, "--format", "json"]),
            try run(["check", course]),
            try run(["check", course, "--format", "json"]),
            try run(["assessments", "--assessments", tests]),
            try run(["grade", test, "--answers", test + "/answers/ana.json"]),
            try run(["grade", test, "--answers", test + "/answers/ana.json", "--format", "json"]),
            try run(["grade", test, "--answers", test + "/answers"]),
            try run(["grade", test, "--answers", test + "/answers", "--format", "csv"]),
            try run(["take", "quiz", "--assessments", tests, "--seed", "1"], input: "1\n1\n1\n"),
            try run(["history", "--assessments", tests]),
            try run(["report", "--assessments", tests]),
            try run(["take", "no-such-\(escape)", "--assessments", tests]),
        ]
        for result in runs {
            #expect(!hasRawControl(result.stdout + result.stderr), "\(result.stdout.debugDescription) \(result.stderr.debugDescription)")
        }
        #expect(runs[1].stdout.contains("Tiny [2J]0;owned31mcourse"))
        #expect(runs[3].stdout.contains("[front-matter-unknown-key] unknown key 'summray' in front matter; did you mean 'summary'?"))
        #expect(runs[9].stdout.contains(",Ana[2J31m,"))
        #expect(runs[2].stdout.contains(#"Labels \u001b[2J\u001b]0;owned\u0007\u009B31m\u202E""#))
    }

    @Test func aLessonLinkedToAFileOutsideTheCourseIsReportedAndNeverRead() throws {
        let outside = dataDirectory + "/secret.md"
        let course = try copy(Self.course, as: "course", editing: "SUMMARY.md") { $0 + "- [Secret](basics/secret.md)\n" }
        try "# Secret\n\nThe password is swordfish.\n".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: course + "/basics/secret.md", withDestinationPath: outside)
        let check = try run(["check", course])
        #expect(check.status == 1)
        #expect(
            check.stdout.hasPrefix(
                course + "/basics/secret.md: error: [outside-folder] file is a symbolic link to a file outside the course, "
                    + "which is never read; copy the file into the course\n"))
        let read = try run(["read", "secret", "--content", course])
        #expect(read.status == 2)
        #expect(!read.stdout.contains("swordfish"))
        #expect(read.stderr == "groundwork: no lesson with id 'secret'; 'groundwork lessons' lists them\n")
    }

    @Test func mediaOutsideTheTestFolderAreRefusedByCheckAndNeverPlayed() throws {
        let test = try copy(Self.assessments + "/typed", as: "typed", editing: "items.yaml") {
            $0.replacingOccurrences(of: "silence.wav", with: "../../../../../../etc/passwd")
        }
        let check = try run(["check", test])
        #expect(check.status == 1)
        #expect(check.stdout.contains("error: [outside-folder] media file '../../../../../../etc/passwd' of item "))
        let take = try run(["take", "typed", "--assessments", dataDirectory + "/content"], input: ":q\n")
        #expect(take.status == 2)
        #expect(!take.stdout.contains("passwd"))
    }
}
