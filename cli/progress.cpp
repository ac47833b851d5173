#include "cli/progress.hpp"

#include "cli/number_text.hpp"
#include "explorer/memory.hpp"

#include <cstdio>
#include <ostream>
#include <unistd.h>

namespace ilv::cli {

std::string format_progress(const SearchStats& s, double rate, std::uint64_t memory_bytes) {
    return fixed_text(s.seconds, 1) + " s: " + std::to_string(s.states) + " states (" +
           fixed_text(rate, 0) + "/s), depth " + std::to_string(s.max_depth) + ", queue " +
           std::to_string(s.queue) + ", memory " + mebibytes_text(memory_bytes);
}

bool stderr_is_terminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

double default_progress_interval(bool live) {
    return live ? 0.5 : 5.0;
}

void ProgressPrinter::sample(const SearchStats& s) {
    const double span = s.seconds - last_seconds_;
    const double rate = span > 0 ? static_cast<double>(s.states - last_states_) / span : 0.0;
    last_states_ = s.states;
    last_seconds_ = s.seconds;
    const std::string line = "interleave: " + format_progress(s, rate, current_rss_bytes());
    if (live_) {
        out_ << '\r' << line << "\033[K" << std::flush; // \033[K: erase the rest of the line
        shown_ = true;
    } else {
        out_ << line << '\n' << std::flush;
    }
}

void attach_progress(SearchOptions& search, ProgressPrinter& printer, double interval, bool quiet) {
    if (quiet) {
        return;
    }
    search.progress_interval_seconds =
        interval < 0 ? default_progress_interval(printer.live()) : interval;
    search.progress = [&printer](const SearchStats& s) { printer.sample(s); };
}

void ProgressPrinter::finish() {
    if (shown_) {
        out_ << "\r\033[K" << std::flush;
        shown_ = false;
    }
}

} // namespace ilv::cli
