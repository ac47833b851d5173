// `interleave check`: checks every model named on the command line, prints one summary and
// writes the JUnit and SARIF reports asked for.
#include "cli/check_command.hpp"
#include "cli/check_many.hpp"
#include "cli/junit_report.hpp"
#include "cli/sarif_report.hpp"
#include "cli/stop_signals.hpp"
#include "explorer/exit_codes.hpp"
#include "traces/atomic_file.hpp"

#include <iostream>

namespace ilv::cli {

namespace {

/// Writes `text` to `path` atomically (never half-written); false (with a message) when it
/// cannot.
bool write_report(const std::string& path, const std::string& text, const char* what) {
    std::string error;
    if (!write_file_atomically(path, text, error)) {
        std::cerr << "interleave: cannot write the " << what << " report " << path << ": " << error
                  << '\n';
        return false;
    }
    return true;
}

/// Checks every input in order; an input naming no model is reported as an error. After a
/// SIGINT or SIGTERM the models not started yet are not checked: they count as incomplete.
std::vector<ModelRun> check_all(const CheckOptions& options) {
    std::vector<ModelRun> runs;
    for (const ModelInput& input : expand_inputs(options.inputs)) {
        if (stop_requested().load()) {
            runs.push_back({input.path,
                            exit_code::incomplete,
                            std::nullopt,
                            {},
                            "not checked: stopped by " + stop_signal_name() + "\n"});
            continue;
        }
        if (!input.error.empty()) {
            std::cerr << input.error;
            runs.push_back({input.path, exit_code::usage, std::nullopt, {}, input.error});
            continue;
        }
        CheckOptions one = options;
        one.model_path = input.path;
        runs.push_back(check_model(one));
    }
    return runs;
}

} // namespace

int run_check(const CheckOptions& options) {
    const std::vector<ModelRun> runs = check_all(options);
    if (is_multi_model(options.inputs)) {
        std::cout << (options.json ? render_many_json(runs) : render_many_summary(runs));
    } else if (runs.size() == 1 && runs.front().report) {
        const CheckReport& r = *runs.front().report;
        std::cout << (options.json ? render_json(r) : render_summary(r));
    }
    bool written = true;
    if (!options.junit_path.empty()) {
        written = write_report(options.junit_path, render_junit(runs), "JUnit") && written;
    }
    if (!options.sarif_path.empty()) {
        written = write_report(options.sarif_path, render_sarif(runs), "SARIF") && written;
    }
    return written ? worst_exit_code(runs) : exit_code::usage; // an unwritable report path
}

} // namespace ilv::cli
