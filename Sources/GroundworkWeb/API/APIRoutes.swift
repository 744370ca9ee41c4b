import Courseware
import Foundation
import Gradebook
import Grading
import HTTPTypes
import Hummingbird

/// The JSON API under `/api/`: everything the pages do, through the same desks, described by
/// `/api/openapi.json`. State-changing calls need the session cookie and the
/// `X-CSRF-Token` header (`GET /api/session` gives both).
struct APIRoutes {
    let site: Site
    func desk(_ context: WebContext) -> AttemptDesk { AttemptDesk(site: site, book: site.book(context)) }

    func register(on router: Router<WebContext>) {
        let api = router.group("api")
        api.get("openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        api.get("session") { _, context in Response.json(["csrfToken": context.formToken]) }
        api.get("progress") { _, context in try await site.blocking { try self.progress(context) } }
        api.get("assessments") { _, context in try await site.blocking { try self.assessments(context) } }
        api.get("assessments/:id") { _, context in try await site.blocking { try self.assessment(context) } }
        api.post("assessments/:id/attempts") { request, context in
            let practice = request.uri.queryParameters.get("purpose") == AttemptPurpose.practice.rawValue
            return try await site.blocking { try self.start(context, purpose: practice ? .practice : .exam) }
        }
        api.get("attempts/:attempt") { _, context in try await site.blocking { try self.attempt(context) } }
        api.post("attempts/:attempt/answers") { request, context in try await self.answer(request, context) }
        api.post("attempts/:attempt/flags") { request, context in try await self.flag(request, context) }
        api.post("attempts/:attempt/submit") { _, context in try await site.blocking { try self.submit(context) } }
        api.post("attempts/:attempt/heartbeat") { _, context in
            try await site.blocking {
                try self.desk(context).heartbeat(try self.attemptID(context))
                return Response(status: .noContent)
            }
        }
        api.get("attempts/:attempt/report") { _, context in try await site.blocking { try self.report(context) } }
        api.post("lessons/:id/quizzes/:number") { request, context in try await self.quiz(request, context) }
    }

    struct ProgressBody: Encodable {
        struct LessonRead: Encodable {
            let id: String
            let title: String
            let read: Bool
            let timesRead: Int
            let quizzesAnswered: Int
            let quizzesCorrect: Int
        }

        let lessons: [LessonRead]
        let attempts: [AttemptSummary]
    }

    func progress(_ context: WebContext) throws -> Response {
        let progress = try site.progress(context)
        let lessons = site.course.lessons.map { lesson in
            let record = progress.lessons[lesson.id]
            return ProgressBody.LessonRead(
                id: lesson.id, title: lesson.title, read: record != nil, timesRead: record?.timesRead ?? 0,
                quizzesAnswered: record?.quizzesAnswered ?? 0, quizzesCorrect: record?.quizzesCorrect ?? 0)
        }
        return .json(ProgressBody(lessons: lessons, attempts: progress.attempts))
    }

    func assessments(_ context: WebContext) throws -> Response {
        let progress = try site.progress(context)
        return .json(site.catalog.inCourseOrder(site.course).map { TestSummaryView($0, progress: progress) })
    }

    struct AssessmentBody: Encodable {
        let summary: TestSummaryView
        let instructions: String
        let passMark: Double
        let timeLimitMinutes: Double?
    }

    func assessment(_ context: WebContext) throws -> Response {
        let test = try site.assessment(try context.parameters.require("id"))
        let summary = TestSummaryView(test, progress: try site.progress(context))
        return .json(
            AssessmentBody(
                summary: summary, instructions: test.instructions, passMark: test.passMark, timeLimitMinutes: test.timeLimitMinutes))
    }

    func start(_ context: WebContext, purpose: AttemptPurpose) throws -> Response {
        let test = try site.assessment(try context.parameters.require("id"))
        let attempt = try desk(context).begin(test, purpose: purpose)
        return .json(try desk(context).state(attempt.id ?? 0), status: .created)
    }

    func attempt(_ context: WebContext) throws -> Response {
        let id = try attemptID(context)
        do {
            return .json(try desk(context).state(id))
        } catch is AttemptFinished {
            return .json(Finished(attempt: id))
        }
    }

    /// A finished attempt's state: where its report is.
    struct Finished: Encodable {
        let attempt: Int64
        var finished = true
        var reportURL: String

        init(attempt: Int64) {
            self.attempt = attempt
            reportURL = "/api/attempts/\(attempt)/report"
        }
    }

    func answer(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try attemptID(context)
        let body = try await JSONBody.read(request, context: context)
        return try await site.blocking { try self.answer(body, attempt: id, context) }
    }

    private func answer(_ body: JSONBody, attempt id: Int64, _ context: WebContext) throws -> Response {
        let (test, _) = try desk(context).open(id)
        let itemID = try body.string("itemID")
        guard let item = test.item(itemID) else {
            throw WebError(.unprocessableContent, "this test has no item '\(itemID.prefix(60))'", field: "itemID")
        }
        let response: ItemResponse?
        do {
            response = try body.optional("response").map { json throws(AnswerShapeError) in try ItemResponse(json: json, for: item) }
        } catch {
            throw WebError(.unprocessableContent, error.message, field: "response")
        }
        return .json(try desk(context).answer(id, itemID: itemID, response: response, clientSequence: try body.sequence("clientSequence")))
    }

    /// Flags or unflags an item (`{"itemID": …, "flagged": true}`) where the test lets the
    /// learner go back; the state shows that item.
    func flag(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try attemptID(context)
        let body = try await JSONBody.read(request, context: context)
        return try await site.blocking {
            let itemID = try body.string("itemID")
            let flagged = try body.bool("flagged")
            do {
                return .json(try desk(context).flag(id, itemID: itemID, flagged: flagged))
            } catch is AttemptFinished {
                return .json(Finished(attempt: id))
            }
        }
    }

    func submit(_ context: WebContext) throws -> Response {
        let id = try attemptID(context)
        do {
            _ = try desk(context).submit(id)
        } catch is AttemptFinished {}
        return .json(Finished(attempt: id))
    }

    func report(_ context: WebContext) throws -> Response {
        let id = try attemptID(context)
        guard let record = try site.book(context).attempt(id: id) else { throw WebError(.notFound, "no attempt #\(id)") }
        let test = try site.assessment(for: record)
        guard record.status != .inProgress, let json = record.resultJSON,
            let result = try? JSONDecoder().decode(AttemptResult.self, from: Data(json.utf8))
        else { throw WebError(.conflict, "attempt #\(id) is not finished; its report comes when it is submitted") }
        return .json(result.released(for: test.running(as: record.purpose).policy, stage: .finished))
    }

    struct QuizBody: Encodable {
        struct Choice: Encodable {
            let isCorrect: Bool
            let chosen: Bool
            let explanationHTML: String
        }

        let correct: Bool
        let choices: [Choice]
    }

    func quiz(_ request: Request, _ context: WebContext) async throws -> Response {
        let desk = QuizDesk(site: site)
        let (lesson, _, quiz) = try desk.quiz(context)
        let body = try await JSONBody.read(request, context: context)
        let feedback = try await desk.check(try body.integers("choices").map(String.init), lesson: lesson, quiz: quiz, context)
        return .json(
            QuizBody(
                correct: feedback.correct,
                choices: feedback.choices.map {
                    QuizBody.Choice(isCorrect: $0.isCorrect, chosen: $0.chosen, explanationHTML: $0.explanationHTML)
                }))
    }

    private func attemptID(_ context: WebContext) throws -> Int64 {
        let text = try context.parameters.require("attempt")
        guard let id = Int64(text), id > 0 else { throw WebError(.notFound, "no attempt '\(text.prefix(40))'") }
        return id
    }
}
