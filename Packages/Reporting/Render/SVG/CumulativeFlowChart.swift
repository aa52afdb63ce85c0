import Foundation

/// The cumulative flow diagram as stacked areas, one `path` per ``FlowBand`` with `data-series` = the band,
/// `done` at the bottom.
public struct CumulativeFlowChart: Sendable {
    public var title: String
    public var flow: CumulativeFlow
    /// Labels of the points (days).
    public var xLabels: [String]

    static let colors: [FlowBand: String] = [
        .intake: "#fdd0a2", .build: "#9ecae1", .approvals: "#bcbddc", .launch: "#a1d99b", .done: "#74c476",
    ]

    /// Creates a chart.
    public init(title: String, flow: CumulativeFlow, xLabels: [String]) {
        self.title = title
        self.flow = flow
        self.xLabels = xLabels
    }

    /// The SVG document.
    public func svg() -> String {
        let frame = ChartFrame()
        let totals = flow.points.map { $0.counts.reduce(0, +) }
        var (canvas, y) = frame.canvas(title: title, maximum: LinearScale.niceCeiling(Double(totals.max() ?? 0))) {
            SVGCanvas.number($0)
        }
        let n = SVGCanvas.number
        let count = flow.points.count
        let x = { (index: Int) in frame.slotCenter(index, of: count) }
        var below = Array(repeating: 0, count: count)
        for (bandIndex, band) in flow.bands.enumerated().reversed() {
            let above = flow.points.indices.map { below[$0] + flow.points[$0].counts[bandIndex] }
            let upper = flow.points.indices.map { "\(n(x($0))),\(n(y(Double(above[$0]))))" }
            let lower = flow.points.indices.reversed().map { "\(n(x($0))),\(n(y(Double(below[$0]))))" }
            let path = upper.isEmpty ? "" : "M" + (upper + lower).joined(separator: " L") + " Z"
            canvas.element(
                "path",
                ["class": "band", "data-series": band.rawValue, "data-last": "\(flow.points.last?.counts[bandIndex] ?? 0)",
                 "d": path, "fill": Self.colors[band] ?? "#ccc", "stroke": "#fff"])
            below = above
        }
        for (index, band) in flow.bands.enumerated() {
            canvas.label(band.rawValue, x: frame.plotLeft + 8 + Double(index) * 80, y: frame.height - 6, anchor: "start", size: 10)
        }
        let every = max(1, xLabels.count / 7)
        for (position, label) in xLabels.enumerated() where position % every == 0 {
            canvas.label(label, x: x(position), y: frame.plotBottom + 14, size: 10)
        }
        return canvas.document(title: title)
    }
}
