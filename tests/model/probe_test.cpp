// Probes: an invariant's sub-expressions compiled one by one and evaluated over a state.
#include "model/probe.hpp"

#include "model/parser.hpp"
#include "support/model_text.hpp"

#include <string>

#include <doctest/doctest.h>

using namespace ilv;

namespace {

const char* const lock_model = R"(model m;
const N = 3;
enum Mode { IDLE, BUSY };
var flag[N]: bool;
var turn: 0..N-1;
var mode: Mode;
process p[i in 0..N-1] {
  location idle, cs;
  step enter: idle -> cs { flag[i] = true; }
}
invariant mutex: (count k in 0..N-1: p[k] @ cs) <= 1;
invariant pointed: flag[turn] || mode == BUSY;
invariant dynamic: forall k in 0..turn: !flag[k];
)";

/// The model above with its probes for `invariant`.
ProbedModel probe(const std::string& invariant, const ProbeLimits& limits = {}) {
    Diagnostics diags;
    const ast::Model syntax = parse_model(lock_model, diags);
    ProbedModel probed = compile_with_probes(syntax, {}, invariant, diags, limits);
    REQUIRE_MESSAGE(probed.model, render_all(diags, "t.ilv", lock_model));
    return probed;
}

/// The text of a probe's sub-expression.
std::string text_of(const Probe& p) {
    const std::string text = lock_model;
    return text.substr(p.where.begin.offset, p.where.end.offset - p.where.begin.offset);
}

/// The state of `model` after the named slots are set, by name.
std::vector<Word> state_with(const CompiledModel& model,
                             const std::vector<std::pair<std::string, std::int64_t>>& values) {
    std::vector<Word> s = test::initial_state(model);
    for (const auto& [name, value] : values) {
        const auto& slots = model.layout().slots();
        for (SlotId id = 0; id < slots.size(); ++id) {
            if (slots[id].name == name) {
                model.layout().set(s, id, value);
            }
        }
    }
    return s;
}

std::int64_t value_of(const CompiledModel& model, const Probe& p, ConstStateView s) {
    std::int64_t v = -1;
    EvalError error;
    REQUIRE(model.evaluate(p.code, s, v, error));
    return v;
}

} // namespace

TEST_CASE("unit: probes of a count quantifier are the whole, the count and one body per k") {
    const ProbedModel probed = probe("mutex");
    // (count ...) <= 1; (count ...); p[k] @ cs for k = 0, 1, 2. The literal 1 is a constant.
    REQUIRE(probed.probes.size() == 5);
    const std::vector<Probe>& p = probed.probes;
    CHECK(text_of(p[0]) == "(count k in 0..N-1: p[k] @ cs) <= 1");
    CHECK(text_of(p[1]) == "(count k in 0..N-1: p[k] @ cs)"); // parentheses belong to it
    CHECK(p[1].type == ProbeType::Int);
    CHECK(p[1].parent == std::optional<std::size_t>(0));
    for (std::size_t k = 0; k < 3; ++k) {
        CAPTURE(k);
        CHECK(text_of(p[2 + k]) == "p[k] @ cs");
        CHECK(p[2 + k].depth == 2);
        CHECK(p[2 + k].parent == std::optional<std::size_t>(1));
        CHECK(p[2 + k].instance_of == ast::QuantifierKind::Count);
        CHECK(p[2 + k].bindings ==
              std::vector<std::pair<std::string, std::int64_t>>{{"k", std::int64_t(k)}});
    }
}

TEST_CASE("unit: probe values follow the state (two processes in cs break mutex)") {
    const ProbedModel probed = probe("mutex");
    const std::vector<Word> s = state_with(*probed.model, {{"p[0].@", 1}, {"p[2].@", 1}});
    const std::vector<std::int64_t> expected{0, 2, 1, 0, 1};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(value_of(*probed.model, probed.probes[i], s) == expected[i]);
    }
}

TEST_CASE("unit: an index expression is probed with its index, an enum with its labels") {
    const ProbedModel probed = probe("pointed");
    // flag[turn] || mode == BUSY; flag[turn]; turn; mode == BUSY; mode (BUSY is constant).
    REQUIRE(probed.probes.size() == 5);
    const std::vector<Probe>& p = probed.probes;
    CHECK(text_of(p[1]) == "flag[turn]");
    CHECK(text_of(p[2]) == "turn");
    CHECK(p[2].parent == std::optional<std::size_t>(1));
    CHECK(text_of(p[4]) == "mode");
    CHECK(p[4].type == ProbeType::Enum);
    CHECK(p[4].labels == std::vector<std::string>{"IDLE", "BUSY"});
    const std::vector<Word> s = state_with(*probed.model, {{"turn", 2}, {"flag[2]", 1}});
    CHECK(value_of(*probed.model, p[0], s) == 1);
    CHECK(value_of(*probed.model, p[2], s) == 2);
    CHECK(value_of(*probed.model, p[4], s) == 0);
}

TEST_CASE("unit: a quantifier with a bound that depends on the state is not expanded") {
    const ProbedModel probed = probe("dynamic");
    REQUIRE(probed.probes.size() == 1);
    CHECK(!probed.probes[0].instance_of.has_value());
}

TEST_CASE("unit: probe limits cap the depth and the number of quantifier instances") {
    ProbeLimits shallow;
    shallow.max_depth = 1;
    CHECK(probe("mutex", shallow).probes.size() == 2);
    ProbeLimits few;
    few.max_instances = 2;
    CHECK(probe("mutex", few).probes.size() == 4);
    ProbeLimits tiny;
    tiny.max_probes = 3;
    CHECK(probe("mutex", tiny).probes.size() == 3);
}

TEST_CASE("unit: an unknown invariant gives no probes but still the model") {
    const ProbedModel probed = probe("no_such_invariant");
    CHECK(probed.probes.empty());
    CHECK(probed.model->invariants().size() == 3);
}

TEST_CASE("unit: a model with errors gives neither model nor probes") {
    Diagnostics diags;
    const ast::Model syntax = parse_model("model m; invariant bad: 1 + true;", diags);
    const ProbedModel probed = compile_with_probes(syntax, {}, "bad", diags);
    CHECK(!probed.model);
    CHECK(probed.probes.empty());
    CHECK(diags.has_errors());
}
