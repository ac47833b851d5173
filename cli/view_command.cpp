#include "cli/view_command.hpp"

#include "explorer/exit_codes.hpp"
#include "traces/atomic_file.hpp"
#include "traces/trace_html.hpp"
#include "traces/trace_json.hpp"
#include "traces/trace_text.hpp"
#include "traces/view_extras.hpp"

#include <cstdlib>
#include <iostream>
#include <sys/ioctl.h>
#include <unistd.h>

namespace ilv::cli {

namespace {

/// Columns to draw in: --width, then COLUMNS, then the terminal's width, else 100.
std::size_t output_width(std::size_t requested) {
    if (requested != 0) {
        return requested;
    }
    if (const char* columns = std::getenv("COLUMNS")) {
        char* end = nullptr;
        const unsigned long value = std::strtoul(columns, &end, 10);
        if (end != columns && *end == '\0' && value > 0 && value < 10000) {
            return value;
        }
    }
    winsize size{};
    if (isatty(STDOUT_FILENO) != 0 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
        size.ws_col > 0) {
        return size.ws_col;
    }
    return 100;
}

/// Colour only on a terminal, and never with --no-color, NO_COLOR set or TERM=dumb.
bool use_color(bool no_color) {
    const char* no_color_env = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return !no_color && isatty(STDOUT_FILENO) != 0 &&
           (no_color_env == nullptr || *no_color_env == '\0') &&
           (term == nullptr || std::string(term) != "dumb");
}

int write_html(const Trace& trace, const ViewExtras& extras, const std::string& output) {
    std::string error;
    if (!write_file_atomically(output, render_trace_html(trace, extras), error)) {
        std::cerr << "interleave: " << error << '\n';
        return exit_code::usage;
    }
    std::cout << "view: wrote " << output << '\n';
    return exit_code::ok;
}

} // namespace

int run_view(const ViewOptions& options) {
    std::string error;
    TextPosition at;
    const std::optional<Trace> trace = read_trace_file(options.trace_path, error, &at);
    if (!trace) {
        std::cerr << trace_error_line(options.trace_path, error, at) << '\n';
        return exit_code::usage;
    }
    const ViewExtras extras = load_view_extras(*trace, options.model_path);
    if (options.html) {
        return write_html(*trace, extras, options.output);
    }
    TextViewOptions text;
    text.width = output_width(options.width);
    text.color = use_color(options.no_color);
    std::cout << render_trace_text(*trace, extras, text);
    return exit_code::ok;
}

} // namespace ilv::cli
