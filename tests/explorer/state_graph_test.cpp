// The state graph for drawing: exploration with a cap, and its DOT form.
#include "explorer/state_graph.hpp"

#include "explorer/state_graph_dot.hpp"
#include "tests/support/explicit_graph.hpp"

#include <sstream>

#include <doctest/doctest.h>

using namespace ilv;

TEST_CASE("unit: the state graph has every reachable state and every transition") {
    // 0 -a0-> 1, 0 -a1-> 2, 1 -a0-> 2, 2 -a0-> 0; state 3 is unreachable; no deadlock.
    const test::ExplicitGraphSystem sys(4, 2,
                                        {{0, 0, 1}, {0, 1, 2}, {1, 0, 2}, {2, 0, 0}, {3, 0, 0}});
    const StateGraph g = explore_state_graph(sys, 100);
    CHECK(g.complete);
    REQUIRE(g.states.size() == 3);
    CHECK(g.states[0] == std::vector<std::int64_t>{0});
    CHECK(g.edges.size() == 4);
    CHECK(std::count(g.expanded.begin(), g.expanded.end(), true) == 3);
    CHECK(std::count(g.deadlock.begin(), g.deadlock.end(), true) == 0);
}

TEST_CASE("unit: the state graph flags deadlocks and failing steps") {
    // 0 -a0-> 1 (stuck, not an end); a1 fails in state 0.
    const test::ExplicitGraphSystem sys(2, 2, {{0, 0, 1}, {0, 1, -1}});
    const StateGraph g = explore_state_graph(sys, 100);
    REQUIRE(g.states.size() == 2);
    CHECK(g.failing[0]);
    CHECK(!g.failing[1]);
    CHECK(!g.deadlock[0]);
    CHECK(g.deadlock[1]);
}

TEST_CASE("unit: the state cap leaves a partial graph with unexpanded states") {
    // A chain 0 -> 1 -> ... -> 9.
    std::vector<test::Edge> chain;
    for (std::int64_t i = 0; i < 9; ++i) {
        chain.push_back({i, 0, i + 1});
    }
    const test::ExplicitGraphSystem sys(10, 1, chain);
    const StateGraph g = explore_state_graph(sys, 4);
    CHECK(!g.complete);
    CHECK(g.states.size() == 4);
    CHECK(!g.expanded.back());
    CHECK(g.expanded.front());
}

TEST_CASE("unit: dot_quote escapes quotes and backslashes and left-aligns lines") {
    CHECK(dot_quote("say \"hi\"\\n") == "say \\\"hi\\\"\\\\n");
    CHECK(dot_quote("a = 1\nb = 2\n") == "a = 1\\lb = 2\\l");
}

TEST_CASE("unit: write_dot writes every node and edge with its styles") {
    std::vector<DotNode> nodes(3);
    nodes[0].label = "x = 0\n";
    nodes[0].initial = true;
    nodes[1].label = "x = 1\n";
    nodes[1].highlighted = true;
    nodes[2].label = "x = 2\n";
    nodes[2].bad = true;
    nodes[2].frontier = true;
    const std::vector<DotEdge> edges{{0, 1, "p.go", true}, {1, 2, "q.go", false}};
    std::ostringstream out;
    write_dot(out, "m: 3 states", nodes, edges);
    const std::string dot = out.str();
    CHECK(dot.rfind("digraph G {", 0) == 0);
    CHECK(dot.find("label=\"m: 3 states\"") != std::string::npos);
    CHECK(dot.find("0[label=\"x = 0\\l\", peripheries=2]") != std::string::npos);
    CHECK(dot.find("1[label=\"x = 1\\l\", color=\"#cf222e\", penwidth=2.5]") != std::string::npos);
    CHECK(
        dot.find("2[label=\"x = 2\\l\", style=\"rounded,filled,dashed\", fillcolor=\"#ffd7d5\"]") !=
        std::string::npos);
    CHECK(
        dot.find("0->1 [label=\"p.go\", color=\"#cf222e\", fontcolor=\"#cf222e\", penwidth=2.5]") !=
        std::string::npos);
    CHECK(dot.find("1->2 [label=\"q.go\"]") != std::string::npos);
}
