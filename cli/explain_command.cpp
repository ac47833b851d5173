#include "cli/check_command.hpp"
#include "explorer/exit_codes.hpp"
#include "traces/digest.hpp"
#include "traces/trace_json.hpp"
#include "traces/trace_story.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace ilv::cli {

int run_explain(const std::string& trace_path, bool markdown) {
    std::string error;
    TextPosition at;
    const std::optional<Trace> trace = read_trace_file(trace_path, error, &at);
    if (!trace) {
        std::cerr << trace_error_line(trace_path, error, at) << '\n';
        return exit_code::usage;
    }
    std::ifstream in(trace->model_path, std::ios::binary);
    std::ostringstream source;
    if (in) {
        source << in.rdbuf();
    }
    std::string text = source.str();
    if (!in) {
        std::cerr << "interleave: note: cannot read the model " << trace->model_path
                  << "; the story has no step descriptions\n";
    } else if (model_digest(text) != trace->model_digest) {
        // Its lines may have moved: comments found now could describe other steps.
        std::cerr << "interleave: note: the model " << trace->model_path
                  << " changed since the trace was written; the story has no step descriptions\n";
        text.clear();
    }
    std::cout << trace_story(*trace, StoryOptions{markdown, text});
    return exit_code::ok;
}

} // namespace ilv::cli
