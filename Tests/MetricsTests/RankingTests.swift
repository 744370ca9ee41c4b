import GroundworkMetrics
import Testing

struct CorrelationCase: NamedCase {
    let name: String
    let gold: [Double], predicted: [Double]
    let kendall_tau_b: Num, spearman_rho: Num
    let pairwise_agreement: Double?
}

struct NDCGCase: NamedCase {
    let name: String
    let relevance: [Double], scores: [Double]
    let k: Int?
    let ndcg: Double
}

struct RankingTests {
    @Test(
        "Kendall tau-b, Spearman rho match scipy; pairwise agreement matches its numpy definition",
        arguments: try Fixtures.cases("rank_correlation.json", as: CorrelationCase.self))
    func correlations(_ c: CorrelationCase) throws {
        expectClose(try Ranking.kendallTauB(c.gold, c.predicted), c.kendall_tau_b.value, "kendall")
        expectClose(try Ranking.spearmanRho(c.gold, c.predicted), c.spearman_rho.value, "spearman")
        let p = try Ranking.pairwiseAgreement(gold: c.gold, answer: c.predicted)
        if let want = c.pairwise_agreement {
            expectClose(p ?? .nan, want, "pairwise agreement")
        } else {
            #expect(p == nil)
        }
    }

    @Test("NDCG@k matches sklearn ndcg_score with tie averaging", arguments: try Fixtures.cases("ndcg.json", as: NDCGCase.self))
    func ndcg(_ c: NDCGCase) throws {
        expectClose(try Ranking.ndcg(relevance: c.relevance, scores: c.scores, k: c.k), c.ndcg, "ndcg")
    }

    @Test("ranking functions reject bad input")
    func badInput() {
        #expect(throws: MetricsError.self) { try Ranking.kendallTauB([1, 2], [1]) }
        #expect(throws: MetricsError.self) { try Ranking.spearmanRho([1, .nan], [1, 2]) }
        #expect(throws: MetricsError.self) { try Ranking.ndcg(relevance: [1], scores: [1]) }
        #expect(throws: MetricsError.self) { try Ranking.ndcg(relevance: [-1, 2], scores: [1, 2]) }
        #expect(throws: MetricsError.self) { try Ranking.ndcg(relevance: [1, 2], scores: [1, 2], k: 0) }
        #expect(throws: MetricsError.self) { try Ranking.pairwiseAgreement(gold: [1, 2], answer: [1, .infinity]) }
    }
}
