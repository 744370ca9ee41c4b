import Crypto

/// Random secrets from the system's secure generator: session tokens and invitation codes.
enum SecretToken {
    /// 32 random bytes as 64 hex digits.
    static func hex() -> String {
        var generator = SystemRandomNumberGenerator()
        return hexDigits((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The SHA-256 of a token's text, as 64 hex digits: what the gradebook stores in place of
    /// a session's token. A token is 256 random bits, so an unsalted fast hash is enough.
    static func digest(_ token: String) -> String {
        hexDigits(Array(SHA256.hash(data: Array(token.utf8))))
    }

    /// Two lowercase hex digits per byte.
    private static func hexDigits(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// Letters and digits nobody mistakes for each other when reading a code aloud.
    static let codeAlphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    /// 12 characters of ``codeAlphabet`` (about 59 bits), written `XXXX-XXXX-XXXX`.
    static func invitationCode() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in codeAlphabet.randomElement(using: &generator)! }
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// A code as typed (any case, spaces or dashes anywhere) in its stored form, or nil when
    /// it cannot be one.
    static func normalizedCode(_ typed: String) -> String? {
        let characters = typed.uppercased().filter { $0 != "-" && $0 != " " }
        guard characters.count == 12, characters.allSatisfy(codeAlphabet.contains) else { return nil }
        let array = Array(characters)
        return stride(from: 0, to: 12, by: 4).map { String(array[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
