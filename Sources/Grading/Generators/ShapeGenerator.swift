internal import Foundation

/// Aerial-style scenes for polygons: two or three of a red triangular roof, a brown
/// building (a rectangle or an L) and a blue lake (a star-shaped outline of 10 to 14
/// vertices), each in its own third of the image so none overlaps another. Every shape is
/// drawn as the very polygon the gold holds, on whole pixels, so the gold outline is exact.
enum ShapeGenerator {
    static let width = 640.0, height = 400.0
    static let labels = ["building", "lake", "roof"]

    static func item(id: String, random: inout SeededGenerator) -> GeneratedItem {
        var drawing = SVGDrawing(width: width, height: height, title: "Shapes seen from above")
        drawing.rect(x: 0, y: 0, width: width, height: height, fill: "#e8f0d8")
        let slots = random.sample([0, 1, 2], count: random.int(2...3)).sorted()
        var objects: [(label: String, points: [(x: Double, y: Double)])] = []
        for slot in slots {
            let left = Double(slot) * 213 + 12, right = Double(slot + 1) * 213 - 12
            let label = random.pick(labels)
            let points: [(x: Double, y: Double)]
            switch label {
            case "roof": points = roof(left: left, right: right, random: &random)
            case "building": points = building(left: left, right: right, random: &random)
            default: points = lake(left: left, right: right, random: &random)
            }
            drawing.polygon(points, fill: label == "roof" ? "#c0392b" : label == "building" ? "#8d6e63" : "#3498db")
            objects.append((label, points))
        }
        let answer = objects.map { object -> JSONValue in
            .object(["label": .string(object.label), "points": .array(object.points.map { .numbers([$0.x, $0.y]) })])
        }
        let image = "\(id).svg"
        let corners = objects.map { "the \($0.label) has \($0.points.count)" }
        return GeneratedItem(
            entry: [
                "id": .string(id), "kind": .string("polygons"),
                "prompt": .string("Outline every **building**, **lake** and **roof** with a polygon."),
                "image": .string(image), "size": .numbers([width, height]), "labels": .strings(labels), "iou": .number(0.85),
                "answer": .array(answer),
                "reason": .string(
                    "Each shape was drawn from these vertices (\(corners.joined(separator: ", "))): a vertex on every corner traces it exactly, and straight edges need no extra points."
                ),
                "concepts": .strings(["vertices-on-boundary"]),
            ],
            media: [GeneratedMedia(name: image, content: .svg(drawing.text))])
    }

    private static func roof(left: Double, right: Double, random: inout SeededGenerator) -> [(x: Double, y: Double)] {
        let x1 = Double(random.int(Int(left)...Int(left) + 40)), x2 = Double(random.int(Int(right) - 40...Int(right)))
        let base = Double(random.int(180...360)), apex = base - Double(random.int(50...140))
        let middle = Double(random.int(Int(x1) + 20...Int(x2) - 20))
        return [(x1, base), (middle, apex), (x2, base)]
    }

    /// A rectangle, or an L with its inner corner, corners clockwise from the bottom left.
    private static func building(left: Double, right: Double, random: inout SeededGenerator) -> [(x: Double, y: Double)] {
        let x1 = Double(random.int(Int(left)...Int(left) + 30)), x2 = Double(random.int(Int(right) - 30...Int(right)))
        let y1 = Double(random.int(30...140)), y2 = Double(random.int(260...380))
        guard random.chance(0.6) else { return [(x1, y2), (x1, y1), (x2, y1), (x2, y2)] }
        let innerX = Double(random.int(Int(x1) + 30...Int(x2) - 30)), innerY = Double(random.int(Int(y1) + 30...Int(y2) - 30))
        return [(x1, y2), (x1, y1), (innerX, y1), (innerX, innerY), (x2, innerY), (x2, y2)]
    }

    /// Vertices at increasing angles round a centre, at radii that vary: a polygon that is
    /// star-shaped about its centre, and so never crosses itself.
    private static func lake(left: Double, right: Double, random: inout SeededGenerator) -> [(x: Double, y: Double)] {
        let cx = (left + right) / 2, cy = Double(random.int(150...250))
        let count = random.int(10...14)
        let rx = (right - left) / 2 - 4, ry = Double(random.int(70...110))
        return (0..<count).map { index in
            let angle = 2 * Double.pi * Double(index) / Double(count)
            let scale = 0.65 + random.fraction() * 0.35
            return ((cx + rx * scale * cos(angle)).rounded(), (cy + ry * scale * sin(angle)).rounded())
        }
    }
}
