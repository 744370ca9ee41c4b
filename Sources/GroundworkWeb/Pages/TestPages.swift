import Courseware
import Foundation
import Gradebook
import Grading
import HTTPTypes
import Hummingbird

/// The practice tests: the list, a test's instructions, taking it item by item, the report
/// and the history. Forms post and redirect, so a reload never answers twice, and every
/// page is rebuilt from the gradebook.
struct TestPages {
    let site: Site
    func desk(_ context: WebContext) -> AttemptDesk { AttemptDesk(site: site, book: site.book(context)) }

    func register(on router: Router<WebContext>) {
        router.get("/tests") { _, context in try await site.blocking { try self.list(context) } }
        router.get("/tests/:id") { _, context in try await site.blocking { try self.instructions(context) } }
        router.post("/tests/:id/start") { _, context in try await site.blocking { try self.start(context, purpose: .exam) } }
        router.post("/tests/:id/practice") { _, context in try await site.blocking { try self.start(context, purpose: .practice) } }
        router.get("/tests/:id/files/**") { request, context in try await site.blocking { try self.media(request, context) } }
        router.post("/tests/:id/practice-fresh") { _, context in try await site.blocking { try self.startGenerated(context) } }
        router.get("/attempts/:attempt/files/**") { request, context in
            try await site.blocking { try self.attemptMedia(request, context) }
        }
        router.get("/attempts/:attempt") { _, context in try await site.blocking { try self.attemptPage(context) } }
        router.get("/attempts/:attempt/items/:number") { _, context in
            try await site.blocking { try self.attemptPage(context, show: .item) }
        }
        router.get("/attempts/:attempt/review") { _, context in try await site.blocking { try self.attemptPage(context, show: .review) } }
        router.post("/attempts/:attempt/flag") { request, context in try await self.flag(request, context) }
        router.post("/attempts/:attempt/answer") { request, context in try await self.answer(request, context) }
        router.post("/attempts/:attempt/submit") { _, context in try await site.blocking { try self.submit(context) } }
        router.post("/attempts/:attempt/take-over") { _, context in try await site.blocking { try self.takeOver(context) } }
        router.post("/attempts/:attempt/grade") { request, context in try await self.grade(request, context) }
        router.get("/attempts/:attempt/report") { _, context in try await site.blocking { try self.report(context) } }
        router.get("/history") { _, context in try await site.blocking { try self.history(context) } }
    }

    func list(_ context: WebContext) throws -> Response {
        let progress = try site.progress(context)
        let tests = site.catalog.inCourseOrder(site.course).map { TestSummaryView($0, progress: progress) }
        return try site.page("tests", title: "Practice tests", context: context, view: ["tests": tests], section: "tests")
    }

    func instructions(_ context: WebContext) throws -> Response {
        let test = try site.assessment(try context.parameters.require("id"))
        let progress = try site.progress(context)
        let fresh = try site.book(context).attemptInProgress(assessmentID: GeneratedPractice.id(for: test.id), purpose: .practice)
        let view = TestView(test, summary: TestSummaryView(test, progress: progress), site: site, freshInProgress: fresh?.id)
        return try site.page("test", title: test.title, context: context, view: view, section: "tests")
    }

    func start(_ context: WebContext, purpose: AttemptPurpose) throws -> Response {
        let test = try site.assessment(try context.parameters.require("id"))
        let attempt = try desk(context).begin(test, purpose: purpose)
        return Site.redirect("/attempts/\(attempt.id ?? 0)")
    }

    /// An image or sound an item of the test shows: only the files its items name.
    func media(_ request: Request, _ context: WebContext) throws -> Response {
        try Self.media(request, of: try site.assessment(try context.parameters.require("id")))
    }

