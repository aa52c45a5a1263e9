import HTMLFormat
/// Small charts drawn as inline SVG, so a report needs no script library and no network.
enum SVGChart {
    /// One bar of a chart.
    struct Bar {
        /// The category under (or beside) the bar.
        var label: String
        /// The bar's length in the chart's unit.
        var value: Double
        /// The text shown at the end of the bar; empty for none.
        var valueLabel: String
        /// The hover text.
        var title: String
        /// A CSS colour.
        var color: String
    }

    /// Horizontal bars, one per row, each labelled on the left and annotated on the right.
    static func horizontalBars(_ bars: [Bar], width: Int = 560, ariaLabel: String) -> String {
        let rowHeight = 26
        let labelWidth = 120
        let annotationWidth = 110
        let height = max(rowHeight * bars.count + 8, 40)
        let plotWidth = Double(width - labelWidth - annotationWidth)
        let maximum = max(bars.map(\.value).max() ?? 0, 1)
        var svg = svgOpen(width: width, height: height, ariaLabel: ariaLabel)
        for (index, bar) in bars.enumerated() {
            let y = 4 + index * rowHeight
            let length = bar.value <= 0 ? 0 : max(2, plotWidth * bar.value / maximum)
            svg += "<g><title>\(HTMLText.escape(bar.title))</title>"
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" class=\"axis\">\(HTMLText.escape(bar.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(format(length))\" height=\"\(rowHeight - 8)\" rx=\"3\" fill=\"\(bar.color)\"/>"
            svg += "<text x=\"\(format(Double(labelWidth) + length + 6))\" y=\"\(y + 17)\" class=\"value\">\(HTMLText.escape(bar.valueLabel))</text></g>"
        }
        return svg + "</svg>"
    }

    /// Vertical columns over a value axis from 0 to `maximum` (or the largest value), with grid lines.
    ///
    /// - Parameters:
    ///   - labelEvery: Show every n-th category label (1 shows all).
    ///   - axisFormat: Formats a grid line's value.
    static func columns(
        _ bars: [Bar],
        maximum fixedMaximum: Double? = nil,
        width: Int = 560,
        height: Int = 230,
        labelEvery: Int = 1,
        ariaLabel: String,
        axisFormat: (Double) -> String
    ) -> String {
        let left = 48.0
        let right = 8.0
        let top = 18.0
        let bottom = 30.0
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        let maximum = fixedMaximum ?? niceCeiling(bars.map(\.value).max() ?? 0)
        var svg = svgOpen(width: width, height: height, ariaLabel: ariaLabel)
        for step in 0...4 {
            let value = maximum * Double(step) / 4
            let y = top + plotHeight - plotHeight * Double(step) / 4
            svg += "<line x1=\"\(format(left))\" x2=\"\(format(left + plotWidth))\" y1=\"\(format(y))\" y2=\"\(format(y))\" class=\"grid\"/>"
            svg += "<text x=\"\(format(left - 6))\" y=\"\(format(y + 4))\" text-anchor=\"end\" class=\"axis\">\(HTMLText.escape(axisFormat(value)))</text>"
        }
        let band = plotWidth / Double(max(bars.count, 1))
        let barWidth = band * 0.72
        for (index, bar) in bars.enumerated() {
            let x = left + band * Double(index) + (band - barWidth) / 2
            let barHeight = maximum <= 0 ? 0 : plotHeight * min(bar.value, maximum) / maximum
            let y = top + plotHeight - barHeight
            svg += "<g><title>\(HTMLText.escape(bar.title))</title>"
            svg += "<rect x=\"\(format(x))\" y=\"\(format(top))\" width=\"\(format(barWidth))\" height=\"\(format(plotHeight))\" fill=\"transparent\"/>"
            if barHeight > 0 {
                svg += "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(barWidth))\" height=\"\(format(barHeight))\" rx=\"2\" fill=\"\(bar.color)\"/>"
            }
            if !bar.valueLabel.isEmpty {
                svg += "<text x=\"\(format(x + barWidth / 2))\" y=\"\(format(y - 4))\" text-anchor=\"middle\" class=\"value\">\(HTMLText.escape(bar.valueLabel))</text>"
            }
            if index % max(labelEvery, 1) == 0 {
                svg += "<text x=\"\(format(x + barWidth / 2))\" y=\"\(format(top + plotHeight + 18))\" text-anchor=\"middle\" class=\"axis\">\(HTMLText.escape(bar.label))</text>"
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `value` (1 for 0).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where power * factor >= value {
            return power * factor
        }
        return power * 10
    }

    private static func svgOpen(width: Int, height: Int, ariaLabel: String) -> String {
        "<svg viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" aria-label=\"\(HTMLText.escape(ariaLabel))\">"
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
