import Foundation
import Gradebook
import Grading
import HTTPTypes
import Hummingbird

/// The mentor's dashboard, `/mentor`: their cohorts' progress, each learner's attempts and
/// reports, item analysis over the cohort's attempts in the gradebook, invitations, and the
/// contests of their learners to accept or reject. A mentor sees only cohorts they mentor
/// (anything else is 404, as if it did not exist); an admin, and the local user of a server
/// without accounts, see every cohort and contest.
struct MentorDashboard {
    let site: Site

    func register(on router: Router<WebContext>) {
        router.get("/mentor") { _, context in try await site.blocking { try self.home(context) } }
        router.get("/mentor/cohorts/:cohort") { _, context in try await site.blocking { try self.cohortPage(context) } }
        router.post("/mentor/cohorts/:cohort/invitations") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking { try self.invite(form, context) }
        }
        router.get("/mentor/cohorts/:cohort/learners/:account") { _, context in try await site.blocking { try self.learnerPage(context) } }
        router.get("/mentor/cohorts/:cohort/learners/:account/attempts/:attempt") { _, context in
            try await site.blocking { try self.reportPage(context) }
        }
        router.get("/mentor/cohorts/:cohort/tests/:id/stats") { _, context in try await site.blocking { try self.stats(context) } }
        router.get("/mentor/contests") { _, context in try await site.blocking { try self.contestsPage(context) } }
        router.post("/mentor/contests/:contest/accept") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking { try self.decide(form, context, accept: true) }
        }
        router.post("/mentor/contests/:contest/reject") { request, context in
            let form = try await FormFields.read(request, context: context)
            return try await site.blocking { try self.decide(form, context, accept: false) }
        }
        registerJobs(on: router)
    }

    // MARK: Scope

    /// The account whose cohorts alone this viewer may see; nil when they see every cohort.
    private func scopedMentor(_ context: WebContext) -> Int64? {
        guard let account = context.viewer.account, account.role < .admin else { return nil }
        return account.id
    }

    /// The cohorts this viewer mentors (every cohort for an admin or the local user).
    private func visibleCohorts(_ context: WebContext) throws -> [Cohort] {
        try site.gradebook.cohorts(mentoredBy: scopedMentor(context))
    }

    /// The cohort named in the path, or 404 when it does not exist or is not this viewer's.
    func cohort(_ context: WebContext) throws -> Cohort {
        let id = try AdminPages.id(context, "cohort")
        guard let cohort = try visibleCohorts(context).first(where: { $0.id == id }) else {
            throw WebError(.notFound, "no cohort #\(id) among the cohorts you mentor")
        }
        return cohort
    }

    /// The learner of `cohort` named in the path, or 404.
    private func learner(_ context: WebContext, in cohort: Cohort) throws -> Account {
        let id = try AdminPages.id(context, "account")
        guard
            let member = try site.gradebook.members(ofCohort: cohort.id ?? 0).first(where: { $0.account.id == id && $0.place == .learner })
        else {
            throw WebError(.notFound, "no learner #\(id) in \(cohort.name)")
        }
        return member.account
    }

    /// Whether this viewer may see and decide the contests of `learnerID`.
    private func mayDecide(_ context: WebContext, learner learnerID: String) throws -> Bool {
        guard let mentor = scopedMentor(context) else { return true }
        return try site.gradebook.mentors(mentor, learner: learnerID)
    }

    // MARK: Pages

    func home(_ context: WebContext) throws -> Response {
        let cohorts = try visibleCohorts(context).map { cohort in
            let members = try site.gradebook.members(ofCohort: cohort.id ?? 0)
            return MentorHomeView.CohortRow(
                id: cohort.id ?? 0, name: cohort.name, learners: members.filter { $0.place == .learner }.count,
                mentors: members.filter { $0.place == .mentor }.map(\.account.username).joined(separator: ", "))
        }
        let open = try site.gradebook.contests(status: .open).filter { try mayDecide(context, learner: $0.learnerID) }.count
        let view = MentorHomeView(
            cohorts: cohorts, openContests: open, canCreate: context.viewer.account?.role == .admin,
            local: context.viewer.account == nil)
        return try site.page("mentor-home", title: "Mentor", context: context, view: view, section: "mentor")
    }

    func cohortPage(_ context: WebContext) throws -> Response {
        let cohort = try cohort(context)
        let members = try site.gradebook.members(ofCohort: cohort.id ?? 0)
        let tests = site.catalog.inCourseOrder(site.course)
        var rows: [CohortView.LearnerRow] = []
        for member in members where member.place == .learner {
            let attempts = try site.gradebook.learner(member.account.learnerID).attempts()
            let exams = attempts.filter { $0.purpose == .exam && $0.status != .inProgress }
            let passed = Set(exams.filter { $0.passed == true }.map(\.assessmentID))
            rows.append(
                CohortView.LearnerRow(
                    id: member.account.id ?? 0, username: member.account.username, exams: exams.count,
                    practice: attempts.filter { $0.purpose == .practice }.count,
                    inProgress: attempts.filter { $0.status == .inProgress }.count, passed: "\(passed.count) of \(tests.count)",
                    last: attempts.first.map { WebText.moment($0.startedAt) } ?? "never"))
        }
        let invitations = try site.gradebook.invitations(ofCohort: cohort.id ?? 0).map {
            CohortView.InvitationRow(code: $0.code, place: $0.role.rawValue, usesLeft: $0.usesLeft, expires: WebText.moment($0.expiresAt))
        }
        let view = CohortView(
            cohortID: cohort.id ?? 0, name: cohort.name, learners: rows,
            mentors: members.filter { $0.place == .mentor }.map(\.account.username),
            tests: tests.map { .init(id: $0.id, title: $0.title) }, invitations: invitations, jobs: try jobRows(cohort.id ?? 0),
            accounts: context.viewer.account != nil, admin: context.viewer.role == .admin)
        return try site.page("mentor-cohort", title: cohort.name, context: context, view: view, section: "mentor")
    }

    func invite(_ form: FormFields, _ context: WebContext) throws -> Response {
        let cohort = try cohort(context)
        let place = form.value("place").flatMap(CohortMember.Place.init(rawValue:)) ?? .learner
        guard place == .learner || context.viewer.role == .admin else {
            throw WebError(.forbidden, "only an admin invites mentors", field: "place")
        }
        let days = Int(form.value("days") ?? "14") ?? 0
        let uses = Int(form.value("uses") ?? "50") ?? 0
        _ = try AdminPages.refusing {
            try site.gradebook.invite(toCohort: cohort.id ?? 0, as: place, by: context.viewer.actor, days: days, uses: uses)
        }
        return Site.redirect("/mentor/cohorts/\(cohort.id ?? 0)#invitations")
    }

    func learnerPage(_ context: WebContext) throws -> Response {
        let cohort = try cohort(context)
        let learner = try learner(context, in: cohort)
        let book = site.gradebook.learner(learner.learnerID)
        let attempts = try book.attempts().map { summary in
            LearnerView.AttemptRow(
                id: summary.id, test: (try? site.assessment(summary.assessmentID).title) ?? summary.assessmentID,
                purpose: summary.purpose.rawValue, status: summary.status.description, when: WebText.moment(summary.startedAt),
                score: summary.score.map(WebText.percent) ?? "—", passed: summary.passed.map { $0 ? "passed" : "not passed" } ?? "")
        }
        let contests = try book.contests().map {
            "#\($0.id ?? 0) \($0.assessmentID)/\($0.itemID): \($0.status.rawValue)"
        }
        let view = LearnerView(
            cohortID: cohort.id ?? 0, cohort: cohort.name, accountID: learner.id ?? 0, username: learner.username, attempts: attempts,
            contests: contests)
        return try site.page(
            "mentor-learner", title: "\(learner.username) — \(cohort.name)", context: context, view: view, section: "mentor")
    }

    func reportPage(_ context: WebContext) throws -> Response {
        let cohort = try cohort(context)
        let learner = try learner(context, in: cohort)
        let id = try AdminPages.id(context, "attempt")
        let report = try ReportDesk(site: site, book: site.gradebook.learner(learner.learnerID)).report(id)
        let view = MentorReportView(cohortID: cohort.id ?? 0, accountID: learner.id ?? 0, username: learner.username, report: report)
        return try site.page(
            "mentor-report", title: "\(learner.username): \(report.title)", context: context, view: view, section: "mentor")
    }

    /// Item analysis of the cohort: each learner's latest finished exam at the test.
    func stats(_ context: WebContext) throws -> Response {
        let cohort = try cohort(context)
        let test = try site.assessment(try context.parameters.require("id"))
        let (sheets, problems) = try site.gradebook.latestExamSheets(cohortID: cohort.id ?? 0, for: test)
        guard !sheets.isEmpty else {
            throw WebError(.notFound, "no learner of \(cohort.name) has finished '\(test.title)' yet")
        }
        let report: CohortReport
        do {
            report = try CohortStatistics.analyze(sheets, for: test)
        } catch {
            throw WebError(.unprocessableContent, error.message)
        }
        return try site.page(
            "stats", title: "Item analysis — \(test.title), \(cohort.name)", context: context,
            view: StatsView(report, problems: problems, duplicates: []), section: "mentor")
    }

    func contestsPage(_ context: WebContext) throws -> Response {
        var rows: [ContestsView.Row] = []
        var names: [String: String] = [:]
        for account in try site.gradebook.accounts() { names[account.learnerID] = account.username }
        for contest in try site.gradebook.contests().reversed() where try mayDecide(context, learner: contest.learnerID) {
            rows.append(
                ContestsView.Row(
                    id: contest.id ?? 0, learner: names[contest.learnerID] ?? contest.learnerID,
                    test: contest.assessmentID, item: contest.itemID, reason: contest.reason,
                    proposed: contest.proposedJSON ?? "(no answer)",
                    filed: WebText.moment(contest.filedAt), open: contest.status == .open, status: contest.status.rawValue,
                    reply: contest.reply ?? ""))
        }
        return try site.page("mentor-contests", title: "Contests", context: context, view: ContestsView(rows: rows), section: "mentor")
    }

    /// Accepts (through ``ContestDesk``: the gold is edited and past attempts re-scored) or
    /// rejects a contest, and writes the decision to the audit log.
    func decide(_ form: FormFields, _ context: WebContext, accept: Bool) throws -> Response {
        let id = try AdminPages.id(context, "contest")
        guard let contest = try site.gradebook.contest(id: id), try mayDecide(context, learner: contest.learnerID) else {
            throw WebError(.notFound, "no contest #\(id) among your learners'")
        }
        let reply = (form.value("reply") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            if accept {
                guard let folder = site.catalog.entries.first(where: { $0.id == contest.assessmentID })?.folder else {
                    throw WebError(.conflict, "the test '\(contest.assessmentID)' is no longer served")
                }
                let gold = (form.value("gold") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                _ = try ContestDesk(gradebook: site.gradebook).accept(
                    id, folder: folder, gold: gold.isEmpty ? nil : gold, reply: reply.isEmpty ? nil : reply, actor: context.viewer.actor)
            } else {
                _ = try ContestDesk(gradebook: site.gradebook).reject(id, reply: reply, actor: context.viewer.actor)
            }
        } catch let error as ContestError {
            throw WebError(.unprocessableContent, error.message, field: accept ? "gold" : "reply")
        }
        return Site.redirect("/mentor/contests#contest-\(id)")
    }
}

