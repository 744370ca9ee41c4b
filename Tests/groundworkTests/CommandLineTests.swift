import Foundation
import TestSupport
import Testing

/// Runs the built `groundwork` program end to end and checks what a person sees.
struct CommandLineTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let course = fixtures.appendingPathComponent("Course").path
    static let brokenCourse = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("CoursewareTests/Fixtures/BrokenCourse").path

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `groundwork` executable built beside this test bundle.
    static func executable() throws -> URL { try BuiltProgram.url("groundwork") }

    /// A data directory of this test's own, so no test touches a real gradebook.
    let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("gw-data-\(UUID().uuidString)").path

    /// Runs `groundwork` with `input` as its standard input (none by default); `launcher`
    /// (a program and its arguments) runs it instead, with `groundwork` as the last argument
    /// unless `launcherOnly` (the arguments then say everything, as `script -c` needs).
    func run(
        _ arguments: [String], input: String? = nil, environment: [String: String] = [:], launcher: [String] = [],
        executable: URL? = nil, launcherOnly: Bool = false
    ) throws -> Run {
        let process = Process()
        let program = try executable ?? Self.executable()
        if let first = launcher.first {
            process.executableURL = URL(fileURLWithPath: first)
            process.arguments = launcher.dropFirst() + (launcherOnly ? [] : [program.path]) + arguments
        } else {
            process.executableURL = program
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "80"
        env.removeValue(forKey: "GROUNDWORK_CONTENT")
        env.removeValue(forKey: "GROUNDWORK_DATABASE")
        env["GROUNDWORK_DATA"] = dataDirectory
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func homeShowsTheCourseAndTheNextLesson() throws {
        let result = try run(["--content", Self.course])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Tiny course\n2 lessons in 1 modules, about 2 min of reading.\nProgress: 0 of 2 lessons read.\n"))
        #expect(result.stdout.contains("  1. Basics — 0/2 lessons read, 2 min"))
        #expect(result.stdout.contains("Next: Labels (1 min)\n  groundwork read labels"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func readingALessonRecordsProgressThatHomeShows() throws {
        #expect(try run(["read", "labels", "--content", Self.course]).status == 0)
        let home = try run(["--content", Self.course])
        #expect(home.stdout.contains("Progress: 1 of 2 lessons read."))
        #expect(home.stdout.contains("Next: Boxes (1 min)\n  groundwork read boxes"))
        #expect(try run(["read", "boxes", "--content", Self.course]).status == 0)
        #expect(try run(["--content", Self.course]).stdout.contains("You have read every lesson."))
    }

    @Test func aDamagedGradebookDoesNotStopReading() throws {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let file = dataDirectory + "/gradebook.sqlite"
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: file))
        let result = try run(["read", "labels", "--content", Self.course])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Labels"))
        #expect(result.stderr.contains("progress is not saved"))
        #expect(result.stderr.contains("left untouched"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data("not a database".utf8))
    }

    /// A read-only data folder is a sentence and exit 2, never raw SQL. Root writes whatever
    /// the mode bits say (CI runs as root), so there the program runs as `nobody` through
    /// util-linux's setpriv, from copies that `nobody` can read.
    @Test func aReadOnlyDataFolderIsASentenceAndExitTwo() throws {
        let files = FileManager.default
        let root = files.temporaryDirectory.appendingPathComponent("gw-readonly-\(UUID().uuidString)")
        let data = root.appendingPathComponent("data"), course = root.appendingPathComponent("Course")
        let assessments = root.appendingPathComponent("Assessments")
        try files.createDirectory(at: data, withIntermediateDirectories: true)
        try files.copyItem(atPath: Self.course, toPath: course.path)
        try files.copyItem(atPath: Self.fixtures.appendingPathComponent("Assessments").path, toPath: assessments.path)
        let program = root.appendingPathComponent("groundwork")
        try files.copyItem(at: try Self.executable(), to: program)
        defer { try? files.removeItem(at: root) }
        let asRoot = getuid() == 0
        let launcher = asRoot ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let options = ["--content", course.path, "--data-dir", data.path]
        // A gradebook exists (the first lesson read), then the folder and file become read-only.
        try files.setAttributes([.posixPermissions: 0o777], ofItemAtPath: data.path)
        for path in [root.path, course.path, assessments.path] {
            try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        #expect(try run(["read", "labels"] + options, launcher: launcher, executable: program).status == 0)
        for entry in try files.contentsOfDirectory(atPath: data.path) {
            try files.setAttributes([.posixPermissions: 0o444], ofItemAtPath: data.appendingPathComponent(entry).path)
        }
        try files.setAttributes([.posixPermissions: 0o555], ofItemAtPath: data.path)
        // A test cannot start: nothing would be kept.
        let take = try run(
            ["take", "quiz", "--assessments", assessments.path, "--data-dir", data.path], input: "1\n", launcher: launcher,
            executable: program)
        #expect(take.status == 2)
        #expect(take.stderr.contains("cannot be written: the folder or file is read-only"))
        #expect(!take.stderr.contains("SQLite") && !take.stderr.contains("SQL "))
        // A lesson is still read, and the learner is told its progress is not kept.
        let read = try run(["read", "boxes"] + options, launcher: launcher, executable: program)
        #expect(read.status == 0)
        #expect(read.stderr.contains("progress is not saved: the gradebook at"))
    }

    @Test func lessonsListsTheTreeWithIdsAndMinutes() throws {
        let result = try run(["lessons", "--content", Self.course])
        #expect(result.status == 0)
        #expect(result.stdout == "Tiny course\n\nBasics\n  labels  Labels  1 min\n  boxes   Boxes  1 min\n")
    }

    @Test func lessonsAsJSONIsMachineReadable() throws {
        let result = try run(["lessons", "--content", Self.course, "--format", "json"])
        let modules = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        let lessons = modules?.first?["lessons"] as? [[String: Any]]
        #expect(lessons?.map { $0["id"] as? String } == ["labels", "boxes"])
        #expect(lessons?.last?["prerequisites"] as? [String] == ["labels"])
    }

    /// In a terminal (util-linux `script` gives one) a lesson longer than the screen goes
    /// through $PAGER, its quiz is still asked, the quiz result closes the lesson, and
    /// `lessons` then shows the read mark and the quiz marks.
    @Test func aLongLessonIsPagedItsQuizAskedAndItsMarksShownInLessons() throws {
        let paged = FileManager.default.temporaryDirectory.appendingPathComponent("gw-paged-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: paged) }
        let command = ([try Self.executable().path, "read", "labels", "--content", Self.course, "--data-dir", dataDirectory])
            .map { "'\($0)'" }.joined(separator: " ")
        let result = try run(
            ["-qec", command, "/dev/null"], input: "A\n",
            environment: ["LINES": "5", "PAGER": "cat > '\(paged.path)'", "NO_COLOR": "1"], launcher: ["/usr/bin/script"],
            launcherOnly: true)
        #expect(result.status == 0)
        let shown = try String(contentsOf: paged, encoding: .utf8)
        #expect(shown.contains("Labels") && shown.contains("A label is an answer attached to data."))
        #expect(!result.stdout.contains("A label is an answer attached to data."), "the text went to the pager")
        #expect(result.stdout.contains("Which is a label?"))
        #expect(result.stdout.contains("Quizzes: 1 of 1 right this time."))
        let lessons = try run(["lessons", "--content", Self.course])
        #expect(lessons.stdout.contains("✓ labels  Labels  1 min, quizzes 1/1"))
        #expect(lessons.stdout.contains("  boxes   Boxes  1 min\n"))
    }

    @Test func readPrintsTheLessonWithQuizAnswersHiddenWhenPiped() throws {
        let result = try run(["read", "labels", "--content", Self.course])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                labels · 1 min read
                You will learn to:
                  • Say what a label is

                Labels
                ══════

                A label is an answer attached to data. Read
                Boxes <groundwork read boxes § tight-boxes> next.

                ▌ TIP: Start small
                ▌ Label ten items, then check them.

                QUIZ
                Which is a label?

                  A) "cat" on a photo of a cat
                  B) The photo's file size
                (Answer hidden: run 'groundwork read' in a terminal to try this quiz.)

                """)
    }

    @Test func anUnknownLessonSuggestsTheClosestId() throws {
        let result = try run(["read", "lables", "--content", Self.course])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "groundwork: no lesson with id 'lables'; did you mean 'labels'?\n")
    }

    @Test func renderWritesHTMLForAFile() throws {
        let result = try run(["render", Self.course + "/basics/boxes.md", "--format", "html"])
        #expect(result.status == 0)
        #expect(
            result.stdout
                == "<h1 id=\"boxes\">Boxes</h1>\n<h2 id=\"tight-boxes\">Tight boxes</h2>\n<p>Touch the object's outermost pixels.</p>\n")
    }

    @Test func renderByIdUsesTheCourse() throws {
        let result = try run(["render", "boxes", "--content", Self.course, "--format", "text"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Boxes\n═════\n"))
    }

    @Test func renderOfAMissingFileIsAnInputError() throws {
        let result = try run(["render", "no/such/file.md"])
        #expect(result.status == 2)
        #expect(result.stderr == "groundwork: no file at 'no/such/file.md'\n")
    }

    @Test func checkOfACleanCourseSucceeds() throws {
        let result = try run(["check", Self.course])
        #expect(result.status == 0)
        #expect(result.stdout == "\(Self.course): 3 files checked, no problems\n")
    }

    @Test func checkOfABrokenCourseFailsWithLocatedErrors() throws {
        let result = try run(["check", Self.brokenCourse])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 25)
        #expect(lines.contains { $0.hasSuffix("links.md:9:5: error: [broken-link] link to 'nope.md', which does not exist") })
        #expect(lines.last == "\(Self.brokenCourse): 21 errors, 3 warnings in 12 files")
    }

    @Test func checkAsJSONListsEveryDiagnostic() throws {
        let result = try run(["check", Self.brokenCourse, "--format", "json"])
        #expect(result.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(report?["errors"] as? Int == 21)
        #expect(report?["warnings"] as? Int == 3)
        let first = (report?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["line"] as? Int == 10)
        #expect(first?["column"] as? Int == 3)
        #expect(first?["rule"] as? String == "broken-link")
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gw-strict-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "# C\n\n- [A](a.md)\n".write(to: folder.appendingPathComponent("SUMMARY.md"), atomically: true, encoding: .utf8)
        try "# A\n\nText.\n".write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "# B\n\nUnlisted.\n".write(to: folder.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        #expect(try run(["check", folder.path]).status == 0)
        #expect(try run(["check", folder.path, "--strict"]).status == 1)
    }

    @Test func aMissingCourseFolderIsAnInputError() throws {
        let result = try run(["check", "/no/such/course"])
        #expect(result.status == 2)
        #expect(result.stderr == "groundwork: no course or assessment at '/no/such/course'\n")
    }

    @Test func usageErrorsExitWithTwoAndPointToHelp() throws {
        let result = try run(["lessons", "--format", "yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'yaml'"))
        #expect(result.stderr.contains("--help"))
    }

    static let sentiment = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("GradingTests/Fixtures/Assessments/sentiment-single").path

    private func answersFile(_ json: String) throws -> String {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let path = dataDirectory + "/answers-\(UUID().uuidString).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func gradeExplainsEveryPointLost() throws {
        let result = try run(["grade", Self.sentiment, "--answers", Self.sentiment + "/answers/ana.json"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Sentiment basics\nLearner: ana\nScore: 20% — NOT PASSED (pass mark 75%)\n"))
        #expect(result.stdout.contains("You chose 'NEUTRAL'; the answer is 'MIXED'."))
        #expect(result.stdout.contains("You confused MIXED and NEUTRAL 2 times (q1, q2)"))
        #expect(result.stdout.contains("Lesson: groundwork read text-classification-and-sentiment § sentiment"))
    }

    @Test func gradeWritesTheReportJSON() throws {
        let result = try run(["grade", Self.sentiment, "--answers", Self.sentiment + "/answers/ana.json", "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(report?["assessment"] as? String == "sentiment-single")
        #expect(report?["passed"] as? Bool == false)
        #expect((report?["score"] as? Double).map { abs($0 - 0.2) < 1e-9 } == true)
        #expect((report?["items"] as? [[String: Any]])?.count == 4)
    }

    @Test func gradeOfAFolderSummarisesEveryLearner() throws {
        let text = try run(["grade", Self.sentiment, "--answers", Self.sentiment + "/answers"])
        #expect(text.status == 0)
        #expect(
            text.stdout
                == "Sentiment basics: 1 learner, pass mark 75%\n\nlearner  score  result\nana        20%  fail\n\n0 of 1 passed; mean score 20%\n"
        )
        let csv = try run(["grade", Self.sentiment, "--answers", Self.sentiment + "/answers", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("file,learner,score,passed,correct,partial,incorrect,unanswered\n"))
        #expect(csv.stdout.hasSuffix(",ana,0.2000,false,0,1,3,0\n"))
    }

    @Test func badAnswersFilesNameTheFileAndTheItem() throws {
        let wrongShape = try answersFile(#"{"assessment": "sentiment-single", "answers": {"q1": 5, "zz": "x"}}"#)
        let result = try run(["grade", Self.sentiment, "--answers", wrongShape])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(wrongShape): item 'q1' (single-choice) expects one option id"))
        #expect(result.stderr.contains("answers item 'zz', which assessment 'sentiment-single' does not have"))

        // One answer of the wrong shape spoils only its item: the rest is graded, exit 2.
        let oneBad = try answersFile(#"{"assessment": "sentiment-single", "answers": {"q1": 5, "q2": "NEGATIVE"}}"#)
        let partly = try run(["grade", Self.sentiment, "--answers", oneBad, "--format", "json"])
        #expect(partly.status == 2)
        #expect(partly.stderr.contains("\(oneBad): item 'q1' (single-choice) expects one option id"))
        #expect(partly.stderr.contains("graded as unanswered"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(partly.stdout.utf8)) as? [String: Any])
        let items = try #require(report["items"] as? [[String: Any]])
        let q1 = try #require(items.first { $0["id"] as? String == "q1" })
        let q2 = try #require(items.first { $0["id"] as? String == "q2" })
        #expect(q1["verdict"] as? String == "unanswered")
        #expect((q1["feedback"] as? [String])?.first?.hasPrefix("Your answer could not be read, so it counts as unanswered") == true)
        #expect(q2["response"] as? String == "NEGATIVE")
        // An exam is not started from a file with an answer it cannot read.
        let folder = URL(fileURLWithPath: Self.sentiment).deletingLastPathComponent().path
        let take = try run(["take", "sentiment-single", "--assessments", folder, "--answers", oneBad])
        #expect(take.status == 2)
        #expect(take.stderr.contains("item 'q1' (single-choice) expects one option id"))
        #expect(!take.stdout.contains("Item 1 of"))

        let otherAssessment = try answersFile(#"{"assessment": "street-boxes", "answers": {}}"#)
        let other = try run(["grade", Self.sentiment, "--answers", otherAssessment])
        #expect(other.status == 2)
        #expect(other.stderr.contains("holds answers for assessment 'street-boxes', not 'sentiment-single'"))

        let malformed = try answersFile("{not json")
        let broken = try run(["grade", Self.sentiment, "--answers", malformed])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("\(malformed):1:2: is not valid JSON here"))
    }

    @Test func anUnknownAssessmentSuggestsTheClosestId() throws {
        let folder = URL(fileURLWithPath: Self.sentiment).deletingLastPathComponent().path
        let result = try run(["grade", "sentiment-singel", "--assessments", folder, "--answers", "x.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no assessment 'sentiment-singel'"))
        #expect(result.stderr.contains("did you mean 'sentiment-single'?"))
    }

    @Test func assessmentsListsFactsAndRules() throws {
        let folder = URL(fileURLWithPath: Self.sentiment).deletingLastPathComponent().path
        let result = try run(["assessments", "--assessments", folder])
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                """
                sentiment-single  Sentiment basics
                  4 items (single-choice); 15 min limit; pass mark 75%
                  appen style, quiz mode; reasons after each answer; 2 attempts; retake after 1
                  day

                """))
    }

    @Test func helpListsEveryCommandWithExamples() throws {
        let result = try run(["--help"])
        #expect(result.status == 0)
        for command in ["home", "lessons", "read", "render", "assessments", "grade", "check"] {
            #expect(result.stdout.contains("  \(command) "))
        }
        #expect(result.stdout.contains("Examples:"))
        for command in ["home", "lessons", "read", "render", "assessments", "grade", "check"] {
            #expect(try run([command, "--help"]).stdout.contains("Examples:"), "\(command)")
        }
    }
}
