/// One attempt in progress, as a pure state machine: it is fed answers with the time they
/// were given and says what the policy lets the learner see, whether to move on, and when
/// the attempt ends. It holds no clock and does no I/O, so a recorded attempt is rebuilt
/// exactly by feeding it its recorded answers again, and tests drive every rule with
/// times they choose.
///
/// Rules applied here (see ``AssessmentPolicy``):
/// - time limit: an answer given after it is kept but does not count, and ends the attempt;
/// - feedback: after each item, at the end, or never;
/// - training: a wrong answer gets a hint and another try (up to
///   ``AssessmentPolicy/trainingTries``), and only the first answer counts;
/// - work mode: accuracy on gold items is tracked, and the attempt ends when it falls below
///   `removal-below` once `removal-after` gold items were answered;
/// - navigation: forward only, or (`navigation: nonlinear`) any item in any order, the last
///   answer to an item counting, until the learner submits.
public struct AttemptSession: Sendable {
    /// How an attempt ended.
    public enum Ending: String, Sendable, Hashable, Codable {
        /// Every item was answered.
        case completed
        /// The time limit ran out.
        case timedOut
        /// Work mode: accuracy on hidden gold fell below the threshold.
        case removed
    }

    /// One answer as given.
    public struct Given: Sendable, Equatable {
        public let itemID: String
        public let response: ItemResponse?
        /// Active seconds since the attempt started.
        public let elapsed: Double
        /// Whether it counts for the score: the first answer to the item within the time limit
        /// (the last one, where the learner may go back and change it).
        public let counted: Bool
        public let score: ItemScore
    }

    /// What the learner may see right after answering.
    public enum Feedback: Sendable, Hashable {
        /// Nothing until the end.
        case none
        /// The item's result: verdict, what was lost, the reason and the lesson.
        case result(ItemResult)
        /// Training: not right yet; a hint and another try.
        case tryAgain(hint: String?, triesLeft: Int)
    }

    public struct Outcome: Sendable, Hashable {
        public let counted: Bool
        public let feedback: Feedback
        /// Set when this answer ended the attempt.
        public let ending: Ending?
    }

    /// The assessment under the rules this attempt runs by (``Assessment/running(as:)``).
    public let assessment: Assessment
    public let plan: AttemptPlan
    /// A simulated exam or practice.
    public let purpose: AttemptPurpose
    /// The items asked, in order.
    public let items: [Item]
    public private(set) var given: [Given] = []
    public private(set) var ending: Ending?
    /// What the last answer produced; rebuilt by replay, so a page reloaded after an answer
    /// shows the same feedback without keeping it anywhere else.
    public private(set) var lastOutcome: Outcome?
    private var index = 0
    private var wrongTries = 0

    /// Starts (or, fed its answers again, rebuilds) an attempt.
    ///
    /// - Parameters:
    ///   - assessment: The assessment as written; the session runs it as `purpose` requires.
    ///   - purpose: A simulated exam (the test's own rules) or practice.
    /// - Throws: ``AttemptSessionError`` when the plan names an item the assessment no
    ///   longer has (it was edited since the attempt started).
    public init(assessment: Assessment, plan: AttemptPlan, purpose: AttemptPurpose = .exam) throws(AttemptSessionError) {
        let assessment = assessment.running(as: purpose)
        self.assessment = assessment
        self.plan = plan
        self.purpose = purpose
        var items: [Item] = []
        for id in plan.itemIDs {
            guard let item = assessment.item(id) else { throw AttemptSessionError.missingItem(id) }
            items.append(item)
        }
        self.items = items
        if items.isEmpty { ending = .completed }
    }

    /// The item to answer now; nil once the attempt has ended, or, where the learner may go
    /// back, once every item has an answer (the attempt then waits to be submitted).
    public var current: Item? { ending == nil && index < items.count ? items[index] : nil }

    /// Whether the learner may go back to any item and change its answer until submitting.
    public var allowsGoingBack: Bool { assessment.policy.allowsGoingBack }

    /// Moves to `itemID` to answer it (again) — only where the policy allows going back and
    /// while the attempt runs. Returns false, changing nothing, otherwise.
    @discardableResult
    public mutating func go(to itemID: String) -> Bool {
        guard allowsGoingBack, ending == nil, let target = items.firstIndex(where: { $0.id == itemID }) else { return false }
        index = target
        return true
    }

