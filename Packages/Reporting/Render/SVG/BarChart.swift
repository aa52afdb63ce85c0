/// Vertical bars, one per labelled value; each bar is a `rect` with `data-series` = its label.
public struct BarChart: Sendable {
    public var title: String
    public var bars: [(label: String, value: Double)]
    /// The axis maximum; `nil` picks a round number above the largest value.
    public var maximum: Double?
    /// How values are printed.
    public var format: @Sendable (Double) -> String

    /// Creates a chart.
    public init(
        title: String, bars: [(label: String, value: Double)], maximum: Double? = nil,
        format: @escaping @Sendable (Double) -> String = { SVGCanvas.number($0) }
    ) {
        self.title = title
        self.bars = bars
        self.maximum = maximum
        self.format = format
    }

    /// A chart of rates 0…1 printed as percentages.
    public static func percentages(title: String, bars: [(label: String, value: Double)]) -> BarChart {
        BarChart(title: title, bars: bars, maximum: 1) { SVGCanvas.number($0 * 100) + "%" }
    }

    /// The SVG document.
    public func svg() -> String {
        let frame = ChartFrame(width: max(640, 56 + 16 + Double(bars.count) * 44))
        let top = maximum ?? LinearScale.niceCeiling(bars.map(\.value).max() ?? 0)
        var (canvas, y) = frame.canvas(title: title, maximum: top, format: format)
        let width = frame.plotWidth / Double(max(bars.count, 1)) * 0.6
        let n = SVGCanvas.number
        for (index, bar) in bars.enumerated() {
            let x = frame.slotCenter(index, of: bars.count)
            canvas.element(
                "rect",
                ["class": "bar", "data-series": bar.label, "data-value": n(bar.value), "x": n(x - width / 2),
                 "y": n(y(bar.value)), "width": n(width), "height": n(max(0, frame.plotBottom - y(bar.value))),
                 "fill": "#31a354"])
            canvas.label(format(bar.value), x: x, y: y(bar.value) - 3, size: 9)
            canvas.element(
                "text",
                ["x": n(x), "y": n(frame.plotBottom + 14), "text-anchor": "end", "font-size": "10",
                 "transform": "rotate(-35 \(n(x)) \(n(frame.plotBottom + 14)))"], text: bar.label)
        }
        return canvas.document(title: title)
    }
}
