import Foundation
import Testing

@testable import Grading

/// The gold is the drawing: the shapes in each generated picture are read back from its SVG
/// and compared with the gold, for 1,000 items of each picture generator.
struct GeneratedGeometryTests {
    /// The numbers of each SVG element of `kind` (`rect`, `circle`, `polygon`), in order.
    static func elements(_ svg: String, _ kind: String) -> [[String: String]] {
        svg.split(separator: "\n").filter { $0.hasPrefix("<\(kind) ") }.map { line in
            var attributes: [String: String] = [:]
            // ` name="value"` pairs: every other piece between quotes ends in `name=`.
            let pieces = line.split(separator: "\"", omittingEmptySubsequences: false)
            for index in stride(from: 0, to: pieces.count - 1, by: 2) {
                let name = pieces[index].split(separator: " ").last.map { String($0.dropLast()) } ?? ""
                attributes[name] = String(pieces[index + 1])
            }
            return attributes
        }
    }

    /// 1,000 items of a picture generator, made as in ``GeneratedItemCheckTests``.
    static func made(_ generator: ItemGenerator) throws -> [GeneratedItem] {
        try GeneratedPractice.items((1...1_000).map { "f\($0).\(generator.rawValue)" }, seed: 20_261_203).map(\.item)
    }

    static func svg(_ item: GeneratedItem) throws -> String {
        guard case .svg(let text) = try #require(item.media.first).content else { throw CancellationError() }
        return text
    }

    static func number(_ entry: JSONValue?) -> Double {
        if case .number(let value) = entry { return value }
        return .nan
    }

    static func objects(_ item: GeneratedItem) -> [[String: JSONValue]] {
        guard case .array(let answer) = item.entry["answer"] else { return [] }
        return answer.compactMap { if case .object(let fields) = $0 { return fields } else { return nil } }
    }

    /// Every drawn part of a car or person lies inside exactly one gold box, and the parts
    /// inside each box reach all four of its edges: the gold boxes are the tightest boxes.
    @Test func streetSceneBoxesAreTheTightBoxesOfWhatIsDrawn() throws {
        let made = try Self.made(.streetScenes)
        for item in made {
            let text = try Self.svg(item)
            var extents: [(minX: Double, minY: Double, maxX: Double, maxY: Double)] = []
            for rect in Self.elements(text, "rect") {
                let x = Double(rect["x"] ?? "") ?? .nan, y = Double(rect["y"] ?? "") ?? .nan
                let w = Double(rect["width"] ?? "") ?? .nan, h = Double(rect["height"] ?? "") ?? .nan
                if w == StreetSceneGenerator.width { continue }  // sky, road and road marking
                extents.append((x, y, x + w, y + h))
            }
            for circle in Self.elements(text, "circle") {
                let cx = Double(circle["cx"] ?? "") ?? .nan, cy = Double(circle["cy"] ?? "") ?? .nan, r = Double(circle["r"] ?? "") ?? .nan
                extents.append((cx - r, cy - r, cx + r, cy + r))
            }
            let boxes = Self.objects(item).map { box in
                (x: Self.number(box["x"]), y: Self.number(box["y"]), w: Self.number(box["width"]), h: Self.number(box["height"]))
            }
            var union = boxes.map { _ in (minX: Double.infinity, minY: Double.infinity, maxX: -Double.infinity, maxY: -Double.infinity) }
            for part in extents {
                let inside = boxes.indices.filter { index in
                    let b = boxes[index]
                    return part.minX >= b.x - 1e-3 && part.minY >= b.y - 1e-3 && part.maxX <= b.x + b.w + 1e-3
                        && part.maxY <= b.y + b.h + 1e-3
                }
                #expect(inside.count == 1, "a drawn part of \(item.entry["id"].map { "\($0)" } ?? "") lies in \(inside.count) gold boxes")
                for index in inside {
                    union[index] = (
                        min(union[index].minX, part.minX), min(union[index].minY, part.minY), max(union[index].maxX, part.maxX),
                        max(union[index].maxY, part.maxY)
                    )
                }
            }
            for (box, drawn) in zip(boxes, union) {
                #expect(abs(drawn.minX - box.x) < 1e-3 && abs(drawn.minY - box.y) < 1e-3)
                #expect(abs(drawn.maxX - (box.x + box.w)) < 1e-3 && abs(drawn.maxY - (box.y + box.h)) < 1e-3)
            }
        }
    }

