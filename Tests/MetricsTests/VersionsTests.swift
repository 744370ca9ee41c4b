import Foundation
import GroundworkMetrics
import Testing

struct VersionsTests {
    @Test("documented reference versions are the ones that generated the fixtures")
    func versionsMatchFixtures() throws {
        let data = try Data(contentsOf: Fixtures.directory.appendingPathComponent("versions.json"))
        let versions = try JSONDecoder().decode([String: String].self, from: data)
        #expect(versions == Metrics.referenceVersions)
    }
}
