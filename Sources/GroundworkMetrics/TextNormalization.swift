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
    public static func normalize(_ text: String, options: TranscriptNormalization = TranscriptNormalization()) -> String {
        var scalars = Array(text.unicodeScalars)
        if options.removeBracketedTags {
            var out: [Unicode.Scalar] = []
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                if c == "[" || c == "<" {
                    let close: Unicode.Scalar = c == "[" ? "]" : ">"
                    if let j = scalars[(i + 1)...].firstIndex(of: close) {
                        out.append(" ")
                        i = j + 1
                        continue
                    }
                }
                out.append(c)
                i += 1
            }
            scalars = out
        }
        var s = String(String.UnicodeScalarView(scalars))
        if options.lowercase { s = s.lowercased() }
        if options.removePunctuation {
            s = String(String.UnicodeScalarView(s.unicodeScalars.filter { !isPunctuation($0) }))
        }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isPythonSpace(u.value) {
                if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(u)
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        if !options.fillerWords.isEmpty {
            words.removeAll { options.fillerWords.contains($0) }
        }
        return words.joined(separator: " ")
    }

    private static func isPunctuation(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
