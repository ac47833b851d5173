#include "cli/coverage_report.hpp"

#include <algorithm>

namespace ilv::cli {

namespace {

std::string pad_right(std::string s, std::size_t width) {
    if (s.size() < width) {
        s.append(width - s.size(), ' ');
    }
    return s;
}

std::string pad_left(const std::string& s, std::size_t width) {
    return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

/// One line per step: name, fired, new states (and failures when there were some).
std::string step_table(const Coverage& c) {
    std::size_t width = 4;
    for (const StepCoverage& s : c.steps) {
        width = std::max(width, s.name.size() + 2);
    }
    std::string out =
        "  " + pad_right("step", width) + pad_left("fired", 12) + pad_left("new states", 12) + '\n';
    for (const StepCoverage& s : c.steps) {
        out += "  " + pad_right(s.name, width) + pad_left(std::to_string(s.fired), 12) +
               pad_left(std::to_string(s.new_states), 12);
        if (s.failures != 0) {
            out += "  (failed " + std::to_string(s.failures) + ")";
        }
        out += '\n';
    }
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

} // namespace

std::string render_coverage_text(const Coverage& c, bool partial) {
    std::string out = partial ? "coverage (partial: the search did not explore every state, so "
                                "steps and locations may still be reachable):\n"
                              : "coverage:\n";
    out += step_table(c);
    const std::vector<std::string> dead = c.dead_steps();
    out += (partial ? "steps not fired so far: " : "dead steps: ") +
           (dead.empty() ? std::string("none") : joined(dead)) + '\n';
    if (c.unreached_count() == 0) {
        out += (partial ? "locations not reached so far: " : "unreached locations: ") +
               std::string("none\n");
    }
    for (const UnreachedLocations& p : c.locations) {
        if (!p.locations.empty()) {
            out += (partial ? "locations not reached so far in " : "unreached locations of ") +
                   p.process + ": " + joined(p.locations) + '\n';
        }
    }
    return out;
}

nlohmann::ordered_json coverage_json(const Coverage& c, bool partial) {
    nlohmann::ordered_json j;
    j["partial"] = partial;
    j["steps"] = nlohmann::ordered_json::array();
    for (const StepCoverage& s : c.steps) {
        nlohmann::ordered_json e;
        e["name"] = s.name;
        e["process"] = s.process;
        e["step"] = s.step;
        e["fired"] = s.fired;
        e["new_states"] = s.new_states;
        e["failures"] = s.failures;
        j["steps"].push_back(std::move(e));
    }
    j["dead_steps"] = c.dead_steps();
    j["unreached_locations"] = nlohmann::ordered_json::object();
    for (const UnreachedLocations& p : c.locations) {
        j["unreached_locations"][p.process] = p.locations;
    }
    return j;
}

} // namespace ilv::cli
