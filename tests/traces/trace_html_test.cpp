// The HTML view's page and data: self-contained, safe to embed, states as per-step changes.
#include "traces/trace_html.hpp"

#include "tests/traces/sample_traces.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace ilv;
using Json = nlohmann::json;

namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("unit: the page data holds each step's changes as variable, value pairs") {
    const Trace t = test::invariant_sample(); // p[0].enter then p[1].enter
    const Json data = Json::parse(trace_view_json(t, {}));
    // Slots: count, mode, done, p[0].@, p[1].@. Entering adds one to count and moves the process.
    CHECK(data["steps"][0]["changes"] == Json::array({0, 1, 3, 1}));
    CHECK(data["steps"][1]["changes"] == Json::array({0, 2, 4, 1}));
    CHECK(data["steps"][0]["label"] == "enter");
    CHECK(data["initial"] == Json::array({0, 0, 0, 0, 0}));
    CHECK(data["variables"][3]["process"] == 0);
    CHECK(data["variables"][4]["process"] == 1);
    CHECK(!data["variables"][0].contains("process"));
    CHECK(data["loop_start"].is_null());
    CHECK(data["extras"]["source"].is_null());
}

TEST_CASE("unit: the page data marks a lasso and a failed step") {
    CHECK(Json::parse(trace_view_json(test::lasso_sample(), {}))["loop_start"] == 1);
    const Json failed = Json::parse(trace_view_json(test::assert_sample(), {}))["steps"][2];
    CHECK(failed["failed"] == true);
    CHECK(failed["error_line"] == 31);
    CHECK(failed["changes"].empty());
}

TEST_CASE("unit: the page is self-contained and model text cannot end its script") {
    ViewExtras extras;
    extras.model_text = "model m; // </script><script>alert(1)</script> <!-- /*ILV:JS*/\n";
    const std::string page = render_trace_html(test::invariant_sample(), extras);
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    // Two script elements of the template (data and code), none from the model text.
    CHECK(occurrences(page, "</script>") == 2);
    CHECK(occurrences(page, "<script") == 2);
    CHECK(page.find("<!-- /*") == std::string::npos);
    CHECK(page.find("\\u003c/script>") != std::string::npos);
    CHECK(page.find("http://") == std::string::npos);
    CHECK(page.find("https://") == std::string::npos);
    CHECK(page.find("ILV:DATA") == std::string::npos);
    CHECK(page.find("<title>toy: invariant mutex</title>") != std::string::npos);
}

TEST_CASE("unit: the page data survives a round trip through its embedding") {
    ViewExtras extras;
    extras.model_text = "a < b && c > d \"quoted\" ü\n";
    const std::string page = render_trace_html(test::invariant_sample(), extras);
    const std::string open = "<script type=\"application/json\" id=\"trace-data\">";
    const std::size_t from = page.find(open) + open.size();
    const std::size_t to = page.find("</script>", from);
    const Json data = Json::parse(page.substr(from, to - from));
    CHECK(data["extras"]["source"] == extras.model_text);
}
