/// Options of ``Transcription/normalize(_:options:)``.
public struct TranscriptNormalization: Sendable, Equatable {
    /// Lowercase with Swift's full Unicode lowercase mapping (`String.lowercased()`).
    public var lowercase: Bool
    /// Remove every Unicode scalar whose general category is punctuation (Pc, Pd, Ps, Pe,
    /// Pi, Pf, Po) — like jiwer's `RemovePunctuation`, so "don't" becomes "dont".
    public var removePunctuation: Bool
    /// Remove bracketed tags such as `[inaudible]` or `<noise>`: each `[` or `<` up to the
    /// next matching `]` or `>` on the same text, brackets included (unclosed brackets stay).
    public var removeBracketedTags: Bool
    /// Words removed after tokenisation (compared after the other steps, so give them in
    /// lowercase when `lowercase` is on). Empty by default.
    public var fillerWords: Set<String>

    /// Creates the value from its parts (no validation beyond the types).
    public init(
        lowercase: Bool = true, removePunctuation: Bool = true, removeBracketedTags: Bool = true,
        fillerWords: Set<String> = []
    ) {
        self.lowercase = lowercase
        self.removePunctuation = removePunctuation
        self.removeBracketedTags = removeBracketedTags
        self.fillerWords = fillerWords
    }

    /// Common English hesitation fillers: um, uh, er, erm, ah, eh, hm, hmm, mm, mhm, uhm.
    public static let englishFillers: Set<String> = ["um", "uh", "er", "erm", "ah", "eh", "hm", "hmm", "mm", "mhm", "uhm"]
}

extension Transcription {
    /// Normalises a transcript before scoring. Steps, in order:
    /// 1. remove bracketed tags (if enabled);
    /// 2. lowercase (if enabled);
    /// 3. remove punctuation scalars (if enabled);
    /// 4. split on whitespace (Python's `str.isspace` set) into words;
    /// 5. drop words in `fillerWords`;
    /// 6. join with single spaces (so no leading, trailing or repeated whitespace remains).
    /// No Unicode normalisation (NFC/NFD) is applied: "é" and "e\u{301}" stay different, as in
    /// jiwer. The metrics themselves never normalise; call this first.
    ///
    /// The steps run in one pass over the UTF-8 bytes (grading normalises every answer, and
    /// building a `String` per step was most of a transcript's grading time): the brackets
    /// are ASCII, so tags are found byte by byte; lowercasing is `String.lowercased()`'s
    /// mapping, applied scalar by scalar as it does (ASCII by table).
    public static func normalize(_ text: String, options: TranscriptNormalization = TranscriptNormalization()) -> String {
        withUTF8(text) { p in
            var out = NormalizedText(capacity: p.count, fillerWords: options.fillerWords)
            let flags = (options.lowercase ? 1 : 0) | (options.removePunctuation ? 2 : 0) | (options.removeBracketedTags ? 4 : 0)
            let actions = byteActions[flags]
            let n = p.count
            var i = 0
            while i < n {
                let b = p[i]
                var action = actions[Int(b)]
                // the usual byte: one lookup, written as it is or lowercased
                if action < ByteAction.drop {
                    out.append(byte: UInt8(truncatingIfNeeded: action))
                    i &+= 1
                    continue
                }
                if action == ByteAction.bracket {
                    let close: UInt8 = b == 0x5B ? 0x5D : 0x3E
                    var j = i + 1
                    while j < n && p[j] != close { j += 1 }
                    if j < n {
                        out.space()
                        i = j + 1
                        continue
                    }
                    // an unclosed bracket is an ordinary character
                    action = byteActions[flags & 3][Int(b)]
                    if action < ByteAction.drop { out.append(byte: UInt8(truncatingIfNeeded: action)) }
                    i += 1
                    continue
                }
                if action == ByteAction.drop {
                    i += 1
                    continue
                }
                if action == ByteAction.space {
                    out.space()
                    i += 1
                    continue
                }
                let length = utf8Length(b)
                let scalar = decodeScalar(p, i, length)
                i += length
                if options.lowercase && scalar.properties.changesWhenLowercased {
                    let mapped = scalar.properties.lowercaseMapping.unicodeScalars
                    // a separating space and 4 bytes per scalar at most
                    out.reserve(1 + 4 * mapped.count, remainingInput: n - i)
                    for u in mapped { out.append(u, options.removePunctuation) }
                } else {
                    out.append(scalar, options.removePunctuation)
                }
            }
            return out.finish()
        }
    }

