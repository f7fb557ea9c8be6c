import CCmarkGFM
import Foundation

/// A node of a parsed cmark-gfm document, with the few operations the renderer's rewrites need (headings with
/// ids, alerts, dropped comments). The document owns its nodes: a `CmarkNode` is valid until the document, or the
/// node itself, is freed.
struct CmarkNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    var lastChild: CmarkNode? { cmark_node_last_child(pointer).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }

    var children: [CmarkNode] {
        var children: [CmarkNode] = []
        var child = firstChild
        while let current = child {
            children.append(current)
            child = current.next
        }
        return children
    }

    /// The text of a text, code or raw HTML node.
    var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    /// What the node says without markup: its text and code, a space for each line break. (An image's description
    /// is text too.)
    var plainText: String {
        var text = ""
        walk { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    /// Calls `body` with this node and every node inside it, in document order, as the walk enters each.
    func walk(_ body: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            body(node)
        }
    }

    /// Joins neighbouring text nodes inside this node into one (cmark-gfm splits text where a character could have
    /// started markup), so a marker such as `[!NOTE]` or `{#id}` is found in a single literal.
    func joinText() {
        cmark_consolidate_text_nodes(pointer)
    }

    /// A block that writes `enter` before its children and `exit` after them, as they are: for markup the renderer
    /// makes itself (safe mode leaves raw HTML out, but not custom blocks).
    /// It takes its memory from `memory`, the document's allocator: cmark-gfm only links nodes of one allocator.
    static func customBlock(enter: String, exit: String, memory: UnsafeMutablePointer<cmark_mem>) -> CmarkNode? {
        guard let pointer = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, memory) else { return nil }
        cmark_node_set_on_enter(pointer, enter)
        cmark_node_set_on_exit(pointer, exit)
        return CmarkNode(pointer: pointer)
    }

    /// Moves `child` (with what it holds) to the end of this node's children.
    func append(_ child: CmarkNode) {
        cmark_node_append_child(pointer, child.pointer)
    }

    /// Puts `other` where this node stands, moves this node's children into it when `movingChildren`, and frees this
    /// node with whatever is still inside it. Where the parent cannot hold `other`, the document stays as it was and
    /// `other` is freed.
    func replace(with other: CmarkNode, movingChildren: Bool = false) {
        guard cmark_node_replace(pointer, other.pointer) != 0 else {
            cmark_node_free(other.pointer)
            return
        }
        if movingChildren {
            for child in children { other.append(child) }
        }
        cmark_node_free(pointer)
    }

    /// Takes the node out of its document and frees it with whatever is inside it.
    func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }
}
