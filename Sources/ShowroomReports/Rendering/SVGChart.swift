import Foundation

/// Bar charts drawn as inline SVG: readable without a network or a chart library, crisp at any size.
enum SVGChart {
    /// One bar: its label, its stacked parts (one per series), and the text shown at its end.
    struct Bar {
        var label: String
        var parts: [Double]
        var valueText: String
        var total: Double { parts.reduce(0, +) }
    }

    /// A colour swatch legend for the series.
    static func legend(_ series: [(name: String, color: String)]) -> String {
        "<div class=\"legend\">" + series.map { "<span><i style=\"background:\($0.color)\"></i>\(HTML.escape($0.name))</span>" }.joined() + "</div>"
    }

    /// Horizontal bars, one row each, longest scaled to the full width.
    static func horizontal(_ bars: [Bar], colors: [String], labelWidth: Double = 150) -> String {
        guard !bars.isEmpty else { return "<p class=\"empty\">Nothing to chart in this period.</p>" }
        let width = 560.0, row = 24.0, valueWidth = 96.0
        let height = Double(bars.count) * row + 4
        let largest = max(bars.map(\.total).max() ?? 0, 1e-9)
        let span = width - labelWidth - valueWidth
        var svg = "<svg class=\"bars\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * row + 2
            svg += "<text x=\"\(fmt(labelWidth - 8))\" y=\"\(fmt(y + row / 2 + 4))\" text-anchor=\"end\">\(HTML.escape(clip(bar.label, 22)))</text>"
            svg += "<rect x=\"\(fmt(labelWidth))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(span))\" height=\"\(fmt(row - 6))\" rx=\"3\" fill=\"#f3f4f6\"/>"
            var x = labelWidth
            for (part, value) in bar.parts.enumerated() where value > 0 {
                let length = value / largest * span
                svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(max(length, 1)))\" height=\"\(fmt(row - 6))\" rx=\"3\" fill=\"\(colors[part % colors.count])\">"
                    + "<title>\(HTML.escape(bar.label)): \(HTML.escape(bar.valueText))</title></rect>"
                x += length
            }
            svg += "<text x=\"\(fmt(x + 6))\" y=\"\(fmt(y + row / 2 + 4))\" class=\"muted\">\(HTML.escape(bar.valueText))</text>"
        }
        return svg + "</svg>"
    }

    /// Vertical bars over a sequence (days, hours), stacked per series, with a few grid lines and spaced labels.
    static func columns(_ bars: [Bar], colors: [String], height: Double = 220, labelEvery: Int? = nil) -> String {
        guard !bars.isEmpty else { return "<p class=\"empty\">Nothing to chart in this period.</p>" }
        let width = 1280.0, left = 44.0, bottom = 26.0, top = 10.0
        let plot = height - bottom - top
        let largest = niceCeiling(bars.map(\.total).max() ?? 0)
        let slot = (width - left - 6) / Double(bars.count)
        let gap = min(slot * 0.25, 6)
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        for tick in 0...4 {
            let value = largest * Double(tick) / 4
            let y = top + plot - plot * Double(tick) / 4
            svg += "<line x1=\"\(fmt(left))\" x2=\"\(fmt(width))\" y1=\"\(fmt(y))\" y2=\"\(fmt(y))\" stroke=\"#e5e7eb\"/>"
            svg += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(y + 4))\" text-anchor=\"end\" class=\"muted\">\(Figures.count(Int(value.rounded())))</text>"
        }
        let every = labelEvery ?? max(1, Int((Double(bars.count) / 12).rounded(.up)))
        for (index, bar) in bars.enumerated() {
            let x = left + Double(index) * slot + gap / 2
            var y = top + plot
            for (part, value) in bar.parts.enumerated() where value > 0 {
                let length = value / largest * plot
                y -= length
                svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(slot - gap))\" height=\"\(fmt(length))\" fill=\"\(colors[part % colors.count])\">"
                    + "<title>\(HTML.escape(bar.label)): \(HTML.escape(bar.valueText))</title></rect>"
            }
            if index % every == 0 {
                svg += "<text x=\"\(fmt(x + (slot - gap) / 2))\" y=\"\(fmt(height - 8))\" text-anchor=\"middle\" class=\"muted\">\(HTML.escape(bar.label))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// 1, 2, 5 × a power of ten, at least `value` (and at least 1), so grid lines fall on round numbers.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 1 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for step in [1.0, 2, 4, 5, 10] where step * power >= value { return step * power }
        return 10 * power
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    static func clip(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }
}
