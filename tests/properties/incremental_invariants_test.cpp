// Invariants are re-evaluated only after a step that writes what they read
// (PropertySet::check_successor). These models put the violating write where a too-narrow
// write set would miss it: behind a computed index, inside a fn, several steps after the
// last step that touched anything else the invariant reads.
#include "explorer/property_observer.hpp"
#include "explorer/search.hpp"
#include "properties/property_set.hpp"
#include "tests/support/model_text.hpp"

#include <string>

#include <doctest/doctest.h>

using namespace ilv;

namespace {

/// The verdict and counterexample depth of invariant `name` after a full search.
struct InvariantResult {
    Verdict verdict = Verdict::Incomplete;
    std::uint32_t depth = 0;
};

InvariantResult check(const std::string& text, const std::string& name, SearchOrder order,
                      unsigned threads = 1) {
    const LoadResult loaded = ilv::test::load(text);
    REQUIRE(loaded.model);
    PropertySet properties(*loaded.model, PropertySelection{{name}, false});
    PropertyObserver observer(properties, false);
    SearchOptions options;
    options.order = order;
    options.threads = threads;
    Explorer explorer(*loaded.model, options);
    const SearchResult r = explorer.run(observer);
    properties.finish(r.outcome == Outcome::Complete);
    for (const PropertyStatus& p : properties.statuses()) {
        if (p.name == name) {
            return {p.verdict, p.violation ? p.violation->depth : 0};
        }
    }
    FAIL("no property " << name);
    return {};
}

/// `walker` moves i from 0 to 3 without touching `a`; only then does `writer` store through
/// a computed index, which reaches a[2] when i is 2.
constexpr const char* computed_index = R"(model computed_index;
var a[4]: 0..1;
var i: 0..3;
fn mark(k: 0..3) { a[k] = 1; }
process walker {
  location w;
  end w;
  step next: w -> w when i < 3 { i = i + 1; }
}
process writer {
  location s, t;
  end s, t;
  step write: s -> t { mark(i); }
}
invariant a2_clear: a[2] == 0;
invariant i_small: i <= 3;
)";

} // namespace

TEST_CASE("incremental invariants: a write through a computed index is seen") {
    for (const SearchOrder order : {SearchOrder::Bfs, SearchOrder::Dfs}) {
        const InvariantResult o = check(computed_index, "a2_clear", order);
        CHECK(o.verdict == Verdict::Violated);
        if (order == SearchOrder::Bfs) {
            CHECK(o.depth == 3); // next, next, write: the shortest way
        }
    }
    const InvariantResult threaded = check(computed_index, "a2_clear", SearchOrder::Bfs, 2);
    CHECK(threaded.verdict == Verdict::Violated);
    CHECK(threaded.depth == 3);
}

TEST_CASE("incremental invariants: an invariant that no step can change keeps holding") {
    const InvariantResult o = check(computed_index, "i_small", SearchOrder::Bfs);
    CHECK(o.verdict == Verdict::Holds);
}
