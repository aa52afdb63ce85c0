import Domain
/// A box plot per labelled sample: whiskers from min to max, the box from the 25th to the 75th percentile,
/// a line at the median. Each box is a group with `data-series` = its label.
public struct BoxPlotChart: Sendable {
    public var title: String
    public var boxes: [(label: String, distribution: Distribution)]
    /// Unit shown on the axis, e.g. `h`.
    public var unit: String

    /// Creates a chart.
    public init(title: String, boxes: [(label: String, distribution: Distribution)], unit: String) {
        self.title = title
        self.boxes = boxes
        self.unit = unit
    }

    /// The SVG document.
    public func svg() -> String {
        let frame = ChartFrame(width: max(640, 56 + 16 + Double(boxes.count) * 44))
        let maximum = LinearScale.niceCeiling(boxes.map(\.distribution.max).max() ?? 0)
        var (canvas, y) = frame.canvas(title: title, maximum: maximum) { SVGCanvas.number($0) + unit }
        let half = min(14, frame.plotWidth / Double(max(boxes.count, 1)) / 3)
        for (index, box) in boxes.enumerated() {
            let x = frame.slotCenter(index, of: boxes.count)
            let d = box.distribution
            canvas.open(["class": "box", "data-series": box.label, "data-median": SVGCanvas.number(d.median)])
            let n = SVGCanvas.number
            canvas.element("line", ["x1": n(x), "x2": n(x), "y1": n(y(d.min)), "y2": n(y(d.max)), "stroke": "#555"])
            canvas.element(
                "rect",
                ["x": n(x - half), "y": n(y(d.q3)), "width": n(2 * half), "height": n(max(0, y(d.q1) - y(d.q3))),
                 "fill": "#9ecae1", "stroke": "#3182bd"])
            canvas.element(
                "line", ["x1": n(x - half), "x2": n(x + half), "y1": n(y(d.median)), "y2": n(y(d.median)), "stroke": "#08306b",
                         "stroke-width": "2"])
            canvas.element("title", [:], text: "\(box.label): median \(n(d.median))\(unit), n=\(d.count)")
            canvas.close()
            canvas.element(
                "text",
                ["x": n(x), "y": n(frame.plotBottom + 14), "text-anchor": "end", "font-size": "10",
                 "transform": "rotate(-35 \(n(x)) \(n(frame.plotBottom + 14)))"], text: box.label)
        }
        return canvas.document(title: title)
    }
}
