// The JUnit writer: one testsuite per model, one testcase per property, failures that name
// the trace and open its story, skipped reasons, load errors, escaping.
#include "cli/junit_report.hpp"

#include "sample_runs.hpp"

#include <doctest/doctest.h>

using namespace ilv;
using namespace ilv::cli;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("unit: story_excerpt keeps a short story whole") {
    CHECK(story_excerpt("a\nb\nc\n", 3) == "a\nb\nc\n");
    CHECK(story_excerpt("a\nb\nc\n", 5) == "a\nb\nc\n");
    CHECK(story_excerpt("", 5).empty());
}

TEST_CASE("unit: story_excerpt keeps the head and the conclusion of a long story") {
    CHECK(story_excerpt("h\n1\n2\n3\n4\nThen: end.\n", 2) ==
          "h\n1\n   [3 more lines]\nThen: end.\n");
    CHECK(story_excerpt("h\n1\nThen: end.", 2) == "h\n1\nThen: end.\n");
}

TEST_CASE("unit: JUnit counts tests, failures, errors and skipped per suite and in total") {
    const std::string xml = render_junit({test::checked_run(), test::broken_run()});
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", 0) == 0);
    CHECK(has(xml, "<testsuites name=\"interleave check\" tests=\"6\" failures=\"2\" errors=\"1\" "
                   "skipped=\"2\" time=\"0.250\">"));
    CHECK(has(xml, "<testsuite name=\"m\" tests=\"5\" failures=\"2\" errors=\"0\" skipped=\"2\" "
                   "time=\"0.250\" file=\"dir/m.ilv\">"));
    CHECK(has(xml, "<testsuite name=\"bad.ilv\" tests=\"1\" failures=\"0\" errors=\"1\" "
                   "skipped=\"0\" file=\"bad.ilv\">"));
}

TEST_CASE("unit: JUnit has one testcase per property, classname the model") {
    const std::string xml = render_junit({test::checked_run()});
    for (const char* name : {"mutex", "safe", "deadlock", "eventually", "quiet"}) {
        CHECK(has(xml, std::string("<testcase classname=\"m\" name=\"") + name + "\""));
    }
    CHECK(has(xml, "<testcase classname=\"m\" name=\"mutex\" file=\"dir/m.ilv\"/>"));
}

TEST_CASE("unit: a JUnit failure names the trace file and holds the story, escaped") {
    const std::string xml = render_junit({test::checked_run()});
    CHECK(has(xml, "<failure message=\"invariant &apos;safe&apos; violated after 2 steps: it went "
                   "&quot;wrong&quot; (trace traces/m.safe.trace.json)\" type=\"invariant\">"
                   "first line\nsecond line\nThen: the end.\n\ntrace: traces/m.safe.trace.json\n"
                   "the whole story: interleave explain traces/m.safe.trace.json\n</failure>"));
    CHECK(has(xml, "type=\"deadlock\">"));
}

TEST_CASE("unit: JUnit skips undecided properties with the reason, naming the limit") {
    const std::string xml = render_junit({test::checked_run()});
    CHECK(has(xml, "<skipped message=\"incomplete: the search ended early (state_limit) before "
                   "this property was decided\"/>"));
    CHECK(has(xml, "<skipped message=\"not checked: not selected"));
    CHECK(has(xml, "<property name=\"outcome\" value=\"state_limit\"/>"));
    CHECK(has(xml, "<system-out>search ended early: state_limit"));
}

TEST_CASE("unit: JUnit reports a model that did not load as an error with its diagnostics") {
    const std::string xml = render_junit({test::broken_run()});
    CHECK(has(xml, "<testcase classname=\"bad.ilv\" name=\"load\" file=\"bad.ilv\">\n      <error "
                   "message=\"bad.ilv:2:15: error: initial value 9 of &apos;x&apos; is out of "
                   "range 0..3 [E0403]\" type=\"E0403\">bad.ilv:2:15: error: initial value 9 of "
                   "&apos;x&apos; is out of range 0..3 [E0403]\n</error>"));
}

TEST_CASE("unit: a complete run's JUnit says nothing about ending early") {
    ModelRun run = test::checked_run();
    run.report->search.outcome = Outcome::Complete;
    const std::string xml = render_junit({run});
    CHECK_FALSE(has(xml, "system-out"));
    CHECK(has(xml, "incomplete: the property could not be decided"));
}