    /// What each byte does under each set of options (index: 1 = lowercase, 2 = remove
    /// punctuation, 4 = remove bracketed tags): below ``ByteAction/drop`` the ASCII byte to
    /// write (lowercased when asked), else one of ``ByteAction``'s. One lookup per ordinary
    /// byte instead of a test per step; punctuation is Unicode's general category P*.
    private static let byteActions: [[UInt16]] = (0..<8).map { flags in
        (0..<256).map { b -> UInt16 in
            if b >= 0x80 { return ByteAction.nonASCII }
            if flags & 4 != 0 && (b == 0x5B || b == 0x3C) { return ByteAction.bracket }  // "[" or "<"
            let c = flags & 1 != 0 && b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            if flags & 2 != 0 && isPunctuation(Unicode.Scalar(UInt8(c))) { return ByteAction.drop }
            return isPythonSpace(UInt32(c)) ? ByteAction.space : UInt16(c)
        }
    }

    private enum ByteAction {
        static let drop: UInt16 = 0x100, space: UInt16 = 0x200, bracket: UInt16 = 0x300, nonASCII: UInt16 = 0x400
    }

    @inline(__always)
    private static func decodeScalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ length: Int) -> Unicode.Scalar {
        let b0 = UInt32(p[i])
        let v: UInt32
        switch length {
        case 2: v = (b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
        case 3: v = (b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
        default: v = (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
        }
        return Unicode.Scalar(v).unsafelyUnwrapped
    }

    fileprivate static func isPunctuation(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}

/// The words of a normalised transcript as they are found, joined by single spaces; a word
/// in the filler list is taken back out when it ends.
///
/// The bytes go to a buffer allocated once with room for the input: an ASCII byte never
/// makes the output longer than the input consumed so far (a separating space stands for the
/// whitespace or tag that ended the word before it), so only a lowercased non-ASCII scalar,
/// which can take more bytes than it had, checks the room (a Swift `Array` checked
/// uniqueness and capacity on every byte).
private struct NormalizedText: ~Copyable {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private let fillerWords: Set<String>
    /// Where the current word starts in `bytes`, nil between words.
    private var wordStart: Int?

    init(capacity: Int, fillerWords: Set<String>) {
        self.capacity = capacity + 8
        bytes = .allocate(capacity: self.capacity)
        self.fillerWords = fillerWords
    }

    deinit { bytes.deallocate() }

    /// Whitespace: ends the current word, if any.
    mutating func space() {
        guard let start = wordStart else { return }
        wordStart = nil
        if fillerWords.isEmpty { return }
        let word = String(decoding: UnsafeBufferPointer(start: bytes + start, count: count - start), as: UTF8.self)
        if fillerWords.contains(word) { count = Swift.max(0, start - 1) }
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        if wordStart == nil {
            if count > 0 {
                bytes[count] = 0x20
                count += 1
            }
            wordStart = count
        }
        bytes[count] = byte
        count += 1
    }

    /// Room for `more` bytes beyond what the rest of the input can add (see above).
    mutating func reserve(_ more: Int, remainingInput: Int) {
        let needed = count + more + remainingInput + 8
        if needed <= capacity { return }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(needed, 2 * capacity))
        fresh.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = fresh
        capacity = Swift.max(needed, 2 * capacity)
    }

    /// A non-ASCII scalar (or one produced by lowercasing), unless it is punctuation to drop.
    mutating func append(_ u: Unicode.Scalar, _ removePunctuation: Bool) {
        if u.value < 0x80 {
            let b = UInt8(u.value)
            if removePunctuation && Transcription.isPunctuation(u) { return }
            if Transcription.isPythonSpace(u.value) { space() } else { append(byte: b) }
            return
        }
        if removePunctuation && Transcription.isPunctuation(u) { return }
        if Transcription.isPythonSpace(u.value) { return space() }
        for b in UTF8.encode(u)! { append(byte: b) }
    }

    consuming func finish() -> String {
        space()
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
