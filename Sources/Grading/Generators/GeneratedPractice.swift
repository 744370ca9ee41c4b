import Courseware
internal import Foundation

/// Practice with fresh generated items for a test: which generators serve it, which items a
/// draw asks, and the practice itself as an ordinary ``Assessment`` written to a cache
/// folder (its `assessment.md`, `items.yaml` and media), so that every front end asks,
/// scores and serves it like any other test.
///
/// Nothing but the seed and the item ids needs keeping: an item id names its generator
/// (`f1c2d3e4.street-scenes`; a fresh variant of a missed item keeps that item's id,
/// `b3.street-scenes`), and the seed makes the rest, so an attempt is rebuilt exactly from
/// its gradebook record. The practice's id is the test's with ``idSuffix``.
public struct GeneratedPractice: Sendable {
    /// Where generated practices are written: one folder per test, seed and item list.
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// Ends the id of every generated practice: `street-boxes.generated`.
    public static let idSuffix = ".generated"
    /// The rules of every generated practice, as its `assessment.md` writes them: a quiz
    /// that explains each answer at once.
    public static let policy: AssessmentPolicy = {
        var policy = AssessmentPolicy()
        policy.mode = .quiz
        policy.showReasons = .afterEach
        return policy
    }()

    /// Fresh items in one draw.
    public static let itemsPerDraw = 10

    /// The id of the generated practice of the test `sourceID`.
    public static func id(for sourceID: String) -> String { sourceID + idSuffix }

    /// The test a generated practice's id comes from; nil for any other id.
    public static func sourceID(of id: String) -> String? {
        id.hasSuffix(idSuffix) && id.count > idSuffix.count ? String(id.dropLast(idSuffix.count)) : nil
    }

    /// The title of the generated practice of `source`.
    public static func title(of source: Assessment) -> String { source.title + " — fresh items" }

    /// The generators for the kinds `test` asks, in the order its items first ask them.
    public static func generators(for test: Assessment) -> [ItemGenerator] {
        var result: [ItemGenerator] = []
        for item in test.items {
            if let generator = ItemGenerator.making(item.kind), !result.contains(generator) { result.append(generator) }
        }
        return result
    }

    /// The item ids of a fresh draw for `test`: ``itemsPerDraw`` items taking turns among its
    /// generators (speech only when espeak-ng can be run).
    ///
    /// - Throws: ``GeneratedPracticeError/noGenerator(test:kinds:)`` when no generator serves
    ///   the test, ``GeneratedPracticeError/speechUnavailable`` when only speech would.
    public static func freshItemIDs(for test: Assessment, seed: UInt64, speechAvailable: Bool) throws(GeneratedPracticeError)
        -> [String]
    {
        let all = generators(for: test)
        guard !all.isEmpty else {
            var kinds: [ItemKind] = []
            for item in test.items where !kinds.contains(item.kind) { kinds.append(item.kind) }
            throw .noGenerator(test: test.id, kinds: kinds)
        }
        let usable = all.filter { speechAvailable || !$0.needsSpeechSynthesis }
        guard !usable.isEmpty else { throw .speechUnavailable }
        var random = SeededGenerator(seed: seed, part: "draw")
        var ids: [String] = []
        for index in 0..<itemsPerDraw {
            let hex = String(random.next() & 0xffff_ffff, radix: 16)
            ids.append("f" + String(repeating: "0", count: 8 - hex.count) + hex + "." + usable[index % usable.count].rawValue)
        }
        return ids
    }

    /// The id of a fresh variant of the item `itemID` of kind `kind` (nil when no generator
    /// makes that kind): answering it reviews that item.
    public static func variantID(of itemID: String, kind: ItemKind) -> String? {
        guard let generator = ItemGenerator.making(kind) else { return nil }
        return reviewedItemID(itemID) + "." + generator.rawValue
    }

    /// The item a generated item stands for in review: its id without the generator.
    public static func reviewedItemID(_ id: String) -> String {
        guard let dot = id.lastIndex(of: "."), ItemGenerator(rawValue: String(id[id.index(after: dot)...])) != nil else { return id }
        return String(id[..<dot])
    }

    /// The generated practice of `source` asking `itemIDs` with `seed`: written to
    /// ``folder`` the first time (media included), then loaded like any test.
    ///
    /// - Throws: ``GeneratedPracticeError`` when a file cannot be written, espeak-ng is
    ///   needed and missing or failing, or an item id names no generator.
    public func assessment(of source: Assessment, seed: UInt64, itemIDs: [String]) throws(GeneratedPracticeError) -> Assessment {
        let made = try Self.items(itemIDs, seed: seed)
        let key = String(seed, radix: 16) + "-" + String(StableHash.fnv1a(itemIDs.joined(separator: "\n")), radix: 16)
        let target = ((folder as NSString).appendingPathComponent(source.id) as NSString).appendingPathComponent(key)
        try write(Self.header(of: source, generators: made.map(\.generator)), to: target, name: "assessment.md")
        try write(JSONText.encode(JSONValue.array(made.map { .object($0.item.entry) })), to: target, name: "items.yaml")
        for media in made.flatMap(\.item.media) { try Self.render(media, in: target) }
        let loaded = AssessmentLoader().load(folder: target)
        guard let assessment = loaded.assessment, loaded.errors.isEmpty else {
            throw .invalid(loaded.errors.first?.description ?? "nothing loaded from \(target)")
        }
        return assessment
    }

