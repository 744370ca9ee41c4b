internal import Foundation

/// A small SVG writer for the generated scenes: fills only, never strokes, so every shape
/// ends exactly where its coordinates say and the gold geometry is the drawn geometry.
struct SVGDrawing {
    let width: Double
    let height: Double
    private(set) var elements: [String] = []

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        elements.append("<title>\(Self.escape(title))</title>")
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
        elements.append(
            "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"\(fill)\"/>")
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String) {
        elements.append("<circle cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\" fill=\"\(fill)\"/>")
    }

    mutating func polygon(_ points: [(x: Double, y: Double)], fill: String) {
        let list = points.map { "\(Self.n($0.x)),\(Self.n($0.y))" }.joined(separator: " ")
        elements.append("<polygon points=\"\(list)\" fill=\"\(fill)\"/>")
    }

    /// A limb of a figure: a line with round caps, which reaches past its end points by
    /// half its width (so keypoint gold, at the end points, sits at the joint's centre).
    mutating func limb(from a: (x: Double, y: Double), to b: (x: Double, y: Double), width: Double, colour: String) {
        elements.append(
            "<line x1=\"\(Self.n(a.x))\" y1=\"\(Self.n(a.y))\" x2=\"\(Self.n(b.x))\" y2=\"\(Self.n(b.y))\" stroke=\"\(colour)\" stroke-width=\"\(Self.n(width))\" stroke-linecap=\"round\"/>"
        )
    }

    var text: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\">\n"
            + elements.joined(separator: "\n") + "\n</svg>\n"
    }

    /// A number as SVG writes it: shortest exact decimal, no exponent for our ranges.
    static func n(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.4f", value)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
