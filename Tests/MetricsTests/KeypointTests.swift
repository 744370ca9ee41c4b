import GroundworkMetrics
import Testing

struct KeypointCase: NamedCase {
    struct Gold: Decodable, Sendable { let keypoints: [Double]; let bbox: [Double]; let area: Double }
    struct Pred: Decodable, Sendable { let keypoints: [Double] }
    let name: String
    let sigmas: [Double]
    let gold: [Gold]
    let predicted: [Pred]
    /// oks[gold][prediction]
    let oks: [[Double]]
}

func keypoints(_ flat: [Double]) -> [Keypoint] {
    stride(from: 0, to: flat.count, by: 3).map { Keypoint(x: flat[$0], y: flat[$0 + 1], visibility: Int(flat[$0 + 2])) }
}

struct KeypointTests {
    @Test("OKS matches pycocotools COCOeval.computeOks", arguments: try Fixtures.cases("keypoints_oks.json", as: KeypointCase.self))
    func oksMatches(_ c: KeypointCase) throws {
        for (i, g) in c.gold.enumerated() {
            let gold = KeypointObject(
                keypoints: keypoints(g.keypoints), area: g.area,
                box: try Box(x: g.bbox[0], y: g.bbox[1], width: g.bbox[2], height: g.bbox[3]), label: "person")
            for (j, p) in c.predicted.enumerated() {
                expectClose(
                    try Keypoints.oks(gold: gold, predicted: keypoints(p.keypoints), sigmas: c.sigmas), c.oks[i][j], "oks[\(i)][\(j)]")
            }
        }
    }

    @Test("keypoint objects match through the generic matcher")
    func keypointMatching() throws {
        let sigmas = [0.1, 0.1]
        let g = KeypointObject(
            keypoints: [Keypoint(x: 0, y: 0, visibility: 2), Keypoint(x: 10, y: 0, visibility: 2)],
            area: 100, box: try Box(x: 0, y: 0, width: 10, height: 10), label: "person")
        let near: [Keypoint] = [Keypoint(x: 0.5, y: 0, visibility: 1), Keypoint(x: 10, y: 0.5, visibility: 1)]
        let far: [Keypoint] = [Keypoint(x: 50, y: 50, visibility: 1), Keypoint(x: 60, y: 50, visibility: 1)]
        let r = try Keypoints.match(gold: [g], predicted: [(far, "person"), (near, "person")], sigmas: sigmas, threshold: 0.5)
        guard case let .matched(partner, _) = r.gold[0] else { Issue.record("not matched: \(r.gold)"); return }
        #expect(partner == 1)
        #expect(r.predicted[0] == .extra)
    }

    @Test("mismatched keypoint counts, bad sigmas and NaN throw")
    func badInput() throws {
        let g = KeypointObject(
            keypoints: [Keypoint(x: 0, y: 0, visibility: 2)], area: 1, box: try Box(x: 0, y: 0, width: 1, height: 1), label: 0)
        #expect(throws: MetricsError.self) { try Keypoints.oks(gold: g, predicted: [], sigmas: [0.1]) }
        #expect(throws: MetricsError.self) { try Keypoints.oks(gold: g, predicted: [Keypoint(x: 0, y: 0, visibility: 1)], sigmas: [0]) }
        #expect(throws: MetricsError.self) {
            try Keypoints.oks(gold: g, predicted: [Keypoint(x: .nan, y: 0, visibility: 1)], sigmas: [0.1])
        }
        #expect(Keypoints.cocoPersonSigmas.count == 17)
    }
}
