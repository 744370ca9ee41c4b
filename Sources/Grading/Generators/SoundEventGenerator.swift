internal import Foundation

/// Clips for audio segments: beeps, buzzes, chimes, knocks and sirens at known times in
/// silence, at least 300 ms apart; a knock is three raps less than 250 ms apart, one event
/// by the course's gap rule. Times are whole multiples of 50 ms, and the clip is made here sample by sample
/// at 16 kHz (800 samples per 50 ms), so each sound starts and stops on the very sample its
/// gold start and end name.
enum SoundEventGenerator {
    static let labels = ["beep", "buzz", "chime", "knock", "siren"]
    /// Samples per second of the clips made.
    static let rate = 16_000
    /// Clip times are counted in ticks of 50 ms.
    static let ticksPerSecond = 20

    /// How long each sound lasts, in ticks.
    private static let lengths: [String: ClosedRange<Int>] = [
        "beep": 4...8, "buzz": 8...16, "chime": 10...20, "knock": 6...12, "siren": 16...30,
    ]

    static func item(id: String, random: inout SeededGenerator) -> GeneratedItem {
        let scene = scene(random: &random)
        let answer = scene.events.map { event -> JSONValue in
            .object(["label": .string(event.label), "start": .number(event.start), "end": .number(event.end)])
        }
        let audio = "\(id).wav"
        return GeneratedItem(
            entry: [
                "id": .string(id), "kind": .string("time-segments"),
                "prompt": .string("Mark every \(Format.list(scene.labels.map { "**\($0)**" })). Apply the gap rule."),
                "audio": .string(audio), "duration": .number(scene.duration), "labels": .strings(scene.labels), "iou": .number(0.5),
                "answer": .array(answer),
                "reason": .string(
                    "The clip was made from these times: \(scene.events.count) sound\(scene.events.count == 1 ? "" : "s") in silence, each starting at its sudden onset and ending when it stops. Sounds at least 0.3 s apart are separate events; the raps of one knock are less than 0.25 s apart, so by the gap rule they make one region."
                ),
                "concepts": .strings(["onsets", "one-region-per-event"]),
            ],
            media: [GeneratedMedia(name: audio, content: .sounds(scene))])
    }

    /// Two to four sounds in a clip of 4 to 6 s, each after a pause of at least 300 ms.
    static func scene(random: inout SeededGenerator) -> SoundScene {
        let duration = random.int(8...12) * ticksPerSecond / 2
        let offered = random.sample(labels, count: random.int(2...3)).sorted()
        var events: [SoundScene.Event] = []
        var cursor = random.int(2...10)
        for _ in 0..<random.int(2...4) {
            let label = random.pick(offered)
            let start = cursor + (events.isEmpty ? 0 : random.int(6...14))
            let end = start + random.int(lengths[label] ?? 4...8)
            guard end <= duration - 4 else { break }
            events.append(SoundScene.Event(label: label, startTick: start, endTick: end))
            cursor = end
        }
        return SoundScene(labels: offered, durationTicks: duration, events: events, noiseSeed: random.next())
    }

    /// The clip's samples: silence, and each sound between its start and end samples, with
    /// a 5 ms fade at both ends so it does not click.
    static func samples(_ scene: SoundScene) -> [Int16] {
        let perTick = rate / ticksPerSecond
        var samples = [Int16](repeating: 0, count: scene.durationTicks * perTick)
        var noise = SeededGenerator(seed: scene.noiseSeed)
        for event in scene.events {
            let first = event.startTick * perTick, count = (event.endTick - event.startTick) * perTick
            let fade = rate / 200
            for n in 0..<count {
                let t = Double(n) / Double(rate)
                var value: Double
                switch event.label {
                case "beep": value = sin(2 * .pi * 1000 * t)
                case "buzz": value = sin(2 * .pi * 180 * t) >= 0 ? 0.6 : -0.6
                case "chime": value = (sin(2 * .pi * 880 * t) + sin(2 * .pi * 1320 * t)) * 0.5 * (1 - 0.6 * Double(n) / Double(count))
                case "knock":
                    // Three short raps: at the start, in the middle and at the end.
                    let rap = rate * 6 / 100
                    let inRap = n < rap || abs(n - count / 2) < rap / 2 || n >= count - rap
                    value = inRap ? noise.fraction() * 2 - 1 : 0
                default:
                    let phase = 2 * .pi * (700 * t + 250 * sin(2 * .pi * 1.5 * t) / (2 * .pi * 1.5))
                    value = sin(phase)
                }
                let edge = min(n, count - 1 - n)
                if edge < fade { value *= Double(edge) / Double(fade) }
                samples[first + n] = Int16(value * 0.5 * 32_767)
            }
        }
        return samples
    }
}

/// A generated clip of sound events, described: what ``SoundEventGenerator/samples(_:)``
/// turns into sound.
struct SoundScene: Sendable, Hashable {
    struct Event: Sendable, Hashable {
        var label: String
        var startTick: Int
        var endTick: Int
        var start: Double { Double(startTick) / Double(SoundEventGenerator.ticksPerSecond) }
        var end: Double { Double(endTick) / Double(SoundEventGenerator.ticksPerSecond) }
    }

    /// The labels the item offers (every one of the events' and perhaps one more).
    var labels: [String]
    var durationTicks: Int
    var events: [Event]
    /// Seeds the knocks' noise.
    var noiseSeed: UInt64

    var duration: Double { Double(durationTicks) / Double(SoundEventGenerator.ticksPerSecond) }
}