struct MentorHomeView {
    struct CohortRow {
        let id: Int64
        let name: String
        let learners: Int
        let mentors: String
    }

    let cohorts: [CohortRow]
    let openContests: Int
    let canCreate: Bool
    let local: Bool
}

struct CohortView {
    struct LearnerRow {
        let id: Int64
        let username: String
        let exams: Int
        let practice: Int
        let inProgress: Int
        let passed: String
        let last: String
    }

    struct InvitationRow {
        let code: String
        let place: String
        let usesLeft: Int
        let expires: String
    }

    struct Test {
        let id: String
        let title: String
    }

    let cohortID: Int64
    let name: String
    let learners: [LearnerRow]
    let mentors: [String]
    let tests: [Test]
    struct JobRow {
        let id: Int64
        let kind: String
        let test: String
        let status: String
        let queued: String
        let downloadable: Bool
        let error: String
    }

    let invitations: [InvitationRow]
    let jobs: [JobRow]
    /// Invitations need accounts (a server started with them).
    let accounts: Bool
    let admin: Bool
}

struct LearnerView {
    struct AttemptRow {
        let id: Int64
        let test: String
        let purpose: String
        let status: String
        let when: String
        let score: String
        let passed: String
    }

    let cohortID: Int64
    let cohort: String
    let accountID: Int64
    let username: String
    let attempts: [AttemptRow]
    let contests: [String]
}

struct MentorReportView {
    let cohortID: Int64
    let accountID: Int64
    let username: String
    let report: ReportView
}

struct ContestsView {
    struct Row {
        let id: Int64
        let learner: String
        let test: String
        let item: String
        let reason: String
        let proposed: String
        let filed: String
        let open: Bool
        let status: String
        let reply: String
    }

    let rows: [Row]
}
