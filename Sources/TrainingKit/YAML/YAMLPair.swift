/// One key and value of a YAML mapping.
struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode

    init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
