import ArgumentParser
import Courseware
import Foundation
import Gradebook

/// `groundwork read ID`: a lesson in the terminal, with its quizzes asked interactively.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a lesson in the terminal.",
        discussion: """
            In a terminal, each quiz waits for your answer (a letter, or several letters
            for "select all that apply") and then explains every choice. When the output
            is piped, the lesson is printed with quiz answers hidden.

            Examples:
              groundwork read what-is-data-annotation
              groundwork read bounding-boxes | less -R
            """
    )

    @OptionGroup var course: CourseOptions
    @OptionGroup var data: DataOptions
    @Argument(help: "The lesson's id (see 'groundwork lessons').") var id: String

    func run() throws {
        let loaded = try course.loadCourse()
        let lesson = try loaded.requireLesson(id)
        var renderer = Terminal.renderer()
        renderer.linkText = LessonLinkText(course: loaded, from: lesson).text
        let header = LessonHeader(lesson: lesson, style: renderer.style).text
        let blocks = lesson.document.root.children
        var answered = 0
        var correct = 0
        var quizzes = 0
        if Terminal.isInteractive {
            // Each stretch of text up to a quiz goes through the pager when it is longer than
            // the screen; the quiz is then asked below it.
            var pending: [MarkdownNode] = []
            var text = header
            for block in blocks {
                guard case .quiz(let quiz) = block.kind else {
                    pending.append(block)
                    continue
                }
                quizzes += 1
                Pager.show(text + renderer.render(blocks: pending) + "\n")
                pending = []
                text = ""
                guard let right = QuizPrompt(quiz: quiz, renderer: renderer).ask() else { break }
                answered += 1
                if right { correct += 1 }
            }
            Pager.show(text + renderer.render(blocks: pending))
        } else {
            print(header + renderer.render(blocks: blocks), terminator: "")
        }
        let book = data.learnerBookIfAvailable()
        do {
            try book?.recordLessonRead(lesson.id, quizzesAnswered: answered, quizzesCorrect: correct)
        } catch {
            Terminal.printError("groundwork: progress is not saved: \(GradebookMessage.text(error))")
        }
        if answered > 0 {
            let total = (try? book?.lessonProgress())?.first { $0.lessonID == lesson.id }
            print("\n" + renderer.wrap(Self.quizSummary(right: correct, answered: answered, of: quizzes, allTime: total)))
        }
    }

    /// "Quizzes: 3 of 4 right this time; 7 of 9 over every reading."
    static func quizSummary(right: Int, answered: Int, of quizzes: Int, allTime: LessonProgress?) -> String {
        var line = "Quizzes: \(right) of \(answered) right this time"
        if answered < quizzes { line += " (\(quizzes - answered) not reached)" }
        if let allTime, allTime.quizzesAnswered > answered {
            line += "; \(allTime.quizzesCorrect) of \(allTime.quizzesAnswered) over every reading"
        }
        return line + ". 'groundwork lessons' shows your marks for every lesson."
    }
}

/// Shows a lesson's links to other lessons and to practice tests as the commands that open
/// them (`groundwork read intent § slot-filling`, `groundwork take sentiment-quiz`): a path
/// relative to the lesson file means nothing at the learner's prompt.
struct LessonLinkText: Sendable {
    let links: CourseLinks
    let folder: String

    init(course: Course, from lesson: Lesson) {
        links = CourseLinks(course: course)
        folder = URL(fileURLWithPath: lesson.source.path).deletingLastPathComponent().path
    }

    func text(_ destination: String) -> String {
        LessonLinkText.command(for: links.resolve(destination, from: folder))
    }

    /// The command that opens a link's target at the terminal.
    static func command(for target: CourseLinks.Target) -> String {
        switch target {
        case .lesson(let id, let anchor): return "groundwork read \(id)" + (anchor.map { " § \($0)" } ?? "")
        case .practiceTest(let id): return "groundwork take \(id)"
        case .other(let destination): return destination
        }
    }
}

/// The lines above a lesson's text: reading time, objectives and its sections.
struct LessonHeader {
    var lesson: Lesson
    var style: TerminalStyle

    var text: String {
        var lines = [style.apply([.dim], to: "\(lesson.id) · \(lesson.minutes) min read")]
        if !lesson.objectives.isEmpty {
            lines.append(style.apply([.bold], to: "You will learn to:"))
            lines += lesson.objectives.map { "  • " + TerminalStyle.sanitize($0) }
        }
        let sections = lesson.document.root.children.compactMap { node -> String? in
            if case .heading(2, _) = node.kind { return TerminalStyle.sanitize(node.plainText) }
            return nil
        }
        if !sections.isEmpty {
            lines.append(style.apply([.bold], to: "In this lesson:"))
            lines += sections.enumerated().map { "  \($0.offset + 1). \($0.element)" }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }
}

/// Asks one quiz at the terminal: question, an answer, then the explanations.
struct QuizPrompt {
    var quiz: Quiz
    var renderer: TerminalRenderer

    /// Whether the answer was right, or nil when input ended (Ctrl-D) and the reader stops.
    func ask() -> Bool? {
        print(renderer.renderQuizQuestion(quiz))
        let count = quiz.choices.count
        let last = TerminalRenderer.letter(count - 1)
        let prompt = quiz.allowsMultipleAnswers ? "Your answer (letters A–\(last), e.g. AC): " : "Your answer (A–\(last)): "
        while true {
            print(prompt, terminator: "")
            guard let line = readLine() else {
                print()
                return nil
            }
            switch Self.parse(line, choiceCount: count, multiple: quiz.allowsMultipleAnswers) {
            case .success(let chosen):
                print()
                print(renderer.renderQuizFeedback(quiz, chosen: chosen))
                return quiz.isAnswered(correctlyBy: chosen)
            case .failure(let problem):
                print(TerminalStyle.sanitize(problem.message))
            }
        }
    }

    struct AnswerProblem: Error { var message: String }

    /// Reads letters such as "b", "A C" or "a,c" into 0-based choice indices.
    static func parse(_ line: String, choiceCount: Int, multiple: Bool) -> Result<Set<Int>, AnswerProblem> {
        var chosen = Set<Int>()
        for character in line.uppercased() where !(character == " " || character == ",") {
            guard let value = character.asciiValue, value >= 65, Int(value) - 65 < choiceCount else {
                return .failure(
                    AnswerProblem(
                        message:
                            "'\(character)' is not one of the choices; type a letter from A to \(TerminalRenderer.letter(choiceCount - 1))."
                    ))
            }
            chosen.insert(Int(value) - 65)
        }
        if chosen.isEmpty { return .failure(AnswerProblem(message: "Type the letter of your answer.")) }
        if !multiple, chosen.count > 1 { return .failure(AnswerProblem(message: "Choose one letter.")) }
        return .success(chosen)
    }
}
