import Courseware
import Foundation
import Gradebook
import Grading
import HTTPTypes
import Hummingbird
import Mustache

/// Home, the course's table of contents, lessons with their quizzes, and course files.
struct CoursePages {
    let site: Site

    func register(on router: Router<WebContext>) {
        router.get("/") { _, context in try await site.blocking { try self.home(context) } }
        router.get("/course") { _, context in try await site.blocking { try self.contents(context) } }
        router.get("/lessons/:id") { request, context in try await site.blocking { try self.lesson(request, context) } }
        router.post("/lessons/:id/quizzes/:number") { request, context in try await self.answerQuiz(request, context) }
        router.get("/files/**") { request, context in try await site.blocking { try self.file(request, context) } }
    }

    // MARK: Home

    func home(_ context: WebContext) throws -> Response {
        let progress = try site.progress(context)
        return try site.page(
            "home", title: site.course.title, context: context, view: HomeView(site: site, progress: progress), section: "home")
    }

    // MARK: Table of contents

    func contents(_ context: WebContext) throws -> Response {
        let progress = try site.progress(context)
        return try site.page(
            "course", title: "Course — \(site.course.title)", context: context,
            view: ContentsView(title: site.course.title, modules: ModuleView.all(site.course, progress: progress)), section: "course")
    }

    // MARK: Lessons

    func lesson(_ request: Request, _ context: WebContext) throws -> Response {
        let lesson = try site.lesson(try context.parameters.require("id"))
        let answered = QuizAnswerQuery(request.uri.queryParameters)
        // The title is the page's own heading, so the lesson's first-level heading is not repeated.
        var blocks = lesson.document.root.children
        if let first = blocks.first, case .heading(1, _) = first.kind { blocks.removeFirst() }
        let html = renderer(for: lesson, answered: answered, token: context.formToken).render(blocks)
        try site.book(context).recordLessonRead(lesson.id)
        let lessons = site.course.lessons
        let index = lessons.firstIndex { $0.id == lesson.id }
        let view = LessonView(
            lesson: lesson, html: html,
            previous: index.flatMap { $0 > 0 ? LessonLinkView(lessons[$0 - 1]) : nil },
            next: index.flatMap { $0 + 1 < lessons.count ? LessonLinkView(lessons[$0 + 1]) : nil })
        return try site.page("lesson", title: lesson.title, context: context, view: view, section: "course")
    }

    /// Lesson HTML with links as routes and quizzes as forms the server checks.
    private func renderer(for lesson: Lesson, answered: QuizAnswerQuery?, token: String) -> HTMLRenderer {
        var renderer = HTMLRenderer(allowsRawHTML: site.course.allowsRawHTML)
        let folder = URL(fileURLWithPath: lesson.source.path).deletingLastPathComponent().path
        let links = site.links
        let courseFolder = URL(fileURLWithPath: site.course.folder).standardizedFileURL.path
        renderer.destination = { destination in
            switch links.resolve(destination, from: folder) {
            case .lesson(let id, let anchor): return "/lessons/\(id)" + (anchor.map { "#\($0)" } ?? "")
            case .practiceTest(let id): return "/tests/\(id)"
            case .other(let written):
                guard !written.contains(":"), !written.hasPrefix("#") else { return written }
                let target = URL(fileURLWithPath: written, relativeTo: URL(fileURLWithPath: folder, isDirectory: true)).standardizedFileURL
                    .path
                return target.hasPrefix(courseFolder + "/") ? "/files/" + target.dropFirst(courseFolder.count + 1) : written
            }
        }
        let quizzes = lesson.document.quizzes
        let lessonID = lesson.id
        let site = self.site
        renderer.quiz = { markup in
            var feedback: QuizFeedbackView?
            if let answered, answered.number == markup.number, quizzes.indices.contains(markup.number) {
                feedback = QuizFeedbackView(quiz: quizzes[markup.number], chosen: answered.chosen, renderer: HTMLRenderer())
            }
            let view = QuizView(
                lessonID: lessonID, markup: markup, chosen: answered?.number == markup.number ? answered?.chosen ?? [] : [],
                feedback: feedback, csrf: token)
            return site.templates.render(view, withTemplate: "quiz") ?? ""
        }
        return renderer
    }

    /// Checks a quiz answer, records it, and shows the lesson again at the quiz with every
    /// choice explained.
    func answerQuiz(_ request: Request, _ context: WebContext) async throws -> Response {
        let desk = QuizDesk(site: site)
        let (lesson, number, quiz) = try desk.quiz(context)
        let form = try await FormFields.read(request, context: context)
        let feedback = try await desk.check(form.values("choice"), lesson: lesson, quiz: quiz, context)
        let list = feedback.choices.enumerated().filter(\.element.chosen).map { String($0.offset) }.joined(separator: ",")
        return Site.redirect("/lessons/\(lesson.id)?quiz=\(number)&chosen=\(list)#quiz-\(number)")
    }

    // MARK: Files

    /// An image or sound a lesson shows, from inside the course folder only.
    func file(_ request: Request, _ context: WebContext) throws -> Response {
        let relative = String(request.uri.path.dropFirst("/files/".count)).removingPercentEncoding ?? ""
        guard let file = SafeFiles.resolve(relative, inside: site.course.folder) else {
            throw WebError(.notFound, "no such course file")
        }
        return try MediaResponse.file(file.path, type: file.type)
    }
}

/// `?quiz=2&chosen=0,3`: which quiz was just answered, with which choices.
struct QuizAnswerQuery {
    let number: Int
    let chosen: Set<Int>

    init?(_ query: Parameters) {
        guard let number = query.get("quiz", as: Int.self) else { return nil }
        self.number = number
        chosen = Set((query.get("chosen") ?? "").split(separator: ",").compactMap { Int($0) })
    }

    /// 0-based choices from form values, each checked against the number of choices.
    static func choices(_ values: [String], count: Int) throws -> Set<Int> {
        var chosen = Set<Int>()
        for value in values {
            guard let index = Int(value), (0..<count).contains(index) else {
                throw WebError(.badRequest, "'\(value.prefix(40))' is not one of the quiz's choices", field: "choice")
            }
            chosen.insert(index)
        }
        guard !chosen.isEmpty else { throw WebError(.badRequest, "choose an answer first", field: "choice") }
        return chosen
    }
}
