/// Lines over labelled x positions, one `polyline` per series with `data-series` = its name; a missing value
/// breaks nothing, the point is left out.
public struct LineChart: Sendable {
    public var title: String
    public var xLabels: [String]
    public var series: [(name: String, values: [Double?])]
    public var format: @Sendable (Double) -> String

    static let colors = ["#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363", "#d6616b"]

    /// Creates a chart; every series has one value per x label.
    public init(
        title: String, xLabels: [String], series: [(name: String, values: [Double?])],
        format: @escaping @Sendable (Double) -> String = { SVGCanvas.number($0) }
    ) {
        self.title = title
        self.xLabels = xLabels
        self.series = series
        self.format = format
    }

    /// The SVG document.
    public func svg() -> String {
        let frame = ChartFrame()
        let largest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        var (canvas, y) = frame.canvas(title: title, maximum: LinearScale.niceCeiling(largest), format: format)
        let n = SVGCanvas.number
        for (index, line) in series.enumerated() {
            let points = line.values.enumerated().compactMap { position, value in
                value.map { "\(n(frame.slotCenter(position, of: xLabels.count))),\(n(y($0)))" }
            }
            canvas.element(
                "polyline",
                ["class": "line", "data-series": line.name, "points": points.joined(separator: " "), "fill": "none",
                 "stroke": Self.colors[index % Self.colors.count], "stroke-width": "2"])
            canvas.label(line.name, x: frame.plotRight - 4, y: frame.plotTop + 12 + Double(index) * 12, anchor: "end", size: 10)
        }
        let every = max(1, xLabels.count / 8)
        for (position, label) in xLabels.enumerated() where position % every == 0 {
            canvas.label(label, x: frame.slotCenter(position, of: xLabels.count), y: frame.plotBottom + 14, size: 10)
        }
        return canvas.document(title: title)
    }
}
