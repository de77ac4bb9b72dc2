/// A horizontal bar chart of ratios (0–1), drawn as inline SVG in HTML reports.
public struct BarChart: Hashable, Sendable {
    public struct Bar: Hashable, Sendable {
        public var label: String
        /// 0–1, or nil when there is nothing to measure.
        public var ratio: Double?
        /// A short note after the figure, such as `12 of 15`.
        public var detail: String

        public init(label: String, ratio: Double?, detail: String) {
            self.label = label
            self.ratio = ratio
            self.detail = detail
        }
    }

    public var title: String
    public var bars: [Bar]

    public init(title: String, bars: [Bar]) {
        self.title = title
        self.bars = bars
    }
}
