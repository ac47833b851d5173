// The terminal view: exact layout of a small trace, widths, colour, lassos, failures.
#include "traces/trace_text.hpp"

#include "tests/traces/sample_traces.hpp"
#include "traces/text_canvas.hpp"

#include <sstream>

#include <doctest/doctest.h>

using namespace ilv;

namespace {

/// Two processes p and q over x: 0..3; p.go (line 3) sets x = 1, then q.go(2) (line 4) sets x = 3.
Trace two_step_trace() {
    Trace t;
    t.model_name = "m";
    t.model_path = "m.ilv";
    t.model_digest = "0123456789abcdef";
    t.property = TraceProperty{"small", "invariant", SourceRange{{7, 1, 0}, {}},
                               "invariant 'small' is false", ""};
    t.variables = {{"x", SlotKind::Int, 0, 3, {}},
                   {"p.@", SlotKind::Location, 0, 1, {"idle", "busy"}},
                   {"q.@", SlotKind::Location, 0, 1, {"idle", "busy"}}};
    t.processes = {"p", "q"};
    t.initial = {0, 0, 0};
    TraceStep go;
    go.action = "p.go";
    go.step = "go";
    go.where = SourceRange{{3, 3, 0}, {}};
    go.state = {1, 1, 0};
    TraceStep go2;
    go2.action = "q.go(2)";
    go2.process = 1;
    go2.step = "go";
    go2.params = {"2"};
    go2.where = SourceRange{{4, 3, 0}, {}};
    go2.state = {3, 1, 1};
    t.steps = {go, go2};
    return t;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) {
        lines.push_back(l);
    }
    return lines;
}

std::string plain(const Trace& t, std::size_t width, const ViewExtras& extras = {}) {
    return render_trace_text(t, extras, TextViewOptions{width, false});
}

} // namespace

TEST_CASE("unit: the terminal view of a two-step trace, column by column") {
    // Gutter 4 (mark, one digit, two spaces), lanes of 9 (the minimum; "go(2)" needs 6),
    // details from column 22.
    const std::string expected = "m: invariant small violated after 2 steps\n"
                                 "  invariant 'small' is false\n"
                                 "  model m.ilv\n"
                                 "\n"
                                 "initial state\n"
                                 "  x = 0\n"
                                 "\n"
                                 "#   p        q        source, changes\n"
                                 "    @idle    @idle\n"
                                 "  1 go       │        line 3\n"
                                 "    → busy   │        x: 0 → 1\n"
                                 "  2 │        go(2)    line 4\n"
                                 "    │        → busy   x: 1 → 3\n"
                                 "------------------------------------------------------------\n"
                                 "✗ invariant small (line 7)\n";
    CHECK(plain(two_step_trace(), 60) == expected);
}

TEST_CASE("unit: every line of every sample fits the width, for narrow to wide terminals") {
    const std::vector<Trace> samples{test::invariant_sample(), test::runtime_sample(),
                                     test::assert_sample(),    test::deadlock_sample(),
                                     test::lasso_sample(),     two_step_trace()};
    for (const Trace& t : samples) {
        for (const std::size_t width : {std::size_t{40}, std::size_t{57}, std::size_t{80},
                                        std::size_t{100}, std::size_t{160}}) {
            CAPTURE(t.property.kind);
            CAPTURE(width);
            for (const std::string& line : lines_of(plain(t, width))) {
                CHECK(text::display_width(line) <= width);
            }
        }
    }
}

TEST_CASE("unit: widths below 40 are drawn at 40") {
    for (const std::string& line : lines_of(plain(two_step_trace(), 10))) {
        CHECK(text::display_width(line) <= 40);
    }
}

TEST_CASE("unit: colour adds escape codes, plain text has none") {
    const Trace t = two_step_trace();
    CHECK(plain(t, 80).find('\x1b') == std::string::npos);
    const std::string coloured = render_trace_text(t, {}, TextViewOptions{80, true});
    CHECK(coloured.find("\x1b[1;31m") != std::string::npos);
    CHECK(coloured.find("\x1b[32m1\x1b[0m") != std::string::npos); // the new value of x, green
}

TEST_CASE("unit: a lasso's cycle is bracketed and its rows are marked") {
    const std::vector<std::string> lines = lines_of(plain(test::lasso_sample(), 100));
    std::size_t open = 0;
    std::size_t close = 0;
    std::size_t marked_steps = 0;
    for (const std::string& l : lines) {
        open += l.rfind("╭", 0) == 0 &&
                l.find("cycle: steps 2 to 3 repeat forever") != std::string::npos;
        close +=
            l.rfind("╰", 0) == 0 && l.find("back to the state before step 2") != std::string::npos;
        marked_steps += l.rfind("┃ 2", 0) == 0 || l.rfind("┃ 3", 0) == 0;
        CHECK(l.rfind("┃ 1", 0) != 0);
    }
    CHECK(open == 1);
    CHECK(close == 1);
    CHECK(marked_steps == 2);
}

TEST_CASE("unit: a lasso that stops at its last state has no cycle marks and says it stops") {
    Trace t = test::lasso_sample();
    t.loop_start = t.steps.size(); // the run stops: its final state repeats forever
    const std::string text = plain(t, 100);
    CHECK(text.find("violated: the run stops after 3 steps and stays in its final state") !=
          std::string::npos);
    CHECK(text.find("no step is enabled after the last step") != std::string::npos);
    CHECK(text.find("╭") == std::string::npos);
    CHECK(text.find("╰") == std::string::npos);
    CHECK(text.find("repeat forever") == std::string::npos);
}

TEST_CASE("unit: a failed step shows its error with the failing line") {
    const std::string text = plain(test::assert_sample(), 120);
    // The toy system's check fails at line 31.
    CHECK(text.find("check ✗") != std::string::npos);
    CHECK(text.find("(line 31)") != std::string::npos);
}

TEST_CASE("unit: too many processes for lanes fall back to one column naming the process") {
    Trace t = two_step_trace();
    for (int i = 0; i < 10; ++i) {
        t.processes.push_back("extra" + std::to_string(i));
    }
    const std::string text = plain(t, 60);
    CHECK(text.find("  1 p.go ") != std::string::npos);
    CHECK(text.find("  2 q.go(2) ") != std::string::npos);
    CHECK(text.find("q @ idle") != std::string::npos); // locations move to the initial state
}

TEST_CASE("unit: the explanation lists each part with its value, indented by depth") {
    ViewExtras extras;
    extras.explanation = {{"x <= 2", "", "false", 0}, {"x", "", "3", 1}};
    extras.notes = {"a note"};
    const std::string text = plain(two_step_trace(), 60, extras);
    CHECK(text.find("  note: a note\n") != std::string::npos);
    CHECK(text.find("    x <= 2  false\n      x     3\n") != std::string::npos);
}

TEST_CASE("unit: a deadlock lists where every process stopped") {
    Trace t = two_step_trace();
    t.property = TraceProperty{"deadlock", "deadlock", {}, "no step is enabled", ""};
    CHECK(plain(t, 100).find("the processes are at: p @ busy, q @ busy") != std::string::npos);
}
