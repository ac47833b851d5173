#pragma once
/// \file
/// Complete sample traces of every shape (invariant, assert and runtime failures, deadlock,
/// lasso), built with `build_trace` from the toy system and an explicit graph. Shared by the
/// unit tests and the helper that writes traces for the schema test.

#include "tests/support/explicit_graph.hpp"
#include "tests/traces/toy_system.hpp"
#include "traces/digest.hpp"
#include "traces/trace_builder.hpp"

#include <string>
#include <vector>

namespace ilv::test {

/// Fills the fields the builder leaves to its caller.
inline void describe_sample(Trace& trace, const std::string& property, const std::string& kind,
                            SourceRange where) {
    trace.model_name = "toy";
    trace.model_path = "specs/examples/toy.ilv";
    trace.model_digest = model_digest("model toy;\n");
    trace.defines = {{"OPENERS", 2}, {"DEBUG", 0}, {"BIAS", -3}};
    trace.property = TraceProperty{property, kind, where, "property '" + property + "' violated",
                                   kind == "liveness" ? "none" : ""};
}

/// The first failure of `action` in the state reached by `path` (or the initial state).
inline StepFailure failure_after(const TransitionSystem& sys, const TracePath& path,
                                 ActionId action) {
    const std::vector<Word> state = path.empty() ? initial_state(sys) : path.back().second;
    SuccessorBuffer out(state.size());
    FailureBuffer failures;
    sys.successors(state, action, out, failures);
    ILV_ASSERT(!failures.empty(), "the sample action must fail");
    return failures.front();
}

/// Invariant `mutex` broken: both processes enter.
inline Trace invariant_sample() {
    const ToySystem sys;
    Trace trace = build_trace(sys, initial_state(sys), walk(sys, {{"p[0].enter"}, {"p[1].enter"}}));
    describe_sample(trace, "mutex", "invariant", SourceRange{{40, 1, 0}, {}});
    return trace;
}

/// Runtime error: bumping `count` past 2 (action p[0].bump, id 5).
inline Trace runtime_sample() {
    const ToySystem sys;
    const TracePath path = walk(sys, {{"p[0].toss", 1}, {"p[0].enter"}, {"p[1].enter"}});
    Trace trace = build_trace(sys, initial_state(sys), path);
    append_failed_step(trace, sys, failure_after(sys, path, 5));
    describe_sample(trace, "runtime_error", "runtime", SourceRange{});
    return trace;
}

/// Assert failure: p[1] sets mode BUSY, then checks it is IDLE (action p[1].check, id 13).
inline Trace assert_sample() {
    const ToySystem sys;
    const TracePath path = walk(sys, {{"p[1].enter"}, {"p[1].set(BUSY)"}});
    Trace trace = build_trace(sys, initial_state(sys), path);
    append_failed_step(trace, sys, failure_after(sys, path, 13));
    describe_sample(trace, "p.check.assert1", "assert", SourceRange{{31, 5, 0}, {}});
    return trace;
}

/// The explicit graph 0 -a0-> 1 -a1-> 2 with no end states: state 2 deadlocks.
inline Trace deadlock_sample() {
    const ExplicitGraphSystem sys(3, 2, {{0, 0, 1}, {1, 1, 2}});
    Trace trace = build_trace(sys, initial_state(sys), walk(sys, {{"a0"}, {"a1"}}));
    describe_sample(trace, "deadlock", "deadlock", SourceRange{});
    return trace;
}

/// Lasso: p[0] tosses `done` to true, then enters and leaves forever (cycle from step 2).
inline Trace lasso_sample() {
    const ToySystem sys;
    const TracePath path = walk(sys, {{"p[0].toss", 1}, {"p[0].enter"}, {"p[0].leave"}});
    Trace trace = build_trace(sys, initial_state(sys), path);
    describe_sample(trace, "no_spin", "liveness", SourceRange{{42, 1, 0}, {}});
    trace.loop_start = 1;
    return trace;
}

} // namespace ilv::test
