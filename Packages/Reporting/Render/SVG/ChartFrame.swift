/// The plot area of a chart inside its canvas (margins for axes and labels) and its y axis.
struct ChartFrame {
    var width = 640.0
    var height = 300.0
    var left = 56.0
    var right = 16.0
    var top = 28.0
    var bottom = 48.0

    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }
    var plotWidth: Double { plotRight - plotLeft }

    /// A canvas with the title and a y axis from 0 to `maximum` with 5 grid lines labelled by `format`.
    func canvas(title: String, maximum: Double, format: (Double) -> String) -> (SVGCanvas, LinearScale) {
        var canvas = SVGCanvas(width: width, height: height)
        canvas.label(title, x: width / 2, y: 16, size: 13)
        let y = LinearScale(domain: 0...maximum, from: plotBottom, to: plotTop)
        canvas.open(["class": "axis"])
        for tick in 0...5 {
            let value = maximum * Double(tick) / 5
            canvas.element(
                "line",
                ["x1": SVGCanvas.number(plotLeft), "x2": SVGCanvas.number(plotRight), "y1": SVGCanvas.number(y(value)),
                 "y2": SVGCanvas.number(y(value)), "stroke": "#ddd"])
            canvas.label(format(value), x: plotLeft - 6, y: y(value) + 4, anchor: "end", size: 10)
        }
        canvas.close()
        return (canvas, y)
    }

    /// x of the center of slot `index` of `count` equal slots.
    func slotCenter(_ index: Int, of count: Int) -> Double {
        plotLeft + plotWidth * (Double(index) + 0.5) / Double(max(count, 1))
    }
}
