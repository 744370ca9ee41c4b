/// The Flesch–Kincaid grade of a text, counted by rules simple enough to check by hand
/// (docs/grading.md, "rubric"), because syllable counters differ between libraries:
///
/// - **words**: runs of characters between whitespace that hold at least one letter or digit;
/// - **sentences**: the pieces between runs of `.`, `!` or `?` that hold at least one word
///   (so a text without end punctuation is one sentence);
/// - **syllables** of a word: its letters lowercased (others dropped); the number of runs of
///   the vowels a, e, i, o, u, y; one less when the word ends in `e` but not in `le` after a
///   consonant (`make` 1, `table` 2) and the count is above 1; at least 1 (a number is 1).
///
/// grade = 0.39 · words / sentences + 11.8 · syllables / words − 15.59 (Kincaid et al., 1975).
public enum ReadingLevel {
    public struct Counts: Sendable, Hashable {
        public let words: Int
        public let sentences: Int
        public let syllables: Int
    }

    /// Words, sentences and syllables by the rules above.
    public static func counts(_ text: String) -> Counts {
        var words = 0
        var syllables = 0
        for token in text.split(whereSeparator: \.isWhitespace) where token.contains(where: { $0.isLetter || $0.isNumber }) {
            words += 1
            syllables += syllableCount(token)
        }
        let sentences = text.split(whereSeparator: { $0 == "." || $0 == "!" || $0 == "?" })
            .filter { piece in piece.split(whereSeparator: \.isWhitespace).contains { $0.contains(where: { $0.isLetter || $0.isNumber }) } }
            .count
        return Counts(words: words, sentences: sentences, syllables: syllables)
    }

    /// The grade, or nil for a text without words.
    public static func grade(_ text: String) -> Double? {
        let counts = counts(text)
        guard counts.words > 0, counts.sentences > 0 else { return nil }
        return 0.39 * Double(counts.words) / Double(counts.sentences) + 11.8 * Double(counts.syllables) / Double(counts.words) - 15.59
    }

    static func syllableCount(_ word: Substring) -> Int {
        let letters = Array(word.lowercased().filter(\.isLetter))
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousWasVowel = false
        for letter in letters {
            let isVowel = vowels.contains(letter)
            if isVowel, !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        if count > 1, letters.last == "e" {
            let endsInConsonantLE = letters.count >= 3 && letters[letters.count - 2] == "l" && !vowels.contains(letters[letters.count - 3])
            if !endsInConsonantLE { count -= 1 }
        }
        return max(1, count)
    }
}
