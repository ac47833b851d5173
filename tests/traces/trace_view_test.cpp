// The model-free analysis every trace view shares: grouping, values, states and changes.
#include "traces/trace_view.hpp"

#include "tests/traces/sample_traces.hpp"

#include <doctest/doctest.h>

using namespace ilv;

namespace {

TraceVariable int_var(std::string name) {
    return {std::move(name), SlotKind::Int, 0, 9, {}};
}

} // namespace

TEST_CASE("unit: group_variables joins consecutive array elements and keeps scalars apart") {
    const std::vector<TraceVariable> vars{
        int_var("flag[0]"), int_var("flag[1]"), int_var("flag[2]"),     int_var("turn"),
        int_var("p[0].x"),  int_var("p[1].x"),  int_var("p[0].buf[0]"), int_var("p[0].buf[1]"),
        int_var("odd[1]"),  int_var("flag[3]")};
    const std::vector<VariableGroup> g = group_variables(vars);
    REQUIRE(g.size() == 7);
    CHECK((g[0].name == "flag" && g[0].first == 0 && g[0].count == 3 && g[0].array));
    CHECK((g[1].name == "turn" && g[1].count == 1 && !g[1].array));
    // p[0].x and p[1].x are locals of two processes, not one array.
    CHECK((g[2].name == "p[0].x" && !g[2].array));
    CHECK((g[3].name == "p[1].x" && !g[3].array));
    CHECK((g[4].name == "p[0].buf" && g[4].first == 6 && g[4].count == 2 && g[4].array));
    // An element that does not start at index 0 stays on its own.
    CHECK((g[5].name == "odd[1]" && !g[5].array));
    // flag[3] is not next to flag[2], so it cannot join that group.
    CHECK((g[6].name == "flag[3]" && !g[6].array));
}

TEST_CASE("unit: format_value reads bools, enums, locations and ints like the trace format") {
    CHECK(format_value({"b", SlotKind::Bool, 0, 1, {}}, 1) == "true");
    CHECK(format_value({"b", SlotKind::Bool, 0, 1, {}}, 0) == "false");
    CHECK(format_value({"m", SlotKind::Enum, 0, 1, {"IDLE", "BUSY"}}, 1) == "BUSY");
    CHECK(format_value({"p.@", SlotKind::Location, 0, 1, {"idle", "cs"}}, 0) == "idle");
    CHECK(format_value({"n", SlotKind::Int, -3, 3, {}}, -2) == "-2");
    CHECK(format_value({"m", SlotKind::Enum, 0, 1, {"IDLE", "BUSY"}}, 7) == "7");
}

TEST_CASE("unit: location_owner names the process of a location slot only") {
    CHECK(location_owner({"opener[1].@", SlotKind::Location, 0, 0, {"idle"}}) == "opener[1]");
    CHECK(location_owner({"worker.@", SlotKind::Location, 0, 0, {"w"}}) == "worker");
    CHECK(location_owner({"worker.x", SlotKind::Int, 0, 1, {}}).empty());
    CHECK(location_owner({"@", SlotKind::Location, 0, 0, {"w"}}).empty());
}

TEST_CASE("unit: states before steps, the final state and each step's changes") {
    const Trace t = test::invariant_sample(); // p[0].enter then p[1].enter
    CHECK(&state_before(t, 0) == &t.initial);
    CHECK(&state_before(t, 2) == &t.steps[1].state);
    CHECK(&final_state(t) == &t.steps[1].state);
    // Slots: count, mode, done, p[0].@, p[1].@. Entering moves one process and adds one to count.
    CHECK(step_changes(t, 0) == std::vector<std::size_t>{0, 3});
    CHECK(step_changes(t, 1) == std::vector<std::size_t>{0, 4});
    CHECK(changed_variables({1, 2, 3}, {1, 5, 3}) == std::vector<std::size_t>{1});
}

TEST_CASE("unit: a failed last step changes nothing and the final state is the one before it") {
    const Trace t = test::assert_sample(); // p[1].enter, p[1].set(BUSY), p[1].check fails
    REQUIRE(t.steps.back().failed);
    CHECK(step_changes(t, 2).empty());
    CHECK(&final_state(t) == &t.steps[1].state);
}

TEST_CASE("unit: step labels, cycle membership and property titles") {
    const Trace t = test::lasso_sample(); // loop_start 1 of 3 steps
    CHECK(step_label(t.steps[0]) == "toss");
    TraceStep with_params;
    with_params.step = "ioctl";
    with_params.params = {"UNTIL_STOP", "2"};
    CHECK(step_label(with_params) == "ioctl(UNTIL_STOP, 2)");
    CHECK(!in_cycle(t, 0));
    CHECK(in_cycle(t, 1));
    CHECK(in_cycle(t, 2));
    CHECK(!in_cycle(test::invariant_sample(), 1));
    CHECK(property_title({"mutex", "invariant", {}, "", ""}) == "invariant mutex");
    CHECK(property_title({"deadlock", "deadlock", {}, "", ""}) == "deadlock");
    CHECK(property_title({"runtime_error", "runtime", {}, "", ""}) == "runtime error");
    CHECK(property_title({"p.check.assert1", "assert", {}, "", ""}) == "assert p.check.assert1");
}