    /// The items `ids` name, made from `seed`; each item's own seed mixes in its id, so one
    /// item is the same whichever draw it is in.
    static func items(_ ids: [String], seed: UInt64) throws(GeneratedPracticeError) -> [(
        generator: ItemGenerator, item: GeneratedItem
    )] {
        var result: [(generator: ItemGenerator, item: GeneratedItem)] = []
        for id in ids {
            guard let dot = id.lastIndex(of: "."), let generator = ItemGenerator(rawValue: String(id[id.index(after: dot)...])) else {
                throw .invalid("item id '\(id)' names no generator")
            }
            result.append((generator, generator.item(id: id, seed: seed ^ StableHash.fnv1a(id))))
        }
        return result
    }

    /// `assessment.md`: the source's platform and pass mark, practice rules, and a short
    /// guide to the fresh items.
    static func header(of source: Assessment, generators: [ItemGenerator]) -> String {
        var kinds: [ItemGenerator] = []
        for generator in generators where !kinds.contains(generator) { kinds.append(generator) }
        let title = Self.title(of: source)
        return """
            ---
            id: \(id(for: source.id))
            title: \(JSONText.encode(title).trimmingCharacters(in: .whitespacesAndNewlines))
            platform: \(source.platform.rawValue)
            pass-mark: \(source.passMark)
            policy:
              mode: quiz
              show-reasons: after-each
            ---
            # \(title)

            Fresh items made by Groundwork for practice, new on every run and never seen before.
            Their gold is exact: each picture, sentence or clip was made *from* its answer.
            Scoring is the same as in \(source.title).

            \(kinds.map { "- " + Self.guide($0) }.joined(separator: "\n"))

            """
    }

    private static func guide(_ generator: ItemGenerator) -> String {
        switch generator {
        case .streetScenes: return "**Street scenes**: box every car and person; a box counts at IoU 0.7 or more."
        case .shapes: return "**Shapes**: outline every building, lake and roof; an outline counts at IoU 0.85 or more."
        case .poses: return "**Poses**: place each joint at its dot; facing you, a person's left is on your right."
        case .sentences: return "**Sentences**: mark every PERSON, ORG, LOC and DATE with exact boundaries."
        case .speech: return "**Speech**: type every word you hear, numbers as words."
        case .soundEvents: return "**Sound events**: mark each listed sound from its onset to its end; one region per sound."
        }
    }

    private func write(_ text: String, to target: String, name: String) throws(GeneratedPracticeError) {
        try Self.write(Data(text.utf8), to: (target as NSString).appendingPathComponent(name))
    }

    /// Writes through a temporary file and a rename, so that a reader (another request, a
    /// second terminal) never sees half a file; the same draw always writes the same bytes.
    static func write(_ data: Data, to path: String) throws(GeneratedPracticeError) {
        if FileManager.default.fileExists(atPath: path) { return }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = temporaryPath(for: path)
            try data.write(to: URL(fileURLWithPath: temporary))
            try replace(path, with: temporary)
        } catch {
            throw .unwritable(path: folder, reason: error.localizedDescription)
        }
    }

    /// A name beside `path` that no other process or thread writing the same file uses.
    static func temporaryPath(for path: String, suffix: String = ".tmp") -> String {
        path + ".\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))" + suffix
    }

    /// Puts `temporary` in `path`'s place with one rename(2): a reader sees the old file or
    /// the new, never none (removing first and then moving left a moment with no file, in
    /// which a second writer's reader got a 404).
    static func replace(_ path: String, with temporary: String) throws {
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
        }
    }

    /// Draws, makes or synthesises one media file unless it is there already.
    static func render(_ media: GeneratedMedia, in target: String) throws(GeneratedPracticeError) {
        let path = (target as NSString).appendingPathComponent(media.name)
        if FileManager.default.fileExists(atPath: path) { return }
        switch media.content {
        case .svg(let text):
            try write(Data(text.utf8), to: path)
        case .sounds(let scene):
            try write(WAVFile.data(samples: SoundEventGenerator.samples(scene), rate: SoundEventGenerator.rate), to: path)
        case .speech(let text):
            do {
                try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            } catch {
                throw .unwritable(path: target, reason: error.localizedDescription)
            }
            let temporary = temporaryPath(for: path, suffix: ".tmp.wav")
            try SpeechSynthesizer.speak(text, to: temporary)
            do {
                try replace(path, with: temporary)
            } catch {
                throw .unwritable(path: target, reason: error.localizedDescription)
            }
        }
    }
}
