#include "explorer/state_graph_dot.hpp"

// GCC 12 at -O3 reports a false -Wmaybe-uninitialized inside Boost's adjacency_list edge
// iterator (a boost::optional) when write_graphviz walks the edges; only Boost's code is exempt.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace ilv {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DotNode, DotEdge>;

/// Writes each node's attribute list.
class NodeWriter {
public:
    explicit NodeWriter(const Graph& g) : g_(&g) {}

    void operator()(std::ostream& out, Graph::vertex_descriptor v) const {
        const DotNode& n = (*g_)[v];
        out << "[label=\"" << dot_quote(n.label) << "\"";
        if (n.initial) {
            out << ", peripheries=2";
        }
        if (n.bad) {
            out << ", style=\"rounded,filled" << (n.frontier ? ",dashed" : "")
                << "\", fillcolor=\"#ffd7d5\"";
        } else if (n.frontier) {
            out << ", style=\"rounded,dashed\"";
        }
        if (n.highlighted) {
            out << ", color=\"#cf222e\", penwidth=2.5";
        }
        out << "]";
    }

private:
    const Graph* g_;
};

/// Writes each edge's attribute list.
class EdgeWriter {
public:
    explicit EdgeWriter(const Graph& g) : g_(&g) {}

    void operator()(std::ostream& out, Graph::edge_descriptor e) const {
        const DotEdge& d = (*g_)[e];
        out << "[label=\"" << dot_quote(d.label) << "\"";
        if (d.highlighted) {
            out << ", color=\"#cf222e\", fontcolor=\"#cf222e\", penwidth=2.5";
        }
        out << "]";
    }

private:
    const Graph* g_;
};

/// Writes the graph-wide attributes.
class GraphWriter {
public:
    explicit GraphWriter(std::string title) : title_(std::move(title)) {}

    void operator()(std::ostream& out) const {
        out << "label=\"" << dot_quote(title_) << "\";\nlabelloc=t;\nfontname=\"Helvetica\";\n"
            << "node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n"
            << "edge [fontname=\"Helvetica\", fontsize=9];\n";
    }

private:
    std::string title_;
};

} // namespace

std::string dot_quote(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\l";
        } else {
            out += c;
        }
    }
    return out;
}

void write_dot(std::ostream& out, const std::string& title, const std::vector<DotNode>& nodes,
               const std::vector<DotEdge>& edges) {
    Graph g(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        g[i] = nodes[i];
    }
    for (const DotEdge& e : edges) {
        boost::add_edge(e.from, e.to, e, g);
    }
    boost::write_graphviz(out, g, NodeWriter(g), EdgeWriter(g), GraphWriter(title));
}

} // namespace ilv
