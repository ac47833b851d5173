// The formatting of progress lines and of the coverage report (cli/progress, cli/coverage_report).
#include "cli/coverage_report.hpp"
#include "cli/progress.hpp"

#include <sstream>

#include <doctest/doctest.h>

namespace ilv::cli {
namespace {

SearchStats sample_stats(std::uint64_t states, double seconds) {
    SearchStats s;
    s.states = states;
    s.max_depth = 17;
    s.queue = 250;
    s.seconds = seconds;
    return s;
}

/// One live step, one dead step, one unreached location.
Coverage sample_coverage() {
    Coverage c;
    c.steps.push_back({"p.go", "p", "go", 5, 3, 0});
    c.steps.push_back({"p.stop", "p", "stop", 0, 0, 0});
    c.steps.push_back({"q.check", "q", "check", 0, 0, 2});
    c.locations.push_back({"p", {"never"}});
    c.locations.push_back({"q", {}});
    return c;
}

} // namespace

TEST_CASE("unit: progress: one line with states, rate, depth, queue and memory") {
    CHECK(format_progress(sample_stats(1234, 2.5), 400.4, 3 * 1024 * 1024 / 2) ==
          "2.5 s: 1234 states (400/s), depth 17, queue 250, memory 1.5 MiB");
    CHECK(format_progress(sample_stats(0, 0), 0, 3ULL << 30) ==
          "0.0 s: 0 states (0/s), depth 17, queue 250, memory 3.00 GiB");
}

TEST_CASE("unit: progress: off a terminal every sample is a line; the rate is per interval") {
    std::ostringstream out;
    ProgressPrinter printer(out, false);
    printer.sample(sample_stats(100, 1.0));
    printer.sample(sample_stats(400, 2.0));
    printer.finish();
    const std::string text = out.str();
    CHECK(text.find('\r') == std::string::npos);
    CHECK(text.find("interleave: 1.0 s: 100 states (100/s)") == 0);
    CHECK(text.find("\ninterleave: 2.0 s: 400 states (300/s)") != std::string::npos);
    CHECK(text.back() == '\n');
}

TEST_CASE("unit: progress: on a terminal one line is rewritten and finally erased") {
    std::ostringstream out;
    ProgressPrinter printer(out, true);
    printer.sample(sample_stats(100, 1.0));
    printer.sample(sample_stats(200, 2.0));
    printer.finish();
    const std::string text = out.str();
    CHECK(text.find('\n') == std::string::npos);
    CHECK(text.rfind("\r\033[K") == text.size() - 4); // erased at the end
    CHECK(text.find("\rinterleave: 2.0 s: 200 states (100/s)") != std::string::npos);
}

TEST_CASE("unit: progress: --quiet attaches nothing; the interval defaults by terminal") {
    std::ostringstream out;
    ProgressPrinter live(out, true);
    SearchOptions quiet;
    attach_progress(quiet, live, 3.0, true);
    CHECK(!quiet.progress);
    SearchOptions by_default;
    attach_progress(by_default, live, -1, false);
    CHECK(by_default.progress);
    CHECK(by_default.progress_interval_seconds == doctest::Approx(0.5));
    ProgressPrinter log(out, false);
    SearchOptions logged;
    attach_progress(logged, log, -1, false);
    CHECK(logged.progress_interval_seconds == doctest::Approx(5.0));
    SearchOptions chosen;
    attach_progress(chosen, log, 0.25, false);
    CHECK(chosen.progress_interval_seconds == doctest::Approx(0.25));
}

TEST_CASE("unit: coverage report: dead steps and unreached locations, complete or partial") {
    const Coverage c = sample_coverage();
    CHECK(c.dead_steps() == std::vector<std::string>{"p.stop"});
    const std::string full = render_coverage_text(c, false);
    CHECK(full.find("coverage:\n") == 0);
    // name padded to the longest name + 2 (9), then counts right-aligned in 12 columns
    const std::string go_line =
        "\n  p.go" + std::string(5 + 11, ' ') + "5" + std::string(11, ' ') + "3\n";
    CHECK(full.find(go_line) != std::string::npos);
    CHECK(full.find("(failed 2)") != std::string::npos);
    CHECK(full.find("\ndead steps: p.stop\n") != std::string::npos);
    CHECK(full.find("\nunreached locations of p: never\n") != std::string::npos);
    const std::string partial = render_coverage_text(c, true);
    CHECK(partial.find("coverage (partial") == 0);
    CHECK(partial.find("\nsteps not fired so far: p.stop\n") != std::string::npos);
}

TEST_CASE("unit: coverage report: the JSON object") {
    const nlohmann::ordered_json j = coverage_json(sample_coverage(), true);
    CHECK(j["partial"] == true);
    REQUIRE(j["steps"].size() == 3);
    CHECK(j["steps"][0]["name"] == "p.go");
    CHECK(j["steps"][0]["fired"] == 5);
    CHECK(j["steps"][0]["new_states"] == 3);
    CHECK(j["steps"][2]["failures"] == 2);
    CHECK(j["dead_steps"] == nlohmann::ordered_json::array({"p.stop"}));
    CHECK(j["unreached_locations"]["p"] == nlohmann::ordered_json::array({"never"}));
    CHECK(j["unreached_locations"]["q"].empty());
}

} // namespace ilv::cli
