/// People for body keypoints: one or two stick figures facing the viewer, in different
/// stances. The figure is drawn from its joints (limbs run joint to joint, each joint has a
/// dot at its centre, the eyes and nose are dots), so the gold points are where the joints
/// are. Facing the viewer, a person's left side is on the image's right: the lesson's trap.
enum PoseGenerator {
    static let width = 480.0, height = 360.0
    static let keypoints = [
        "nose", "left_eye", "right_eye", "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist",
        "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle",
    ]
    private static let shirts = ["#2e86c1", "#c0392b", "#27ae60", "#8e44ad"]

    static func item(id: String, random: inout SeededGenerator) -> GeneratedItem {
        var drawing = SVGDrawing(width: width, height: height, title: "People facing you")
        drawing.rect(x: 0, y: 0, width: width, height: height, fill: "#f5f0e6")
        let people = random.int(1...2)
        var answer: [JSONValue] = []
        for index in 0..<people {
            let figureHeight = Double(random.int(200...300))
            // A figure reaches 0.34 × its height either side of its centre line; two people
            // keep to their own half of the image.
            let reach = (0.35 * figureHeight).rounded(.up)
            let band = people == 1 ? (0.0, width) : index == 0 ? (0.0, width / 2) : (width / 2, width)
            let centre = Double(random.int(Int(band.0 + reach)...Int(band.1 - reach)))
            let top = Double(random.int(10...Int(height - figureHeight) - 10))
            let joints = skeleton(centre: centre, top: top, height: figureHeight, random: &random)
            draw(&drawing, joints, height: figureHeight, shirt: random.pick(shirts))
            answer.append(
                .object([
                    "label": .string("person"),
                    "points": .object(Dictionary(uniqueKeysWithValues: joints.map { ($0.key, .numbers([$0.value.x, $0.value.y])) })),
                ]))
        }
        let image = "\(id).svg"
        return GeneratedItem(
            entry: [
                "id": .string(id), "kind": .string("keypoints"),
                "prompt": .string("Place the listed keypoints on \(people == 1 ? "the person" : "**both** people"). They face you."),
                "image": .string(image), "size": .numbers([width, height]), "labels": .strings(["person"]),
                "keypoints": .strings(keypoints), "oks": .number(0.75), "answer": .array(answer),
                "reason": .string(
                    "The figures were drawn from these joints: each dot is a joint's centre. Facing you, a person's left side is on the image's right, so every left_ point goes on the limb to your right."
                ),
                "concepts": .strings(["left-right", "joint-centres"]),
            ],
            media: [GeneratedMedia(name: image, content: .svg(drawing.text))])
    }

    /// Joint positions from the figure's centre line, top and height, with arms and legs
    /// at drawn angles; rounded to tenths of a pixel, as drawn.
    static func skeleton(centre c: Double, top t: Double, height h: Double, random: inout SeededGenerator) -> [String: (
        x: Double, y: Double
    )] {
        func r(_ v: Double) -> Double { (v * 10).rounded() / 10 }
        func spread(_ range: ClosedRange<Double>) -> Double { range.lowerBound + random.fraction() * (range.upperBound - range.lowerBound) }
        var joints: [String: (x: Double, y: Double)] = [:]
        joints["nose"] = (r(c), r(t + 0.13 * h))
        joints["left_eye"] = (r(c + 0.035 * h), r(t + 0.095 * h))
        joints["right_eye"] = (r(c - 0.035 * h), r(t + 0.095 * h))
        for (side, sign) in [("left", 1.0), ("right", -1.0)] {
            let shoulder = (x: c + sign * 0.12 * h, y: t + 0.24 * h)
            let elbow = (x: shoulder.x + sign * spread(0.02...0.12) * h, y: shoulder.y + spread(0.1...0.17) * h)
            let wrist = (x: elbow.x + sign * spread(-0.04...0.1) * h, y: elbow.y + spread(-0.12...0.15) * h)
            let hip = (x: c + sign * 0.07 * h, y: t + 0.55 * h)
            let knee = (x: hip.x + sign * spread(0...0.06) * h, y: t + 0.76 * h)
            let ankle = (x: knee.x + sign * spread(-0.02...0.05) * h, y: t + 0.97 * h)
            for (name, point) in [
                ("shoulder", shoulder), ("elbow", elbow), ("wrist", wrist), ("hip", hip), ("knee", knee), ("ankle", ankle),
            ] {
                joints["\(side)_\(name)"] = (r(point.x), r(point.y))
            }
        }
        return joints
    }

    private static func draw(_ d: inout SVGDrawing, _ j: [String: (x: Double, y: Double)], height h: Double, shirt: String) {
        func p(_ name: String) -> (x: Double, y: Double) { j[name] ?? (0, 0) }
        let limb = max(4, h * 0.03)
        d.polygon([p("left_shoulder"), p("right_shoulder"), p("right_hip"), p("left_hip")], fill: shirt)
        for side in ["left", "right"] {
            d.limb(from: p("\(side)_shoulder"), to: p("\(side)_elbow"), width: limb, colour: shirt)
            d.limb(from: p("\(side)_elbow"), to: p("\(side)_wrist"), width: limb, colour: "#f0c8a0")
            d.limb(from: p("\(side)_hip"), to: p("\(side)_knee"), width: limb, colour: "#34495e")
            d.limb(from: p("\(side)_knee"), to: p("\(side)_ankle"), width: limb, colour: "#34495e")
        }
        d.circle(cx: p("nose").x, cy: p("nose").y - 0.03 * h, r: 0.1 * h, fill: "#f0c8a0")
        for name in keypoints {
            let dot = name.hasSuffix("eye") || name == "nose" ? "#1c1c1c" : "#7b241c"
            d.circle(cx: p(name).x, cy: p(name).y, r: max(2, h * 0.008), fill: dot)
        }
    }
}
