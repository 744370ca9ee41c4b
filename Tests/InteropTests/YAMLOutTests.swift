import Testing
import Yams

@testable import Interop

/// Text written into `items.yaml` reads back as the same text in any YAML 1.1 reader, not
/// only in Groundwork's: words YAML resolves to booleans, numbers, dates or null are quoted.
struct YAMLOutTests {
    @Test(arguments: [
        "true", "False", "yes", "NO", "on", "off", "1", "-2", "0x1F", "0o17", "1.5", "1e3", ".inf", ".NaN", "2026-12-03", "~",
        "null", "", "<<",
    ])
    func textThatReadsAsAnotherTypeIsQuoted(text: String) throws {
        let yaml = YAMLOut.map([.init("id", .string(text))], flow: true).emitted()
        #expect(yaml.contains("\"\(text)\""), "\(yaml)")
        let loaded = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        #expect(loaded["id"] as? String == text, "\(yaml)")
    }

    @Test(arguments: ["POSITIVE", "car", "set_alarm", "Can't tell", "a: b"])
    func ordinaryTextReadsBackTheSame(text: String) throws {
        let yaml = YAMLOut.map([.init("id", .string(text))], flow: true).emitted()
        let loaded = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        #expect(loaded["id"] as? String == text, "\(yaml)")
    }
}
