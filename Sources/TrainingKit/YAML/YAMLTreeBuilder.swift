internal import CYAML

/// Turns libyaml events into a `YAMLNode` tree with an explicit stack (no recursion).
struct YAMLTreeBuilder {
    private struct Frame {
        var isMapping: Bool
        var start: SourceLocation
        var isFlow: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var skipNextValue = false
        /// The keys seen so far, with where.
        var keys = FirstSeen()
    }

    let limits: YAMLLimits
    let source: SourceText
    let bag: DiagnosticBag
    private(set) var root: YAMLNode?
    private var stack: [Frame] = []
    private var documents = 0

    init(limits: YAMLLimits, source: SourceText, bag: DiagnosticBag) {
        self.limits = limits
        self.source = source
        self.bag = bag
    }

    /// Handles one event; returns false when reading must stop.
    mutating func handle(_ event: inout yaml_event_t) -> Bool {
        let start = SourceLocation(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        let end = SourceLocation(line: event.end_mark.line + 1, column: event.end_mark.column + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                bag.error(
                    "a module file holds one YAML document; a second one starts here", at: start,
                    hint: "remove the '---' line or move the second document to its own file")
                return false
            }
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            bag.error(
                "aliases (*\(name)) are not supported", at: start, length: name.count + 1,
                hint: "write the value out in full; modules do not use anchors or aliases")
            return false
        case YAML_SCALAR_EVENT:
            guard accept(anchor: event.data.scalar.anchor, tag: event.data.scalar.tag, at: start) else { return false }
            let scalar = event.data.scalar
            let text = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
            } ?? ""
            let style: YAMLScalarStyle
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            attach(YAMLNode(.scalar(text, style), start: start, end: end))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            guard accept(anchor: anchor, tag: tag, at: start) else { return false }
            guard stack.count < limits.maxDepth else {
                bag.error(
                    "nesting is deeper than \(limits.maxDepth) levels", at: start,
                    hint: "a module never needs this much nesting; check the indentation")
                return false
            }
            let isFlow = isMapping
                ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            stack.append(Frame(isMapping: isMapping, start: start, isFlow: isFlow))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return false }
            let value: YAMLNode.Value = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            attach(YAMLNode(value, start: frame.start, end: end, isFlow: frame.isFlow))
        default:
            break
        }
        return true
    }

    private func accept(
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation
    ) -> Bool {
        if let anchor {
            let name = String(cString: anchor)
            bag.error(
                "anchors (&\(name)) are not supported", at: location, length: name.count + 1,
                hint: "write each value out in full; modules do not use anchors or aliases")
            return false
        }
        if let tag {
            let name = String(cString: tag)
            bag.error(
                "tags (\(name)) are not supported", at: location,
                hint: "remove the tag; put the value in quotes if it must be read as text")
            return false
        }
        return true
    }

    /// Adds a finished node to the collection being built, in place.
    private mutating func attach(_ node: YAMLNode) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            if stack[top].skipNextValue {
                stack[top].skipNextValue = false
            } else {
                stack[top].pairs.append(YAMLPair(key: key, value: node))
            }
            stack[top].pendingKey = nil
        } else {
            if let text = node.scalarText, let first = stack[top].keys.see(text, at: node.start) {
                bag.error(
                    "duplicate key '\(text)' (first used on line \(first.line))", at: node.start,
                    length: text.count, hint: "remove one of them; the first is the one read")
                stack[top].skipNextValue = true
            }
            stack[top].pendingKey = node
        }
    }
}
