// Command-line options of `interleave view` and `interleave graph`.
#include "cli/view_command.hpp"

#include <CLI/CLI.hpp>

namespace ilv::cli {

namespace {

const char* const view_help = R"(Show a counterexample written by `check`.

In the terminal: one column per process, one row per step with its source line and, beneath
it, only the variables the step changed (old -> new); a lasso's cycle is bracketed; at the
end the violated property and, for an invariant, the values of its parts in the final state.
Colour only on a terminal (never with --no-color or NO_COLOR set); the width is --width,
COLUMNS, the terminal's width, or 100 when piped.

With --html: one self-contained page (no network needed) with a lane per process; step with
the arrow keys or by clicking, see the whole state at each step, and the model source.

The model (for the source and the property's parts) is the path in the trace unless MODEL is
given; when it is missing or changed, the view shows the trace alone and says so.

Examples:
  interleave view interleave-traces/broken_mutex.mutex.trace.json
  interleave view --html interleave-traces/broken_mutex.mutex.trace.json -o mutex.html)";

const char* const graph_help = R"(Write the reachable state graph of a small model in Graphviz DOT.

Each state is a node labelled with its variables, each transition an edge labelled with its
action. Exploration stops at --max-states (the graph is then partial, and says so). With
--trace, the counterexample's states and steps are drawn in red.

Examples:
  interleave graph specs/examples/broken_mutex.ilv -D N=2 --dot mutex.dot
  interleave graph specs/examples/broken_mutex.ilv -D N=2 --dot mutex.dot \
      --trace interleave-traces/broken_mutex.mutex.trace.json
  dot -Tsvg mutex.dot -o mutex.svg)";

} // namespace

void add_view_command(CLI::App& app, ViewOptions& options) {
    CLI::App* view = app.add_subcommand("view", "show a counterexample in the terminal or as HTML");
    view->footer(view_help);
    view->add_option("TRACE", options.trace_path, "a .trace.json file written by check")
        ->required();
    view->add_option("MODEL", options.model_path, "the model (default: the path in the trace)");
    CLI::Option* html = view->add_flag("--html", options.html, "write a self-contained HTML page");
    view->add_option("-o,--output", options.output, "the HTML file to write")->needs(html);
    html->needs(view->get_option("--output"));
    view->add_flag("--no-color", options.no_color, "plain text even on a terminal");
    view->add_option("--width", options.width, "columns to fit (default: the terminal's)")
        ->check(CLI::Range(40, 1000));
}

void add_graph_command(CLI::App& app, GraphOptions& options) {
    CLI::App* graph = app.add_subcommand("graph", "write a small model's state graph as DOT");
    graph->footer(graph_help);
    graph->add_option("MODEL", options.model_path, "the .ilv model file")->required();
    graph->add_option("-D,--define", options.defines,
                      "override a const: -D N=2 (repeatable; true/false allowed)");
    graph->add_option("--dot", options.dot_path, "the DOT file to write")->required();
    graph->add_option("--trace", options.trace_path, "a counterexample to highlight");
    graph
        ->add_option("--max-states", options.max_states,
                     "stop exploring after this many states (default 500)")
        ->check(CLI::Range(1, 100000));
}

} // namespace ilv::cli
