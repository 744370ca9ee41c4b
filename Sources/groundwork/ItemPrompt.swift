import Courseware
import Foundation
import Grading

/// Shows one item at the terminal and reads the learner's answer. It is given the learner's
/// view of the item, which holds no gold, so nothing here can reveal an answer.
struct ItemPrompt {
    /// What the learner did at the prompt.
    enum Reply {
        case answer(ItemResponse?)
        /// `:q` or end of input: save and leave.
        case leave
        /// Where the test lets the learner go back: `:flag` (flag or unflag this item),
        /// `:back`, `:go N`, `:review` (the list of items), `:submit`.
        case flag
        case back
        case go(Int)
        case review
        case submit
    }

    let item: LearnerItem
    /// Where the item's media files are.
    let folder: String
    /// Choice options in the order this attempt shows them.
    let options: [ChoiceTask.Option]
    let renderer: TerminalRenderer
    /// The test's guideline (its instructions, Markdown), which `:guide` shows again.
    let guide: String
    /// Whether the test lets the learner go back (`navigation: nonlinear`), which the
    /// navigation commands need.
    var canGoBack = false

    static let commands = "(:help lists the commands)"

    static let help = """
        :guide  show the test's guideline again
        :skip   leave this item unanswered and go on
        :q      save and leave; the same command again resumes here
        :help   this list
        """

    /// The commands of a test that lets the learner go back.
    static let navigationHelp = """
        :flag   flag this item to come back to (again: unflag it)
        :back   go to the item before this one
        :go N   go to item N
        :review list every item: answered, skipped, flagged
        :submit hand the test in now
        """

    /// What the navigation commands say on a test that goes forward only.
    static let linearOnly =
        "This test goes forward only, as most platforms' quizzes do: an answer is final once given, so there is no going back or flagging."

    func ask() -> Reply {
        print(renderer.render(MarkdownDocument(source: SourceFile(path: "prompt", text: item.prompt))), terminator: "")
        switch item.task {
        case .singleChoice:
            showNumbered(options.map(\.text))
            return read("Your answer (1–\(options.count)): ") { .singleChoice(try AnswerInput.choice($0, options)) }
        case .multipleChoice:
            showNumbered(options.map(\.text))
            let none = AnswerInput.hasNoneOption(options) ? "" : ", or none"
            return read("Every choice that applies (e.g. 1,3\(none)): ") { .multipleChoice(try AnswerInput.choices($0, options)) }
        case .rating(let task):
            let labels = (task.minimum...task.maximum).compactMap { value in task.labels[value].map { "  \(value) = \($0)" } }
            if !labels.isEmpty { print(TerminalStyle.sanitize(labels.joined(separator: "\n"))) }
            return read("Your rating (\(task.minimum)–\(task.maximum)): ") {
                .rating(try AnswerInput.integer($0, task.minimum, task.maximum))
            }
        case .shortText:
            return read("Your answer: ") { line in
                guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { throw AnswerInput.Problem("Type your answer.") }
                return .shortText(line)
            }
        case .numeric(let task):
            return read("Your answer\(task.unit.map { " (in \($0))" } ?? ""): ") { .numeric(try AnswerInput.number($0)) }
        case .spans(let task):
            let words = AnswerInput.tokens(task.text)
            print(
                TerminalStyle.sanitize(
                    renderer.wrap(words.enumerated().map { "\($0.element.text)[\($0.offset + 1)]" }.joined(separator: " "))))
            print(TerminalStyle.sanitize("Labels: \(task.labels.joined(separator: ", "))"))
            return read("Entities as token range and label, e.g. 1-2 \(task.labels[0]); 5 \(task.labels.last ?? "") (or none): ") {
                .spans(try AnswerInput.spans($0, task))
            }
        case .transcription(let task):
            let audio = task.audio.flatMap(mediaPath)
            if let audio { AudioPlayer.play(audio) }
            return read("Transcript\(audio == nil ? "" : " (:play to listen again)"): ", audio: audio) { line in
                guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { throw AnswerInput.Problem("Type what you hear.") }
                return .transcription(line)
            }
        case .timeSegments(let task):
            let audio = task.media.flatMap(mediaPath)
            if let audio { AudioPlayer.play(audio) }
            print(
                TerminalStyle.sanitize("Length: \(String(format: "%g", task.duration)) s. Labels: \(task.labels.joined(separator: ", "))"))
            return read("Events as label start-end in seconds, e.g. \(task.labels[0]) 1.2-2.5; … (or none): ", audio: audio) {
                .timeSegments(try AnswerInput.segments($0, labels: task.labels, duration: task.duration))
            }
        case .ranking(let task):
            showNumbered(task.candidates.map(\.text))
            return read("Order, best first (e.g. \((1...task.candidates.count).map(String.init).joined(separator: " "))): ") {
                .ranking(try AnswerInput.ranking($0, task))
            }
        case .pairwise(let task):
            return askPairwise(task)
        case .rubric(let task):
            if let limits = task.limitsDescription { print(TerminalStyle.sanitize(renderer.wrap("Limits: \(limits)."))) }
            if !task.criteria.isEmpty {
                print("You will grade it against:")
                showNumbered(task.criteria.map { "\($0.title) (\($0.points) point\($0.points == 1 ? "" : "s"))" })
            }
            return readText(task)
        case .boxes, .polygons, .keypoints:
            return .answer(nil)
        }
    }

