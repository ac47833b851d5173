#pragma once
// Hand-made check results for the report writers' tests: one model with a property of each
// verdict (and a deadlock with no declaration), and one model that failed to load.
#include "cli/model_run.hpp"

namespace ilv::test {

using cli::CheckReport;
using cli::ModelRun;
using cli::PropertyReport;

/// A property status with a declaration line (0: none).
inline PropertyStatus status(std::string name, PropertyKind kind, Verdict verdict,
                             std::uint32_t line) {
    PropertyStatus s;
    s.name = std::move(name);
    s.kind = kind;
    s.verdict = verdict;
    s.where = {{line, line == 0 ? 0U : 3U, 0}, {line, line == 0 ? 0U : 9U, 0}};
    return s;
}

/// A two-step counterexample whose steps are declared on lines 4 and 6.
inline Trace two_steps(std::optional<std::size_t> loop_start) {
    Trace t;
    TraceStep a;
    a.action = "p[0].enter";
    a.where = {{4, 5, 0}, {4, 9, 0}};
    TraceStep b = a;
    b.action = "p[1].look & <see>";
    b.where = {{6, 7, 0}, {6, 9, 0}};
    t.steps = {a, b};
    t.loop_start = loop_start;
    return t;
}

/// A violated property with its trace and story.
inline PropertyReport violated(std::string name, PropertyKind kind, std::uint32_t line,
                               std::optional<std::size_t> loop_start) {
    PropertyReport p{status(std::move(name), kind, Verdict::Violated, line), "", {}, {}};
    Violation v;
    v.depth = 2;
    v.message = "it went \"wrong\"";
    v.loop_start = loop_start;
    p.status.violation = v;
    p.trace_path = "traces/m." + p.status.name + ".trace.json";
    p.trace = two_steps(loop_start);
    p.story = "first line\nsecond line\nThen: the end.\n";
    return p;
}

/// Model `m` (m.ilv): mutex holds, safe violated (line 12), deadlock violated (no line),
/// eventually incomplete (line 20), quiet not checked; the search hit the state limit.
inline ModelRun checked_run() {
    CheckReport r;
    r.model_name = "m";
    r.model_path = "dir/m.ilv";
    r.search.outcome = Outcome::StateLimit;
    r.search.stats.states = 100;
    r.search.stats.transitions = 250;
    r.search.stats.seconds = 0.25;
    r.properties.push_back(
        {status("mutex", PropertyKind::Invariant, Verdict::Holds, 10), "", {}, {}});
    r.properties.push_back(violated("safe", PropertyKind::Invariant, 12, std::nullopt));
    r.properties.push_back(violated("deadlock", PropertyKind::Deadlock, 0, std::nullopt));
    r.properties.push_back(
        {status("eventually", PropertyKind::Liveness, Verdict::Incomplete, 20), "", {}, {}});
    r.properties.push_back(
        {status("quiet", PropertyKind::Invariant, Verdict::NotChecked, 22), "", {}, {}});
    return ModelRun{"dir/m.ilv", 1, r, {}, ""};
}

/// A model that did not load: one E0403 at 2:15.
inline ModelRun broken_run() {
    Diagnostic d;
    d.range = {{2, 15, 0}, {2, 16, 0}};
    d.code = "E0403";
    d.message = "initial value 9 of 'x' is out of range 0..3";
    return ModelRun{"bad.ilv",
                    2,
                    std::nullopt,
                    {d},
                    "bad.ilv:2:15: error: initial value 9 of 'x' is out of range 0..3 [E0403]\n"};
}

} // namespace ilv::test
