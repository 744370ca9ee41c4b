/// Turns the mistakes scorers observed into at most three hints about patterns across
/// items ("You confused NEUTRAL and MIXED 4 times (q2, q5, q7, q9).").
///
/// Observations are grouped (a confusion between two labels counts in either direction);
/// only groups seen at least twice become hints, ordered by how often they occurred, then by
/// the first item they occurred in.
public enum PatternHints {
    public static let limit = 3
    public static let minimumCount = 2

    public static func hints(from observations: [(item: String, observations: [Observation])]) -> [String] {
        var groups: [String: (count: Int, items: [String], first: Int, example: Observation)] = [:]
        var sequence = 0
        for (item, list) in observations {
            for observation in list {
                let key = groupKey(observation)
                var group = groups[key] ?? (0, [], sequence, observation)
                group.count += 1
                if !group.items.contains(item) { group.items.append(item) }
                groups[key] = group
                sequence += 1
            }
        }
        return groups.values
            .filter { $0.count >= minimumCount }
            .sorted { ($0.count, -$0.first) > ($1.count, -$1.first) }
            .prefix(limit)
            .map { text($0.example, count: $0.count, items: $0.items) }
    }

    private static func groupKey(_ observation: Observation) -> String {
        switch observation {
        case .confused(let gold, let answer): return "confused\u{0}" + [gold, answer].sorted().joined(separator: "\u{0}")
        case .trap: return "trap"
        case .missed(let noun): return "missed\u{0}\(noun)"
        case .extra(let noun): return "extra\u{0}\(noun)"
        case .boundary(let noun, let loose): return "boundary\u{0}\(noun)\u{0}\(loose)"
        case .misheard(let said, let wrote): return "misheard\u{0}\(said)\u{0}\(wrote)"
        case .ratingBias(let higher): return "rating\u{0}\(higher)"
        case .swappedPair: return "swapped"
        case .wrongVisibility: return "visibility"
        case .wrongPreference: return "preference"
        case .weakReason: return "reason"
        }
    }

    /// What to do about things missed, in the terms of what they are.
    private static func missedAdvice(_ noun: String) -> String {
        switch noun {
        case "word": return "listen to the whole clip again before you submit; full verbatim keeps fillers and repeats."
        case "option": return "check every option against the guideline before you submit, not only the first that fits."
        default: return "scan the whole task for every instance before you submit."
        }
    }

    static func plural(_ noun: String) -> String {
        if noun.hasSuffix("x") || noun.hasSuffix("s") { return noun + "es" }
        if noun.hasSuffix("y") { return String(noun.dropLast()) + "ies" }
        return noun + "s"
    }

    private static func text(_ observation: Observation, count: Int, items: [String]) -> String {
        let times = count == 1 ? "once" : "\(count) times"
        let seen = " (\(items.joined(separator: ", ")))"
        switch observation {
        case .confused(let gold, let answer):
            let pair = [gold, answer].sorted()
            return "You confused \(pair[0]) and \(pair[1]) \(times)\(seen): reread how the guideline tells them apart."
        case .trap:
            return "You picked a trap answer \(times)\(seen): these are the tempting wrong answers the test is built to catch."
        case .missed(let noun):
            return
                "You missed \(count) \(count == 1 ? noun : plural(noun))\(seen): "
                + Self.missedAdvice(noun)
        case .extra(let noun):
            return
                noun == "word"
                ? "You wrote \(count) \(count == 1 ? noun : plural(noun)) that the audio does not say\(seen): never guess; tag what you cannot hear."
                : "You marked \(count) \(count == 1 ? noun : plural(noun)) that the gold answer does not have\(seen): mark only what the guideline asks for."
        case .boundary(let noun, let loose):
            switch noun {
            case "span":
                return loose
                    ? "Your spans took in extra words \(times)\(seen): leave out articles and surrounding words the guideline excludes."
                    : "Your spans left out words \(times)\(seen): cover the entity's full name."
            case "segment":
                return loose
                    ? "Your segments ran too long \(times)\(seen): start at the onset and stop when the sound ends."
                    : "Your segments were too short \(times)\(seen): cover the whole event."
            case "keypoint":
                return "Your keypoints were too far from the gold positions \(times)\(seen): zoom in and place each on the exact landmark."
            default:
                return loose
                    ? "Your \(plural(noun)) were too loose \(times)\(seen): fit them tightly to the object's visible edges."
                    : "Your \(plural(noun)) cut off part of the object \(times)\(seen): include every visible part."
            }
        case .misheard(let said, let wrote):
            return "You wrote '\(wrote)' where the audio says '\(said)' \(times)\(seen)."
        case .ratingBias(let higher):
            return "You rated \(higher ? "higher" : "lower") than gold \(times)\(seen): compare against the scale's anchor descriptions."
        case .swappedPair:
            return "You ordered \(count) pairs of candidates the wrong way round\(seen)."
        case .wrongVisibility:
            return
                "You set a keypoint's visibility differently from gold \(times)\(seen): a point hidden behind something is occluded, not visible; mark it not in the image only when it is outside the picture."
        case .wrongPreference:
            return "You preferred the weaker response \(times)\(seen): check factual accuracy before style."
        case .weakReason:
            return "Your written reasons missed the key point \(times)\(seen): name the specific problem in the response."
        }
    }
}