    /// Reads a written answer of several lines, ended by a line holding only `.`; the
    /// commands work on the first line, before any text.
    private func readText(_ task: RubricTask) -> Reply {
        print(TerminalStyle.sanitize("Write your answer; end it with a line holding only '.' \(Self.commands)"))
        var lines: [String] = []
        while true {
            if lines.isEmpty {
                switch read("> ", parse: { .rubric(RubricAnswer(text: $0)) }) {
                case .answer(nil): return .answer(nil)
                case .answer(.rubric(let first)?): lines.append(first.text)
                case .answer(_?): return .answer(nil)
                case let other: return other
                }
            } else {
                print("> ", terminator: "")
                fflush(nil)
                guard let line = readLine() else {
                    print()
                    return .leave
                }
                lines.append(line)
            }
            guard lines.last?.trimmingCharacters(in: .whitespaces) == "." else { continue }
            let text = lines.dropLast().joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                print("Write your answer before the '.' line.")
                lines = []
                continue
            }
            guard text.count <= task.maximumCharacters else {
                print(
                    TerminalStyle.sanitize(
                        "Your answer has \(text.count) characters; at most \(task.maximumCharacters) fit. Write it again, shorter."))
                lines = []
                continue
            }
            return .answer(.rubric(RubricAnswer(text: text)))
        }
    }

    /// Whether this kind is answered by drawing, which the terminal cannot do.
    static func needsDrawing(_ kind: ItemKind) -> Bool {
        kind == .boxes || kind == .polygons || kind == .keypoints
    }

    private func askPairwise(_ task: PairwiseTask) -> Reply {
        for response in task.responses {
            print("Response \(TerminalStyle.sanitize(response.id)):")
            print(renderer.render(MarkdownDocument(source: SourceFile(path: "response", text: response.text))), terminator: "")
        }
        let choices = task.responses.map(\.id) + (task.allowsTie ? ["tie"] : [])
        let preferred = read(
            "Which is better? (\(choices.joined(separator: ", "))): ",
            parse: { line in
                .pairwise(PairwiseAnswer(preferred: try AnswerInput.label(line.trimmingCharacters(in: .whitespaces), choices)))
            })
        guard case .answer(let first) = preferred else { return preferred }
        guard case .pairwise(var answer) = first else { return .answer(nil) }
        for response in task.responses {
            for dimension in task.dimensions {
                let rated = read(
                    "Rate \(response.id) on \(dimension.id) (\(dimension.minimum)–\(dimension.maximum)): ",
                    parse: {
                        .rating(try AnswerInput.integer($0, dimension.minimum, dimension.maximum))
                    })
                guard case .answer(.rating(let value)) = rated else { return Self.unfinished(rated) }
                answer.ratings[response.id, default: [:]][dimension.id] = value
            }
        }
        if task.asksForReason {
            let given = read(
                "Why? One or two sentences: ",
                parse: { line in
                    guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { throw AnswerInput.Problem("Write a short reason.") }
                    return .shortText(line)
                })
            guard case .answer(.shortText(let reason)) = given else { return Self.unfinished(given) }
            answer.reason = reason
        }
        return .answer(.pairwise(answer))
    }

    /// A reply that interrupted an answer of several parts: a skip skips the whole item, and a
    /// command is carried out (the parts typed so far are not kept).
    private static func unfinished(_ reply: Reply) -> Reply {
        if case .answer = reply { return .answer(nil) }
        return reply
    }

    /// Asks until the line parses, or the learner skips, leaves or gives a navigation command.
    private func read(_ prompt: String, audio: String? = nil, parse: (String) throws -> ItemResponse) -> Reply {
        while true {
            print(TerminalStyle.sanitize(prompt), terminator: "")
            fflush(nil)
            guard let line = readLine() else {
                print()
                return .leave
            }
            let command = line.trimmingCharacters(in: .whitespaces)
            if [":flag", ":back", ":review", ":submit"].contains(command) || command.hasPrefix(":go") {
                guard canGoBack else {
                    print(TerminalStyle.sanitize(renderer.wrap(Self.linearOnly)))
                    continue
                }
                switch command {
                case ":flag": return .flag
                case ":back": return .back
                case ":review": return .review
                case ":submit": return .submit
                default:
                    let number = command.dropFirst(3).trimmingCharacters(in: .whitespaces)
                    guard let target = Int(number) else {
                        print(TerminalStyle.sanitize("Say which item, e.g. :go 3 \(Self.commands)"))
                        continue
                    }
                    return .go(target)
                }
            }
            switch command {
            case ":q", ":quit": return .leave
            case ":skip": return .answer(nil)
            case ":help", ":h", ":?":
                print(
                    Self.help + (canGoBack ? "\n" + Self.navigationHelp : "")
                        + (audio == nil ? "" : "\n:play   play the audio again"))
                continue
            case ":guide":
                print(renderer.render(MarkdownDocument(source: SourceFile(path: "guide", text: guide))), terminator: "")
                continue
            case ":play":
                if let audio { AudioPlayer.play(audio) } else { print("This item has no audio.") }
                continue
            default: break
            }
            do {
                return .answer(try parse(line))
            } catch let problem as AnswerInput.Problem {
                print(TerminalStyle.sanitize("\(problem.message) \(Self.commands)"))
            } catch {
                print(TerminalStyle.sanitize("\(error) \(Self.commands)"))
            }
        }
    }

    /// The media file inside the test's folder, or nil for a name that leads elsewhere (a URL,
    /// `..`, a link outside): `check` refuses those, and the player is never handed one.
    private func mediaPath(_ name: String) -> String? {
        ContainedPath.problem(with: name, in: folder) == nil ? WorkspaceFolder.join(folder, name) : nil
    }

    private func showNumbered(_ texts: [String]) {
        for (index, text) in texts.enumerated() { print("  \(index + 1). \(TerminalStyle.sanitize(text))") }
    }
}

/// Plays a sound file with the first player found on this machine, or says where it is.
enum AudioPlayer {
    static let players = [
        ("paplay", [String]()), ("aplay", ["-q"]), ("play", ["-q"]), ("ffplay", ["-nodisp", "-autoexit", "-loglevel", "quiet"]),
    ]

    static func play(_ path: String) {
        let environment = ProcessInfo.processInfo.environment
        let search = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        let silent = environment["GROUNDWORK_NO_AUDIO"].map { !$0.isEmpty } ?? false
        guard !silent, Terminal.isInteractive,
            let (name, arguments) = players.first(where: { player in
                search.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(player.0)") }
            }),
            let directory = search.first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") })
        else {
            print(TerminalStyle.sanitize("Audio: \(path) (open it in any audio player)"))
            return
        }
        print(TerminalStyle.sanitize("Playing \(path)…"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(directory)/\(name)")
        process.arguments = arguments + [path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            print(TerminalStyle.sanitize("Audio: \(path) (could not play it: \(error.localizedDescription))"))
        }
    }
}
