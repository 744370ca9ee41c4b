/// Street scenes for bounding boxes: a road under a sky with one to four cars and people.
/// Each object is drawn inside a box chosen first, touching all four of its edges (a car's
/// body spans its width, its roof reaches the top and its wheels the bottom; a person's head
/// and body span the width, the head reaches the top and the feet the bottom), and objects
/// never overlap, so the chosen boxes are exactly the tightest boxes.
enum StreetSceneGenerator {
    static let width = 640.0, height = 400.0
    static let labels = ["car", "person"]
    private static let carColours = ["#c0392b", "#2e86c1", "#f1c40f", "#7d3c98", "#16a085"]
    private static let clothes = ["#e67e22", "#27ae60", "#8e44ad", "#34495e", "#d35400"]

    static func item(id: String, random: inout SeededGenerator) -> GeneratedItem {
        var drawing = SVGDrawing(width: width, height: height, title: "A street with cars and people")
        drawing.rect(x: 0, y: 0, width: width, height: 200, fill: "#dff3fb")
        drawing.rect(x: 0, y: 200, width: width, height: 200, fill: "#9aa3a8")
        drawing.rect(x: 0, y: 296, width: width, height: 8, fill: "#f4f4f4")
        var placed: [(label: String, x: Double, y: Double, w: Double, h: Double)] = []
        let wanted = random.int(1...4)
        var tries = 0
        while placed.count < wanted && tries < 200 {
            tries += 1
            let isCar = random.chance(0.55)
            let (w, h) = isCar ? size(car: &random) : size(person: &random)
            let x = Double(random.int(4...Int(width - w) - 4)), y = Double(random.int(150...Int(height - h) - 4))
            let gap = 6.0
            let clear = placed.allSatisfy { other in
                x + w + gap <= other.x || other.x + other.w + gap <= x || y + h + gap <= other.y || other.y + other.h + gap <= y
            }
            if clear { placed.append((isCar ? "car" : "person", x, y, w, h)) }
        }
        for object in placed {
            if object.label == "car" {
                drawCar(&drawing, x: object.x, y: object.y, w: object.w, h: object.h, colour: random.pick(carColours))
            } else {
                drawPerson(&drawing, x: object.x, y: object.y, w: object.w, h: object.h, colour: random.pick(clothes))
            }
        }
        let answer = placed.map { object -> JSONValue in
            .object([
                "label": .string(object.label), "x": .number(object.x), "y": .number(object.y), "width": .number(object.w),
                "height": .number(object.h),
            ])
        }
        let cars = placed.filter { $0.label == "car" }.count, people = placed.count - cars
        let image = "\(id).svg"
        return GeneratedItem(
            entry: [
                "id": .string(id), "kind": .string("boxes"),
                "prompt": .string("Draw a tight box around every **car** and every **person**."),
                "image": .string(image), "size": .numbers([width, height]), "labels": .strings(labels), "iou": .number(0.7),
                "answer": .array(answer),
                "reason": .string(
                    "The scene has \(count(cars, "car")) and \(count(people, "person")), drawn from these boxes: each box's edges touch the object's outermost pixels (roof, wheels, head and feet), with nothing around it."
                ),
                "concepts": .strings(["tight-boxes", "one-box-per-object"]),
            ],
            media: [GeneratedMedia(name: image, content: .svg(drawing.text))])
    }

    /// "1 car", "no people".
    static func count(_ n: Int, _ noun: String) -> String {
        let plural = noun == "person" ? "people" : noun + "s"
        return n == 0 ? "no \(plural)" : n == 1 ? "1 \(noun)" : "\(n) \(plural)"
    }

    /// Cars are wider than tall; even sizes keep the wheels' arithmetic exact.
    private static func size(car random: inout SeededGenerator) -> (Double, Double) {
        let h = Double(random.int(20...40) * 2)
        return (Double(Int(h * (1.9 + random.fraction() * 0.6) / 2) * 2), h)
    }

    private static func size(person random: inout SeededGenerator) -> (Double, Double) {
        let w = Double(random.int(9...16) * 2)
        return (w, Double(Int(w * (2.8 + random.fraction() * 0.6))))
    }

    /// Body from 35% to 80% of the height over the full width, a cabin on top reaching the
    /// top edge, and wheels whose lowest points touch the bottom edge.
    private static func drawCar(_ d: inout SVGDrawing, x: Double, y: Double, w: Double, h: Double, colour: String) {
        let r = h * 0.2
        d.rect(x: x + w * 0.2, y: y, width: w * 0.55, height: h * 0.4, fill: colour)
        d.rect(x: x + w * 0.27, y: y + h * 0.08, width: w * 0.18, height: h * 0.24, fill: "#d6eaf8")
        d.rect(x: x, y: y + h * 0.35, width: w, height: h * 0.45, fill: colour)
        d.circle(cx: x + w * 0.25, cy: y + h - r, r: r, fill: "#1c1c1c")
        d.circle(cx: x + w * 0.75, cy: y + h - r, r: r, fill: "#1c1c1c")
    }

    /// A round head as wide as the box at the top, a body as wide below it, and two legs to
    /// the bottom edge.
    private static func drawPerson(_ d: inout SVGDrawing, x: Double, y: Double, w: Double, h: Double, colour: String) {
        let r = w / 2
        d.circle(cx: x + r, cy: y + r, r: r, fill: "#f0c8a0")
        d.rect(x: x, y: y + 2 * r, width: w, height: h * 0.62 - 2 * r, fill: colour)
        d.rect(x: x + w * 0.1, y: y + h * 0.62, width: w * 0.35, height: h * 0.38, fill: "#2c3e50")
        d.rect(x: x + w * 0.55, y: y + h * 0.62, width: w * 0.35, height: h * 0.38, fill: "#2c3e50")
    }
}
