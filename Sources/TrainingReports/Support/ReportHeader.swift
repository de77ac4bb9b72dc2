import Foundation

/// What a report is, when it was made and with which filters.
public struct ReportHeader: Hashable, Sendable {
    /// `completions`, `attempts`, `due`, `items`, `transcript` or `learners`.
    public var kind: String
    public var title: String
    /// The site's name from site.yaml, if known.
    public var siteName: String?
    public var generatedAt: Date
    /// The filters in effect as snake_case key and value, in a fixed order.
    public var filters: [(key: String, value: String)]

    public init(kind: String, title: String, siteName: String?, generatedAt: Date, filters: [(key: String, value: String)]) {
        self.kind = kind
        self.title = title
        self.siteName = siteName
        self.generatedAt = generatedAt
        self.filters = filters
    }

    public static func == (lhs: ReportHeader, rhs: ReportHeader) -> Bool {
        lhs.kind == rhs.kind && lhs.title == rhs.title && lhs.siteName == rhs.siteName
            && lhs.generatedAt == rhs.generatedAt && lhs.filters.map(\.key) == rhs.filters.map(\.key)
            && lhs.filters.map(\.value) == rhs.filters.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(generatedAt)
    }
}
