import ArgumentParser
import Grading

/// `groundwork practice ID`: a test with nothing at stake — any time, untimed, a fresh draw
/// each time, feedback after each answer, recorded apart from simulated exams.
struct Practice: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Practise a test any time: untimed, feedback after each answer, and it never counts as an exam attempt.",
        discussion: """
            Practice asks the same items as 'take' and answers them the same way (see
            'groundwork take --help'), but every run is allowed: no attempt limit, no
            retake delay, no prerequisite, no clock. Each answer is explained at once,
            whatever the test's own rules say; rules within an item still apply
            (training retries with a hint; work mode explains only missed test
            questions, so you still rehearse not knowing which rows are test
            questions). Practice is recorded apart from exams: 'groundwork history'
            shows both.

            Examples:
              groundwork practice sentiment-quiz
              groundwork practice street-boxes --answers my-boxes.json
            """
    )

    @OptionGroup var options: SittingOptions

    func run() throws { try options.sitting(.practice).run() }
}
