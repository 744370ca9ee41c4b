/// FNV-1a (64-bit) of a text's UTF-8: stable across runs and releases, unlike `hashValue`,
/// so it can seed recorded shuffles and fingerprint files.
enum StableHash {
    static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
