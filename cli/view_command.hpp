#pragma once
/// \file
/// `interleave view` (a counterexample in the terminal or as one HTML file) and `interleave
/// graph` (the reachable state graph of a small model in Graphviz DOT).

#include "model/compiler.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace ilv::cli {

/// Everything `interleave view` was asked to do.
struct ViewOptions {
    std::string trace_path; ///< the .trace.json to show
    std::string model_path; ///< empty: the path recorded in the trace
    bool html = false;      ///< write the browser view instead of printing the terminal view
    std::string output;     ///< --html: the file to write (required with --html)
    bool no_color = false;  ///< --no-color: plain text even on a terminal
    std::size_t width = 0;  ///< --width; 0: COLUMNS, the terminal's width, or 100
};

/// Shows one trace; returns the exit code (0, or 2 for an unreadable trace or output file).
int run_view(const ViewOptions& options);

/// Everything `interleave graph` was asked to do.
struct GraphOptions {
    std::string model_path;           ///< the .ilv model to explore
    std::vector<std::string> defines; ///< `-D NAME=VALUE` as typed
    std::string dot_path;             ///< where the DOT goes
    std::string trace_path;           ///< optional counterexample to highlight
    std::uint64_t max_states = 500;   ///< exploration stops here (the graph is then partial)
};

/// Registers `view` with its options on `app`; the parsed values land in `options`.
void add_view_command(CLI::App& app, ViewOptions& options);

/// Registers `graph` with its options on `app`; the parsed values land in `options`.
void add_graph_command(CLI::App& app, GraphOptions& options);

/// Writes the reachable state graph (at most `max_states` states); returns the exit code.
int run_graph(const GraphOptions& options);

} // namespace ilv::cli
