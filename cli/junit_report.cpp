#include "cli/junit_report.hpp"

#include "cli/xml_text.hpp"

#include <algorithm>
#include <cstdio>

namespace ilv::cli {

namespace {

/// ` name="value"` with the value escaped.
std::string attr(std::string_view name, std::string_view value) {
    return " " + std::string(name) + "=\"" + xml_escape(value, true) + "\"";
}

std::string attr(std::string_view name, std::size_t value) {
    return attr(name, std::to_string(value));
}

/// Seconds with millisecond precision, the unit JUnit readers expect.
std::string seconds_text(double seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", seconds);
    return buf;
}

/// The counts of one testsuite.
struct Counts {
    std::size_t tests = 0;
    std::size_t failures = 0;
    std::size_t errors = 0;
    std::size_t skipped = 0;
    double seconds = 0;
};

Counts count(const ModelRun& run) {
    Counts c;
    if (!run.report) {
        c.tests = c.errors = 1;
        return c;
    }
    for (const PropertyReport& p : run.report->properties) {
        ++c.tests;
        c.failures += p.status.verdict == Verdict::Violated ? 1 : 0;
        const bool undecided =
            p.status.verdict == Verdict::Incomplete || p.status.verdict == Verdict::NotChecked;
        c.skipped += undecided ? 1 : 0;
    }
    c.seconds = run.report->search.stats.seconds + run.report->liveness_seconds;
    return c;
}

std::string count_attrs(const Counts& c) {
    return attr("tests", c.tests) + attr("failures", c.failures) + attr("errors", c.errors) +
           attr("skipped", c.skipped);
}

/// Why a property was not decided, for its `skipped` element.
std::string skip_reason(const CheckReport& r, const PropertyStatus& s) {
    if (s.verdict == Verdict::NotChecked) {
        return "not checked: not selected (--property, --no-deadlock)";
    }
    if (r.search.outcome == Outcome::Stopped) {
        return "incomplete: the search stopped at another violation (--stop-first)";
    }
    if (r.search.outcome != Outcome::Complete) {
        return "incomplete: the search ended early (" + outcome_name(r.search.outcome) +
               ") before this property was decided";
    }
    return "incomplete: the property could not be decided (see the warnings of the run)";
}

/// The `failure` element of a violated property.
std::string failure(const PropertyReport& p) {
    const Violation& v = *p.status.violation;
    const std::string trace =
        p.trace_path.empty() ? std::string("no trace written") : "trace " + p.trace_path;
    const std::string message =
        std::string(kind_name(p.status.kind)) + " '" + p.status.name + "' violated after " +
        std::to_string(v.depth + (v.failure ? 1 : 0)) + " steps: " + v.message + " (" + trace + ")";
    std::string body = story_excerpt(p.story, junit_story_lines);
    if (!p.trace_path.empty()) {
        body += "\ntrace: " + p.trace_path + "\nthe whole story: interleave explain " +
                p.trace_path + "\n";
    }
    return "      <failure" + attr("message", message) +
           attr("type", std::string(kind_name(p.status.kind))) + ">" + xml_escape(body, false) +
           "</failure>\n";
}

std::string testcase(const ModelRun& run, const PropertyReport& p) {
    const CheckReport& r = *run.report;
    const std::string open = "    <testcase" + attr("classname", r.model_name) +
                             attr("name", p.status.name) + attr("file", run.path);
    switch (p.status.verdict) {
    case Verdict::Holds:
        return open + "/>\n";
    case Verdict::Violated:
        return open + ">\n" + (p.status.violation ? failure(p) : std::string()) +
               "    </testcase>\n";
    case Verdict::Incomplete:
    case Verdict::NotChecked:
        break;
    }
    return open + ">\n      <skipped" + attr("message", skip_reason(r, p.status)) +
           "/>\n    </testcase>\n";
}

std::string property(std::string_view name, std::string_view value) {
    return "      <property" + attr("name", name) + attr("value", value) + "/>\n";
}

/// The `properties` of a checked model's testsuite: what was run and how far it got.
std::string suite_properties(const ModelRun& run) {
    const CheckReport& r = *run.report;
    std::string out = "    <properties>\n" + property("path", run.path) +
                      property("outcome", outcome_name(r.search.outcome)) +
                      property("states", std::to_string(r.search.stats.states)) +
                      property("transitions", std::to_string(r.search.stats.transitions));
    for (const auto& [name, value] : r.defines) {
        out += property("define." + name, std::to_string(value));
    }
    return out + "    </properties>\n";
}

std::string checked_suite(const ModelRun& run) {
    const CheckReport& r = *run.report;
    std::string out = "  <testsuite" + attr("name", r.model_name) + count_attrs(count(run)) +
                      attr("time", seconds_text(count(run).seconds)) + attr("file", run.path) +
                      ">\n" + suite_properties(run);
    for (const PropertyReport& p : r.properties) {
        out += testcase(run, p);
    }
    if (r.search.outcome != Outcome::Complete && r.search.outcome != Outcome::Stopped) {
        out += "    <system-out>" +
               xml_escape("search ended early: " + outcome_name(r.search.outcome) +
                              " (the state space was not explored completely)\n",
                          false) +
               "</system-out>\n";
    }
    if (!run.error.empty()) {
        out += "    <system-err>" + xml_escape(run.error, false) + "</system-err>\n";
    }
    return out + "  </testsuite>\n";
}

/// The testsuite of a model that could not be checked: one `load` testcase in error.
std::string error_suite(const ModelRun& run) {
    std::string code = "usage";
    for (const Diagnostic& d : run.diagnostics) {
        if (d.severity == Severity::Error) {
            code = d.code;
            break;
        }
    }
    const std::string first_line = run.error.substr(0, run.error.find('\n'));
    return "  <testsuite" + attr("name", run.path) + count_attrs(count(run)) +
           attr("file", run.path) + ">\n    <testcase" + attr("classname", run.path) +
           attr("name", "load") + attr("file", run.path) + ">\n      <error" +
           attr("message", first_line) + attr("type", code) + ">" + xml_escape(run.error, false) +
           "</error>\n    </testcase>\n  </testsuite>\n";
}

} // namespace

std::string story_excerpt(const std::string& story, std::size_t head) {
    std::string out;
    std::size_t pos = 0;
    std::size_t lines = 0;
    while (pos < story.size() && lines < head) {
        const std::size_t end = story.find('\n', pos);
        const std::size_t next = end == std::string::npos ? story.size() : end + 1;
        out += story.substr(pos, next - pos);
        pos = next;
        ++lines;
    }
    std::string rest = story.substr(pos);
    while (!rest.empty() && rest.back() == '\n') {
        rest.pop_back();
    }
    if (rest.empty()) {
        return out;
    }
    const std::size_t last = rest.rfind('\n');
    const std::size_t left_out =
        static_cast<std::size_t>(std::count(rest.begin(), rest.end(), '\n'));
    if (left_out > 0) {
        out += "   [" + std::to_string(left_out) + " more lines]\n";
    }
    return out + rest.substr(last == std::string::npos ? 0 : last + 1) + "\n";
}

std::string render_junit(const std::vector<ModelRun>& runs) {
    Counts total;
    std::string suites;
    for (const ModelRun& run : runs) {
        const Counts c = count(run);
        total.tests += c.tests;
        total.failures += c.failures;
        total.errors += c.errors;
        total.skipped += c.skipped;
        total.seconds += c.seconds;
        suites += run.report ? checked_suite(run) : error_suite(run);
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites" +
           attr("name", "interleave check") + count_attrs(total) +
           attr("time", seconds_text(total.seconds)) + ">\n" + suites + "</testsuites>\n";
}

} // namespace ilv::cli