    /// Where an item stands before submitting, for a review list.
    public enum AnswerState: String, Sendable, Hashable {
        case answered
        /// Skipped: it counts as unanswered, but the learner has seen it.
        case skipped
        case notAnswered = "not-answered"
    }

    /// Whether `itemID` has an answer that counts, was skipped, or was never answered.
    public func answerState(of itemID: String) -> AnswerState {
        switch countedResponses[itemID] {
        case .some(.some): return .answered
        case .some(.none): return .skipped
        case .none: return .notAnswered
        }
    }

    /// How many items would count as unanswered if the attempt were submitted now.
    public var withoutAnswer: Int { items.filter { answerState(of: $0.id) != .answered }.count }

    /// The answer that counts now for each item answered (nil for a skip), by item id.
    public var countedResponses: [String: ItemResponse?] {
        var responses: [String: ItemResponse?] = [:]
        for answer in given where answer.counted { responses[answer.itemID] = .some(answer.response) }
        return responses
    }

    /// 1-based number of the current item and the number of items.
    public var position: (number: Int, total: Int) { (min(index + 1, items.count), items.count) }

    /// Seconds left at `elapsed` active seconds; nil when untimed.
    public func secondsLeft(at elapsed: Double) -> Double? {
        assessment.timeLimitMinutes.map { max(0, $0 * 60 - elapsed) }
    }

    /// Work mode: the mean score on gold items answered so far and how many there were.
    public var goldAccuracy: (score: Double, items: Int) {
        let gold = given.filter { $0.counted && (assessment.item($0.itemID)?.isGold ?? false) }
        guard !gold.isEmpty else { return (0, 0) }
        return (gold.reduce(0) { $0 + $1.score.score } / Double(gold.count), gold.count)
    }

    /// Records an answer to ``current`` given at `elapsed` active seconds.
    public mutating func answer(_ response: ItemResponse?, at elapsed: Double) -> Outcome {
        let outcome = judge(response, at: elapsed)
        lastOutcome = outcome
        return outcome
    }

    private mutating func judge(_ response: ItemResponse?, at elapsed: Double) -> Outcome {
        guard let item = current else { return Outcome(counted: false, feedback: .none, ending: ending) }
        let score = item.score(response)
        if let left = secondsLeft(at: elapsed), left <= 0 {
            given.append(Given(itemID: item.id, response: response, elapsed: elapsed, counted: false, score: score))
            ending = .timedOut
            return Outcome(counted: false, feedback: .none, ending: ending)
        }
        let counted: Bool
        if allowsGoingBack {
            // The new answer replaces the one given before; only the last counts.
            for earlier in given.indices where given[earlier].itemID == item.id && given[earlier].counted {
                let old = given[earlier]
                given[earlier] = Given(itemID: old.itemID, response: old.response, elapsed: old.elapsed, counted: false, score: old.score)
            }
            counted = true
        } else {
            counted = !given.contains { $0.itemID == item.id }
        }
        given.append(Given(itemID: item.id, response: response, elapsed: elapsed, counted: counted, score: score))
        let policy = assessment.policy
        let result = ItemResult(
            item: item, number: index + 1, score: score, critical: policy.criticalItems.contains(item.id), response: response)
        // A written answer is not retried: its rubric part waits for a grade, so it is never
        // right yet; it is over, and the learner grades it with the model answer beside it.
        let retries = policy.mode == .training && item.kind != .rubric
        if retries, score.verdict != .correct {
            wrongTries += 1
            if wrongTries < AssessmentPolicy.trainingTries {
                return Outcome(
                    counted: counted, feedback: .tryAgain(hint: item.hint, triesLeft: AssessmentPolicy.trainingTries - wrongTries),
                    ending: nil)
            }
        }
        // What the learner sees now is the release's decision, as for every later view; a
        // training item still wrong here has used up its tries, so it is over.
        let stage: ReleaseStage = policy.mode == .training && score.verdict != .correct ? .finished : .answering
        let feedback = result.released(for: policy, stage: stage).map(Feedback.result) ?? .none
        advance()
        if policy.mode == .work, item.isGold, let threshold = policy.removalBelow {
            let accuracy = goldAccuracy
            if accuracy.items >= policy.removalAfter, accuracy.score < threshold - 1e-9 { ending = .removed }
        }
        return Outcome(counted: counted, feedback: feedback, ending: ending)
    }