    /// `/…/ID/files/NAME`: the file NAME of `test`, when one of its items names it.
    private static func media(_ request: Request, of test: Assessment) throws -> Response {
        let name = String(request.uri.path.split(separator: "/", maxSplits: 3).dropFirst(3).first ?? "").removingPercentEncoding ?? ""
        guard TestMedia.files(of: test).contains(name), let file = SafeFiles.resolve(name, inside: test.folder) else {
            throw WebError(.notFound, "no such media file in \(test.id)")
        }
        return try MediaResponse.file(file.path, type: file.type, range: request.headers[.range])
    }

    /// What an attempt's page shows: where the attempt is, an item the learner went back to,
    /// or the review list before submitting (the last two where the test allows going back).
    enum Showing { case current, item, review }

    func attemptPage(_ context: WebContext, show: Showing = .current) throws -> Response {
        let id = try attemptID(context)
        let state: AttemptState
        do {
            switch show {
            case .current, .review: state = try desk(context).state(id)
            case .item:
                let text = try context.parameters.require("number")
                guard let number = Int(text) else { throw WebError(.notFound, "no item '\(text.prefix(20))' in attempt #\(id)") }
                state = try desk(context).state(id, item: number)
            }
            if show == .review, state.review == nil {
                throw WebError(.conflict, "this test goes forward only (navigation: linear): there is no review before submitting")
            }
        } catch is AttemptFinished {
            return Site.redirect("/attempts/\(id)/report")
        } catch let held as AttemptHeldElsewhere {
            return try site.page("held", title: "Open elsewhere", context: context, view: held, status: .conflict, section: "tests")
        }
        let test = try recordedTest(id, context)
        let view = ItemPageView(state: state, test: test)
        return try site.page(
            state.readyToSubmit || show == .review ? "submit" : "item", title: "\(state.title) — item \(state.number) of \(state.total)",
            context: context,
            view: view, section: "tests", scripts: ["attempt.js"] + view.widgetScripts, styles: Self.widgetStyles(view))
    }

    func answer(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try attemptID(context)
        let form = try await FormFields.read(request, context: context)
        return try await site.blocking { try self.answer(form, attempt: id, context) }
    }

    private func answer(_ form: FormFields, attempt id: Int64, _ context: WebContext) throws -> Response {
        let (test, opened) = try openOrReport(id, context)
        guard var attempt = opened else { return Site.redirect("/attempts/\(id)/report") }
        let itemID = form.value("item") ?? ""
        if attempt.session.allowsGoingBack { attempt.go(to: itemID) }
        guard let item = attempt.session.current else { return Site.redirect("/attempts/\(id)") }
        do {
            let response = try WebAnswer.read(form, for: item, plan: attempt.session.plan)
            let state = try desk(context).answer(
                id, itemID: itemID, response: response, clientSequence: form.value("seq").flatMap { Int64($0) })
            return Site.redirect(state.finished ? "/attempts/\(id)/report" : "/attempts/\(id)")
        } catch let error as WebError where error.status == .unprocessableContent {
            // The same item again, with the problem said next to it and nothing recorded.
            let state = AttemptState(test: test, attempt: attempt, outcome: nil, site: site)
            var view = ItemPageView(state: state, test: test)
            view.problem = error.message
            return try site.page(
                "item", title: "\(test.title) — item \(state.number) of \(state.total)", context: context, view: view,
                status: .unprocessableContent, section: "tests", scripts: ["attempt.js"] + view.widgetScripts,
                styles: Self.widgetStyles(view))
        }
    }

    /// Flags or unflags an item from its page, then shows that item again.
    func flag(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try attemptID(context)
        let form = try await FormFields.read(request, context: context)
        return try await site.blocking {
            do {
                let state = try desk(context).flag(id, itemID: form.value("item") ?? "", flagged: form.value("flagged") == "1")
                return Site.redirect("/attempts/\(id)/items/\(state.number)")
            } catch is AttemptFinished {
                return Site.redirect("/attempts/\(id)/report")
            }
        }
    }

    func submit(_ context: WebContext) throws -> Response {
        let id = try attemptID(context)
        do {
            _ = try desk(context).submit(id)
        } catch is AttemptFinished {}
        return Site.redirect("/attempts/\(id)/report")
    }

