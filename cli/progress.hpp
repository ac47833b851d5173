#pragma once
/// \file
/// Progress of a long `check` on standard error: on a terminal one live line rewritten in
/// place, otherwise a plain line per sample. Never touches standard output, the JSON or traces.

#include "explorer/search.hpp"

#include <cstdint>
#include <iosfwd>
#include <string>

namespace ilv::cli {

/// The text of one progress sample, e.g.
/// "12.0 s: 1234567 states (98000/s), depth 42, queue 5678, memory 310.4 MiB".
/// `rate` is states per second over the last interval; `memory_bytes` the resident set now.
[[nodiscard]] std::string format_progress(const SearchStats& s, double rate,
                                          std::uint64_t memory_bytes);

/// True when standard error is a terminal (then the progress line is live).
[[nodiscard]] bool stderr_is_terminal();

/// Seconds between samples when `--progress-interval` is not given: short on a terminal, where
/// the line is rewritten in place, longer in logs, where every sample is a new line.
[[nodiscard]] double default_progress_interval(bool live);

/// Writes progress samples to a stream (standard error); the search calls `sample`.
class ProgressPrinter {
public:
    /// Prints to `out`; `live` rewrites one line in place (a terminal), else appends lines.
    ProgressPrinter(std::ostream& out, bool live) : out_(out), live_(live) {}

    /// Prints one sample of the running search.
    void sample(const SearchStats& s);

    /// Clears the live line, so that later output starts on a clean line.
    void finish();

    /// True when the line is rewritten in place.
    [[nodiscard]] bool live() const noexcept { return live_; }

private:
    std::ostream& out_;
    bool live_;
    bool shown_ = false; ///< a live line is on screen
    std::uint64_t last_states_ = 0;
    double last_seconds_ = 0;
};

/// Makes `search` report to `printer` every `interval` seconds (< 0: the default for the
/// printer's kind of output); does nothing when `quiet`. `printer` must outlive the search.
void attach_progress(SearchOptions& search, ProgressPrinter& printer, double interval, bool quiet);

} // namespace ilv::cli
