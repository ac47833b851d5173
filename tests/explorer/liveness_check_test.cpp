// Liveness verdicts of compiled models, recorded in the property set, and the explorer's batch
// lookup that the liveness pass relies on.
#include "explorer/liveness_check.hpp"

#include "support/explicit_graph.hpp"
#include "support/model_text.hpp"

#include <doctest/doctest.h>

namespace ilv {
namespace {

/// A waiter polls until a setter raises a flag (specs/examples/wait_for_flag.ilv, smaller).
constexpr const char* waiter_model = R"(model w;
var done: bool = false;
var x: 0..1 = 0;
process waiter {
  location spin, finished;
  end finished;
  step poll: spin -> spin when !done { }
  step exit: spin -> finished when done { }
}
process setter {
  location start, stopped;
  end stopped;
  step set: start -> stopped { done = true; }
}
invariant never_done: !done;
liveness finite_polls: finitely often waiter.poll;
liveness finishes: true leadsto waiter @ finished;
liveness divides: 1 / x == 1 leadsto done;
)";

/// The statuses after a search and the liveness passes.
struct Checked {
    std::vector<PropertyStatus> statuses;
    std::vector<std::string> warnings;
};

Checked check(const std::vector<std::string>& only, Fairness fairness, bool stop_first = false) {
    const LoadResult loaded = test::load(waiter_model);
    REQUIRE(loaded.model);
    const CompiledModel& model = *loaded.model;
    PropertySet properties(model, PropertySelection{only, true});
    Explorer explorer(model, {});
    Observer quiet;
    REQUIRE(explorer.run(quiet).outcome == Outcome::Complete);
    Checked out;
    out.warnings =
        check_liveness(model, explorer, properties, LivenessOptions{fairness, stop_first, {}});
    properties.finish(true);
    out.statuses = properties.statuses();
    return out;
}

const PropertyStatus& status(const Checked& c, const std::string& name) {
    for (const PropertyStatus& p : c.statuses) {
        if (p.name == name) {
            return p;
        }
    }
    FAIL("no property " << name);
    return c.statuses.front();
}

} // namespace

TEST_CASE("unit: liveness_check: weak fairness lets the waiter finish; no fairness does not") {
    const Checked weak = check({"finite_polls", "finishes"}, Fairness::Weak);
    CHECK(status(weak, "finite_polls").verdict == Verdict::Holds);
    CHECK(status(weak, "finishes").verdict == Verdict::Holds);
    CHECK(weak.warnings.empty());

    const Checked none = check({"finite_polls", "finishes"}, Fairness::None);
    const PropertyStatus& polls = status(none, "finite_polls");
    REQUIRE(polls.verdict == Verdict::Violated);
    REQUIRE(polls.violation.has_value());
    CHECK(polls.violation->loop_start == std::optional<std::size_t>{0});
    CHECK(polls.violation->lasso.size() == 1); // the poll self loop in the initial state
    CHECK(polls.violation->depth == 1);
    CHECK(polls.violation->message ==
          "a cycle of 1 step fires 'waiter.poll' forever from the initial state");
    CHECK(status(none, "finishes").violation->message ==
          "the premise holds in the initial state and the goal never does: a cycle of 1 step "
          "repeats forever from the initial state");
    // Not selected: not checked.
    CHECK(status(none, "divides").verdict == Verdict::NotChecked);
}

TEST_CASE("unit: liveness_check: a premise that cannot be evaluated makes the verdict incomplete") {
    const Checked c = check({"divides"}, Fairness::Weak);
    CHECK(status(c, "divides").verdict == Verdict::Incomplete);
    REQUIRE(c.warnings.size() == 1);
    CHECK(c.warnings[0].rfind("liveness 'divides' is incomplete: the premise of 'divides' cannot "
                              "be evaluated in some reachable state: ",
                              0) == 0);
}

TEST_CASE("unit: liveness_check: --stop-first leaves the properties after a violation open") {
    const Checked c = check({"never_done", "finite_polls", "finishes"}, Fairness::None, true);
    CHECK(status(c, "never_done").verdict == Verdict::Holds); // the search had no observer
    CHECK(status(c, "finite_polls").verdict == Verdict::Violated);
    CHECK(status(c, "finishes").verdict == Verdict::Incomplete);
}

TEST_CASE("unit: property_set: a selected liveness property keeps the search going") {
    const LoadResult loaded = test::load(waiter_model);
    REQUIRE(loaded.model);
    const std::vector<Word> initial = test::initial_state(*loaded.model);
    std::vector<Word> done = initial;
    loaded.model->layout().set(done, 0, 1);
    PropertySet safety(*loaded.model, PropertySelection{{"never_done"}, true});
    CHECK(safety.check_state(1, done, 1));
    CHECK(safety.nothing_left());
    PropertySet both(*loaded.model, PropertySelection{{"never_done", "finishes"}, true});
    CHECK(both.check_state(1, done, 1));
    CHECK_FALSE(both.nothing_left());
    CHECK(both.open_liveness() == std::vector<std::size_t>{1});
    both.finish(true); // a complete search does not decide liveness by itself
    CHECK(both.statuses().back().verdict == Verdict::NotChecked); // divides
    CHECK(both.open_liveness() == std::vector<std::size_t>{1});
}

TEST_CASE("unit: explorer: find_all maps a batch of states to ids, unknown ones to no_state") {
    const test::ExplicitGraphSystem sys(4, 1, {{0, 0, 1}, {1, 0, 2}});
    Explorer explorer(sys, {});
    Observer quiet;
    explorer.run(quiet);
    SuccessorBuffer batch(sys.layout().words());
    for (const std::int64_t node : {2, 3, 0}) {
        sys.layout().set(batch.push(0), 0, node);
    }
    std::vector<StateId> ids;
    explorer.find_all(batch, ids);
    CHECK(ids == std::vector<StateId>{2, no_state, 0});
}

} // namespace ilv