    /// Each drawn polygon, background aside, is a gold polygon vertex for vertex.
    @Test func shapePolygonsAreTheDrawnPolygons() throws {
        let made = try Self.made(.shapes)
        for item in made {
            let drawn = Self.elements(try Self.svg(item), "polygon").map { $0["points"] ?? "" }
            let gold = Self.objects(item).map { object -> String in
                guard case .array(let points) = object["points"] else { return "" }
                return points.map { point -> String in
                    guard case .array(let xy) = point else { return "" }
                    return xy.map { SVGDrawing.n(Self.number($0)) }.joined(separator: ",")
                }.joined(separator: " ")
            }
            #expect(drawn == gold)
        }
    }

    /// Every gold keypoint is the centre of a drawn joint dot, and left points lie to the
    /// image's right of their right partners (the figures face the viewer).
    @Test func poseKeypointsAreTheDrawnJointsMirroredForAFigureFacingYou() throws {
        let made = try Self.made(.poses)
        for item in made {
            let dots = Set(Self.elements(try Self.svg(item), "circle").map { "\($0["cx"] ?? ""),\($0["cy"] ?? "")" })
            for person in Self.objects(item) {
                guard case .object(let points) = person["points"] else { Issue.record("no points"); continue }
                #expect(points.count == PoseGenerator.keypoints.count)
                for (_, point) in points {
                    guard case .array(let xy) = point else { continue }
                    #expect(dots.contains("\(SVGDrawing.n(Self.number(xy[0]))),\(SVGDrawing.n(Self.number(xy[1])))"))
                }
                for joint in ["eye", "shoulder", "elbow", "hip", "knee"] {
                    guard case .array(let left) = points["left_\(joint)"], case .array(let right) = points["right_\(joint)"] else {
                        continue
                    }
                    #expect(Self.number(left[0]) > Self.number(right[0]))
                }
            }
        }
    }

    /// Each gold span covers exactly the filler the sentence was written with.
    @Test func sentenceSpansCoverTheirEntitiesWords() throws {
        var random = SeededGenerator(seed: 99)
        for _ in 0..<1_000 {
            let (text, spans) = EntitySentenceGenerator.sentence(random: &random)
            let task = SpanTask(text: text, labels: EntitySentenceGenerator.labels)
            for span in spans { #expect(task.slice(span.start, span.end) == span.text) }
        }
    }

    /// The clip is silent outside the gold segments, and sounds at both ends of each one.
    /// 20 clips are made: making 1,000 takes minutes in a debug build, and the gold of
    /// 1,000 is checked without sound in ``GeneratedItemCheckTests``.
    @Test func soundEventClipsSoundExactlyInsideTheirGoldSegments() throws {
        var random = SeededGenerator(seed: 5)
        let perTick = SoundEventGenerator.rate / SoundEventGenerator.ticksPerSecond
        for _ in 0..<20 {
            let scene = SoundEventGenerator.scene(random: &random)
            let samples = SoundEventGenerator.samples(scene)
            #expect(samples.count == scene.durationTicks * perTick)
            var inside = [Bool](repeating: false, count: samples.count)
            for event in scene.events {
                let first = event.startTick * perTick, last = event.endTick * perTick
                for n in first..<last { inside[n] = true }
                let edge = SoundEventGenerator.rate / 100
                #expect(samples[first..<(first + edge)].contains { $0 != 0 })
                #expect(samples[(last - edge)..<last].contains { $0 != 0 })
            }
            #expect(zip(samples, inside).allSatisfy { $0.1 || $0.0 == 0 })
        }
    }
}
