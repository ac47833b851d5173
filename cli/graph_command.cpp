#include "cli/check_command.hpp"
#include "cli/view_command.hpp"
#include "explorer/exit_codes.hpp"
#include "explorer/state_graph.hpp"
#include "explorer/state_graph_dot.hpp"
#include "model/load.hpp"
#include "traces/atomic_file.hpp"
#include "traces/trace_json.hpp"
#include "traces/trace_view.hpp"

#include <iostream>
#include <map>
#include <sstream>

namespace ilv::cli {

namespace {

/// The model's slots described as trace variables, to share the views' value formatting.
std::vector<TraceVariable> slot_variables(const StateLayout& layout) {
    std::vector<TraceVariable> out;
    for (const Slot& s : layout.slots()) {
        out.push_back(TraceVariable{s.name, s.kind, s.lower, s.upper, s.labels});
    }
    return out;
}

/// One line per variable group: `flag = [false, true]`, `p[0] @ cs`.
std::string state_label(const std::vector<TraceVariable>& vars,
                        const std::vector<VariableGroup>& groups,
                        const std::vector<std::int64_t>& state) {
    std::string label;
    for (const VariableGroup& g : groups) {
        const std::string owner = location_owner(vars[g.first]);
        label += owner.empty() ? g.name + " = " : owner + " @ ";
        label += g.array ? "[" : "";
        for (std::size_t i = 0; i < g.count; ++i) {
            label += (i == 0 ? "" : ", ") + format_value(vars[g.first + i], state[g.first + i]);
        }
        label += g.array ? "]\n" : "\n";
    }
    return label;
}

/// True when some invariant is false (or cannot be evaluated) in `state`.
bool breaks_invariant(const CompiledModel& model, const std::vector<std::int64_t>& state) {
    std::vector<Word> packed(model.layout().words(), 0);
    if (!model.layout().pack(state, packed)) {
        return false;
    }
    for (const CompiledInvariant& inv : model.invariants()) {
        std::int64_t value = 0;
        EvalError error;
        if (!model.evaluate(inv.code, packed, value, error) || value == 0) {
            return true;
        }
    }
    return false;
}

/// Marks the trace's states and steps; false (with a message) when it is not of this model.
bool highlight(const Trace& trace, const CompiledModel& model, const StateGraph& graph,
               std::vector<DotNode>& nodes, std::vector<DotEdge>& edges) {
    if (trace.variables != slot_variables(model.layout())) {
        std::cerr << "interleave: the trace's variables differ from the model's; is it a trace "
                     "of this model with these -D values?\n";
        return false;
    }
    std::map<std::vector<std::int64_t>, std::size_t> id_of;
    for (std::size_t i = 0; i < graph.states.size(); ++i) {
        id_of.emplace(graph.states[i], i);
    }
    auto find = [&](const std::vector<std::int64_t>& s) {
        const auto it = id_of.find(s);
        return it == id_of.end() ? nodes.size() : it->second;
    };
    std::size_t at = find(trace.initial);
    for (const TraceStep& step : trace.steps) {
        if (at < nodes.size()) {
            nodes[at].highlighted = true;
        }
        if (step.failed) {
            break;
        }
        const std::size_t next = find(step.state);
        for (std::size_t e = 0; e < edges.size(); ++e) {
            const StateGraphEdge& g = graph.edges[e];
            if (g.from == at && g.to == next && model.actions()[g.action].name == step.action) {
                edges[e].highlighted = true;
            }
        }
        at = next;
    }
    if (at < nodes.size()) {
        nodes[at].highlighted = true;
    }
    return true;
}

std::string graph_title(const CompiledModel& model, const StateGraph& graph, std::uint64_t cap) {
    std::string title = model.name() + ": " + std::to_string(graph.states.size()) + " states, " +
                        std::to_string(graph.edges.size()) + " transitions";
    if (!graph.complete) {
        title += " (partial: stopped at --max-states " + std::to_string(cap) +
                 "; dashed states were not expanded)";
    }
    return title + "\n";
}

/// Loads the model and, if asked, the trace; false after printing why not.
bool load_inputs(const GraphOptions& o, LoadResult& loaded, std::optional<Trace>& trace) {
    Overrides defines;
    for (const std::string& d : o.defines) {
        std::pair<std::string, std::int64_t> parsed;
        if (!parse_define(d, parsed)) {
            std::cerr << "interleave: -D " << d << ": expected NAME=INTEGER [E0602]\n";
            return false;
        }
        defines.push_back(parsed);
    }
    loaded = load_model_file(o.model_path, defines);
    std::cerr << loaded.rendered();
    if (!loaded.model) {
        return false;
    }
    if (!o.trace_path.empty()) {
        std::string error;
        TextPosition at;
        trace = read_trace_file(o.trace_path, error, &at);
        if (!trace) {
            std::cerr << trace_error_line(o.trace_path, error, at) << '\n';
            return false;
        }
    }
    return true;
}

} // namespace

int run_graph(const GraphOptions& o) {
    LoadResult loaded;
    std::optional<Trace> trace;
    if (!load_inputs(o, loaded, trace)) {
        return exit_code::usage;
    }
    const CompiledModel& model = *loaded.model;
    const StateGraph graph = explore_state_graph(model, o.max_states);
    const std::vector<TraceVariable> vars = slot_variables(model.layout());
    const std::vector<VariableGroup> groups = group_variables(vars);
    std::vector<DotNode> nodes(graph.states.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        nodes[i].label = state_label(vars, groups, graph.states[i]);
        nodes[i].initial = i == 0;
        nodes[i].bad =
            graph.deadlock[i] || graph.failing[i] || breaks_invariant(model, graph.states[i]);
        nodes[i].frontier = !graph.expanded[i];
    }
    std::vector<DotEdge> edges;
    for (const StateGraphEdge& e : graph.edges) {
        edges.push_back(DotEdge{e.from, e.to, model.actions()[e.action].name, false});
    }
    if (trace && !highlight(*trace, model, graph, nodes, edges)) {
        return exit_code::usage;
    }
    std::ostringstream dot;
    write_dot(dot, graph_title(model, graph, o.max_states), nodes, edges);
    std::string error;
    if (!write_file_atomically(o.dot_path, dot.str(), error)) {
        std::cerr << "interleave: " << error << '\n';
        return exit_code::usage;
    }
    std::cout << "graph: wrote " << o.dot_path << " (" << nodes.size() << " states, "
              << edges.size() << " transitions" << (graph.complete ? "" : ", partial") << ")\n";
    return exit_code::ok;
}

} // namespace ilv::cli
