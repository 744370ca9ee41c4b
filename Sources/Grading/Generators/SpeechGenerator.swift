/// Spoken sentences for transcription: a sentence is put together from parts, and espeak-ng
/// says exactly that text (``SpeechSynthesizer``), so the text is the gold transcript.
/// Numbers are written as words, as the course's style guide wants them typed.
enum SpeechGenerator {
    static let openings = [
        "Please", "Remember to", "Before you submit the task,", "For this project,", "If the image is blurry,",
    ]
    static let actions = [
        "label every car in the picture", "mark each person who is fully visible", "skip any clip that has no speech",
        "read the guidelines again", "draw a tight box around the sign", "write the numbers as words",
        "check the spelling of every name", "flag the audio if it is too quiet",
    ]
    static let endings = [
        "before lunch.", "on the second page.", "for the next twenty items.", "in the morning batch.",
        "until the end of the week.", "and then take a short break.", "for all forty two files.",
    ]

    static func item(id: String, random: inout SeededGenerator) -> GeneratedItem {
        let text = "\(random.pick(openings)) \(random.pick(actions)) \(random.pick(endings))"
        let sentence = text.prefix(1).uppercased() + text.dropFirst()
        let audio = "\(id).wav"
        return GeneratedItem(
            entry: [
                "id": .string(id), "kind": .string("transcription"), "prompt": .string("Transcribe the clip (full verbatim)."),
                "audio": .string(audio), "answer": .string(sentence),
                "reason": .string(
                    "The clip was spoken by a speech synthesiser from exactly this text. Every word counts once; short words such as \"the\" and \"for\" are the ones most often dropped."
                ),
                "concepts": .strings(["verbatim"]),
            ],
            media: [GeneratedMedia(name: audio, content: .speech(sentence))])
    }
}
