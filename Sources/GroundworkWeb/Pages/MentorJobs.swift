import Foundation
import Gradebook
import Grading
import HTTPTypes
import Hummingbird

/// Batch work from the mentor's cohort page: statistics and exports of the cohort, and (for
/// admins) re-scoring a test after a gold fix. A request only queues the job; a `groundwork
/// worker` runs it, and its result is downloaded from the page once done.
extension MentorDashboard {
    func registerJobs(on router: Router<WebContext>) {
        router.post("/mentor/cohorts/:cohort/jobs") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking { try self.queueJob(form, context) }
        }
        router.get("/mentor/cohorts/:cohort/jobs/:job/result") { _, context in
            try await site.blocking { try self.jobResult(context) }
        }
    }

    /// The cohort's newest jobs, for its page.
    func jobRows(_ cohortID: Int64) throws -> [CohortView.JobRow] {
        try site.gradebook.jobs(cohortID: cohortID, limit: 20).map { job in
            CohortView.JobRow(
                id: job.id ?? 0, kind: Self.kindName(job.kind),
                test: (try? site.assessment(job.assessmentID).title) ?? job.assessmentID, status: Self.statusText(job),
                queued: WebText.moment(job.createdAt), downloadable: job.status == .done && job.kind != .rescore,
                error: job.status == .failed ? job.error ?? "" : "")
        }
    }

    func queueJob(_ form: FormFields, _ context: WebContext) throws -> Response {
        let cohort = try cohort(context)
        guard let kind = form.value("kind").flatMap(Job.Kind.init(rawValue:)) else {
            throw WebError(.unprocessableContent, "choose what to run: statistics, an export or a re-score", field: "kind")
        }
        guard kind != .rescore || context.viewer.role == .admin else {
            throw WebError(.forbidden, "a re-score changes every learner's results: only an admin queues one", field: "kind")
        }
        let test = try site.assessment(form.value("test") ?? "")
        let job = try site.gradebook.enqueue(
            kind, assessmentID: test.id, cohortID: kind == .rescore ? nil : cohort.id, requestedBy: context.viewer.actor)
        if kind == .rescore {
            try site.gradebook.audit(
                actor: context.viewer.actor, action: "queue re-score", subject: "job:\(job.id ?? 0)", detail: "test \(test.id)")
        }
        return Site.redirect("/mentor/cohorts/\(cohort.id ?? 0)#jobs")
    }

    /// A finished job's result as a file: the statistics as CSV, an export as the JSON of its
    /// answers files (`groundwork jobs show N --out FOLDER` writes them as files).
    func jobResult(_ context: WebContext) throws -> Response {
        let cohort = try cohort(context)
        let id = try AdminPages.id(context, "job")
        guard let job = try site.gradebook.job(id: id), job.cohortID == cohort.id, job.kind != .rescore else {
            throw WebError(.notFound, "no job #\(id) of \(cohort.name)")
        }
        guard job.status == .done, let result = job.resultJSON else {
            throw WebError(.conflict, "job #\(id) is \(Self.statusText(job)); its result is not there yet")
        }
        let body: String
        let type: String
        let name: String
        if job.kind == .cohortStatistics {
            guard case .object(let fields) = try? JSONValue.parse(Array(result.utf8), path: "job"), case .string(let csv) = fields["csv"]
            else { throw WebError(.internalServerError, "job #\(id)'s result has no table") }
            (body, type, name) = (csv, "text/csv; charset=utf-8", "\(job.assessmentID)-items.csv")
        } else {
            (body, type, name) = (result, "application/json", "\(job.assessmentID)-answers.json")
        }
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "private, no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func kindName(_ kind: Job.Kind) -> String {
        switch kind {
        case .rescore: return "Re-score"
        case .cohortStatistics: return "Item analysis"
        case .export: return "Export"
        }
    }

    static func statusText(_ job: Job) -> String {
        switch job.status {
        case .queued: return job.tries == 0 ? "waiting for a worker" : "waiting to try again"
        case .running: return "running"
        case .done: return "done"
        case .failed: return "failed"
        }
    }
}
