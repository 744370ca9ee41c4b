import ArgumentParser
import Grading

/// `groundwork practice ID`: a test with nothing at stake — any time, untimed, a fresh draw
/// each time, feedback after each answer, recorded apart from simulated exams.
struct Practice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
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

            --generated practises fresh items that never run out, made for the
            kinds of item the test asks (boxes, polygons, keypoints, entity spans,
            spoken clips with espeak-ng, sound events; docs/generators.md). Items of
            the test you missed that are due for review come back first, as fresh
            variants of the same kind.

            Examples:
              groundwork practice sentiment-quiz
              groundwork practice street-boxes --answers my-boxes.json
              groundwork practice named-entities --generated
            """
    )

    @OptionGroup var options: SittingOptions
    @Flag(help: "Practise fresh generated items of the test's kinds instead of its own items.") var generated = false

    func run() throws { try (generated ? options.generatedSitting() : options.sitting(.practice)).run() }
}