    /// Puts a grade of the rubric part to the written answer already given to `itemID`: the
    /// counted answer's response becomes `graded` (the same text with a self- or mentor
    /// grade) and is scored again. Timing, order and the ending stay as they were, so a grade
    /// given after the attempt ended changes only that item's score.
    ///
    /// - Returns: false, changing nothing, when the item's counted answer is not a written
    ///   answer with exactly this text (a grade must never swap the text it grades).
    @discardableResult
    public mutating func grade(_ itemID: String, _ graded: RubricAnswer) -> Bool {
        guard let index = given.firstIndex(where: { $0.itemID == itemID && $0.counted }),
            case .rubric(let answer)? = given[index].response, answer.text == graded.text,
            let item = items.first(where: { $0.id == itemID })
        else { return false }
        let old = given[index]
        let response = ItemResponse.rubric(graded)
        given[index] = Given(itemID: itemID, response: response, elapsed: old.elapsed, counted: true, score: item.score(response))
        return true
    }

    /// Active seconds spent on `itemID`: from the answer before each of its answers (or the
    /// start) to that answer, every try included; nil when it was never answered.
    func secondsSpent(on itemID: String) -> Double? {
        var total: Double?
        var previous = 0.0
        for answer in given {
            if answer.itemID == itemID { total = (total ?? 0) + max(0, answer.elapsed - previous) }
            previous = answer.elapsed
        }
        return total
    }

    /// Ends the attempt because the time ran out while no answer was being given.
    public mutating func timeRanOut() {
        if current != nil { ending = .timedOut }
    }

    private mutating func advance() {
        wrongTries = 0
        guard allowsGoingBack else {
            index += 1
            if index >= items.count { ending = .completed }
            return
        }
        // Where going back is allowed, on to the next item not answered yet (wrapping round);
        // when there is none, the attempt waits for the learner to submit.
        let answered = Set(given.map(\.itemID))
        let order = Array(items.indices[(index + 1)...]) + Array(items.indices[...index])
        index = order.first { !answered.contains(items[$0].id) } ?? items.count
    }

    /// The learner submits: where going back is allowed, the attempt ends here (items never
    /// answered count as unanswered); a linear attempt ended with its last answer already.
    public mutating func submit() {
        if ending == nil { ending = .completed }
    }

    /// The attempt's result: counted answers graded on the items asked, with the ending
    /// explained (and, in pool mode, the skill value it grants).
    public func result(learner: String?) -> AttemptResult {
        var responses: [String: ItemResponse] = [:]
        for answer in given where answer.counted {
            if let response = answer.response { responses[answer.itemID] = response }
        }
        let sheet = AnswerSheet(assessmentID: assessment.id, learner: learner, responses: responses)
        var result = Grader().grade(sheet, for: assessment, items: items)
        result.ending = ending
        // Items the attempt never reached keep their gold to themselves: a retake may ask them.
        let reached = Set(given.map(\.itemID))
        for index in result.items.indices {
            result.items[index].secondsSpent = secondsSpent(on: result.items[index].id)
            guard !reached.contains(result.items[index].id) else { continue }
            result.items[index].withhold(note: "Not reached: the attempt ended before this item.")
            result.items[index].question = nil
            result.failedBecause.removeAll { $0 == Grader.criticalFailure(result.items[index].id) }
        }
        result.purpose = purpose
        result.concepts = Grader.concepts(result.items.filter { reached.contains($0.id) })
        switch ending {
        case .removed:
            let accuracy = goldAccuracy
            result.passed = false
            result.failedBecause.insert(
                "Removed: your accuracy on hidden test questions fell to \(Format.precisePercent(accuracy.score)) after "
                    + "\(accuracy.items) of them, below \(Format.precisePercent(assessment.policy.removalBelow ?? 0)).", at: 0)
        case .timedOut:
            let answered = Set(given.filter(\.counted).map(\.itemID)).count
            result.notes.append("Time ran out after \(answered) of \(items.count) items; the rest count as unanswered.")
        case .completed, nil:
            break
        }
        if assessment.policy.mode == .pool { result.skill = Int((max(0, result.score) * 100).rounded()) }
        return result
    }
}

public enum AttemptSessionError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingItem(String)

    public var description: String {
        switch self {
        case .missingItem(let id):
            return "item '\(id)' of this attempt is no longer in the assessment (it was edited since the attempt started)"
        }
    }
}
