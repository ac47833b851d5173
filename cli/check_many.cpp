#include "cli/check_many.hpp"

#include "cli/report.hpp"
#include "explorer/exit_codes.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include <nlohmann/json.hpp>

namespace ilv::cli {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

/// The `*.ilv` files below `dir`, sorted; an error when there are none or `dir` is unreadable.
std::vector<ModelInput> models_below(const std::string& dir) {
    std::vector<ModelInput> found;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".ilv") {
            found.push_back({it->path().generic_string(), ""});
        }
    }
    if (ec) {
        return {
            {dir, "interleave: " + dir + ": cannot read the directory: " + ec.message() + "\n"}};
    }
    if (found.empty()) {
        return {{dir, "interleave: " + dir + ": no .ilv model in this directory\n"}};
    }
    std::sort(found.begin(), found.end(),
              [](const ModelInput& a, const ModelInput& b) { return a.path < b.path; });
    return found;
}

/// The per-category totals of a run of several models.
Json totals(const std::vector<ModelRun>& runs) {
    std::size_t holds = 0, violated = 0, incomplete = 0, errors = 0;
    std::uint64_t states = 0, transitions = 0;
    for (const ModelRun& run : runs) {
        holds += run.exit_code == exit_code::ok ? 1 : 0;
        violated += run.exit_code == exit_code::violated ? 1 : 0;
        incomplete += run.exit_code == exit_code::incomplete ? 1 : 0;
        errors += run.exit_code == exit_code::usage || run.exit_code == exit_code::internal ? 1 : 0;
        if (run.report) {
            states += run.report->search.stats.states;
            transitions += run.report->search.stats.transitions;
        }
    }
    return Json{{"models", runs.size()},     {"holds", holds},   {"violated", violated},
                {"incomplete", incomplete},  {"errors", errors}, {"states", states},
                {"transitions", transitions}};
}

/// One model's object in the combined JSON: the single-model object plus its exit code, or
/// what went wrong.
Json model_json(const ModelRun& run) {
    if (!run.report) {
        return Json{{"path", run.path},
                    {"result", result_name(run.exit_code)},
                    {"exit_code", run.exit_code},
                    {"diagnostics", run.error}};
    }
    Json j = Json::parse(render_json(*run.report));
    j["exit_code"] = run.exit_code;
    return j;
}

} // namespace

std::vector<ModelInput> expand_inputs(const std::vector<std::string>& inputs) {
    std::vector<ModelInput> out;
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (!fs::is_directory(input, ec)) {
            out.push_back({input, ""});
            continue;
        }
        const std::vector<ModelInput> found = models_below(input);
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

bool is_multi_model(const std::vector<std::string>& inputs) {
    std::error_code ec;
    return inputs.size() > 1 || (inputs.size() == 1 && fs::is_directory(inputs.front(), ec));
}

std::string render_many_summary(const std::vector<ModelRun>& runs) {
    std::string out;
    for (const ModelRun& run : runs) {
        out += run.report ? render_summary(*run.report)
                          : "model " + run.path + ": not checked (" + result_name(run.exit_code) +
                                ", exit " + std::to_string(run.exit_code) + ")" +
                                (run.exit_code == exit_code::incomplete ? ": " + run.error
                                                                        : std::string("\n"));
        out += '\n';
    }
    const Json t = totals(runs);
    out += "total: " + std::to_string(runs.size()) + " models: " + t["holds"].dump() + " hold, " +
           t["violated"].dump() + " violated, " + t["incomplete"].dump() + " incomplete, " +
           t["errors"].dump() + " not checked; states " + t["states"].dump() + ", transitions " +
           t["transitions"].dump() + '\n';
    std::string result = result_name(worst_exit_code(runs));
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out + "result: " + result + '\n';
}

std::string render_many_json(const std::vector<ModelRun>& runs) {
    const int worst = worst_exit_code(runs);
    Json j{{"result", result_name(worst)}, {"exit_code", worst}, {"total", totals(runs)}};
    j["models"] = Json::array();
    for (const ModelRun& run : runs) {
        j["models"].push_back(model_json(run));
    }
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

} // namespace ilv::cli