    /// Continues here an attempt a terminal holds: the terminal's next save is then refused.
    func takeOver(_ context: WebContext) throws -> Response {
        let id = try attemptID(context)
        do {
            _ = try desk(context).open(id, takingOver: true)
        } catch is AttemptFinished {}
        return Site.redirect("/attempts/\(id)")
    }

    func report(_ context: WebContext) throws -> Response {
        let id = try attemptID(context)
        let report = try ReportDesk(site: site, book: site.book(context)).report(id)
        guard report.finished else { return Site.redirect("/attempts/\(id)") }
        return try site.page(
            "report", title: "Report — \(report.title)", context: context, view: report, section: "history",
            scripts: report.hasOverlays ? ["widgets/common.js", "widgets/overlay.js"] : [],
            styles: report.hasOverlays ? ["widgets/widgets.css"] : [])
    }

    /// Saves a self-grade of a written answer from the report's form, then shows the report
    /// again at that item; a grade without points or a reason for some criterion is refused
    /// with 422 and the report says why beside the form.
    func grade(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try attemptID(context)
        let form = try await FormFields.read(request, context: context)
        return try await site.blocking {
            let itemID = form.value("item") ?? ""
            do {
                try RubricGrading(site: site, book: site.book(context)).grade(id, itemID: itemID, form: form)
            } catch let error as WebError where error.status == .unprocessableContent {
                let report = try ReportDesk(site: site, book: site.book(context)).report(id, problem: (itemID, error.message))
                return try site.page(
                    "report", title: "Report — \(report.title)", context: context, view: report, status: .unprocessableContent,
                    section: "history", scripts: report.hasOverlays ? ["widgets/common.js", "widgets/overlay.js"] : [],
                    styles: report.hasOverlays ? ["widgets/widgets.css"] : [])
            }
            let number = (try site.book(context).attempt(id: id)?.itemIDs.firstIndex(of: itemID)).map { $0 + 1 } ?? 0
            return Site.redirect("/attempts/\(id)/report#item-\(number)")
        }
    }

    func history(_ context: WebContext) throws -> Response {
        let view = try HistoryView(site: site, progress: try site.progress(context))
        return try site.page("history", title: "History", context: context, view: view, section: "history")
    }

    static func widgetStyles(_ view: ItemPageView) -> [String] { view.widgetScripts.isEmpty ? [] : ["widgets/widgets.css"] }

    private func attemptID(_ context: WebContext) throws -> Int64 {
        let text = try context.parameters.require("attempt")
        guard let id = Int64(text), id > 0 else { throw WebError(.notFound, "no attempt '\(text.prefix(40))'") }
        return id
    }

    /// The attempt to answer, or nil when it is finished (the page then shows the report).
    private func openOrReport(_ id: Int64, _ context: WebContext) throws -> (Assessment, RecordedAttempt?) {
        do {
            let (test, attempt) = try desk(context).open(id)
            return (test, attempt)
        } catch is AttemptFinished {
            return (try recordedTest(id, context), nil)
        }
    }

    /// The test attempt `id` asked (generated practice included).
    private func recordedTest(_ id: Int64, _ context: WebContext) throws -> Assessment {
        guard let record = try site.book(context).attempt(id: id) else { throw WebError(.notFound, "no attempt #\(id)") }
        return try site.assessment(for: record)
    }

    /// Practice at fresh generated items of the test.
    func startGenerated(_ context: WebContext) throws -> Response {
        let test = try site.assessment(try context.parameters.require("id"))
        let attempt = try site.beginGenerated(test, book: site.book(context))
        return Site.redirect("/attempts/\(attempt.id ?? 0)")
    }

    /// A generated item's picture or clip, from the attempt's own folder: only the files its
    /// items name.
    func attemptMedia(_ request: Request, _ context: WebContext) throws -> Response {
        try Self.media(request, of: try recordedTest(try attemptID(context), context))
    }
}
