// Runs `interleave` on one model file and compares the outcome with the `// expect:` lines
// in the file's header comments (docs/testing.md describes them). Exit 0 when all match.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

struct Run {
    int exit_code = -1;
    std::string out;
};

/// Runs a shell command, capturing stdout (stderr goes to `err_file`).
Run run(const std::string& command) {
    Run r;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return r;
    }
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) {
        r.out.append(buf.data(), n);
    }
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int failures = 0;

void fail(const std::string& what) {
    std::cerr << "MISMATCH: " << what << '\n';
    ++failures;
}

/// Checks `// expect-error: L:C CODE` lines against the diagnostics of a failing load.
void check_errors(const std::string& exe, const std::string& model,
                  const std::vector<std::string>& expected, const std::string& tmp) {
    const Run r = run(quote(exe) + " check " + quote(model) + " --trace-dir " + quote(tmp) +
                      " 2>&1");
    if (r.exit_code != 2) {
        fail("expected exit code 2 for a model with errors, got " + std::to_string(r.exit_code));
    }
    for (const std::string& e : expected) {
        std::istringstream is(e);
        std::string pos;
        std::string code;
        is >> pos >> code;
        const std::string needle = model + ":" + pos + ": error: ";
        const std::size_t at = r.out.find(needle);
        if (at == std::string::npos ||
            r.out.find("[" + code + "]", at) != r.out.find('\n', at) - code.size() - 2) {
            fail("no diagnostic " + code + " at " + pos);
        }
    }
    std::cout << r.out;
}

void check_run(const std::string& exe, const std::string& model, const std::string& options,
               const std::vector<std::string>& expects, const std::string& tmp) {
    const Run r =
        run(quote(exe) + " check " + quote(model) + options + " --json --trace-dir " + quote(tmp));
    std::cout << r.out;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(r.out);
    } catch (const std::exception& e) {
        fail(std::string("output is not JSON: ") + e.what());
        return;
    }
    const std::regex states_re(R"(states=(\d+))");
    const std::regex verdict_re(R"(^(\S+) (holds|violated|incomplete|not_checked)$)");
    const std::regex depth_re(R"(^depth (\S+) (\d+)$)");
    for (const std::string& e : expects) {
        std::smatch m;
        if (std::regex_search(e, m, states_re)) {
            if (j["states"].get<std::uint64_t>() != std::stoull(m[1])) {
                fail("states: expected " + m[1].str() + ", got " + j["states"].dump());
            }
            continue;
        }
        const bool is_verdict = std::regex_match(e, m, verdict_re);
        const bool is_depth = !is_verdict && std::regex_match(e, m, depth_re);
        if (!is_verdict && !is_depth) {
            fail("unreadable expectation: " + e);
            continue;
        }
        bool found = false;
        for (const auto& p : j["properties"]) {
            if (p["name"] != m[1].str()) {
                continue;
            }
            found = true;
            if (is_verdict && p["verdict"] != m[2].str()) {
                fail(m[1].str() + ": expected " + m[2].str() + ", got " + p["verdict"].dump());
            }
            if (is_depth && (!p.contains("steps") || p["steps"].get<std::uint64_t>() != std::stoull(m[2]))) {
                fail(m[1].str() + ": expected a " + m[2].str() + "-step counterexample");
            }
            if (p["verdict"] == "violated" && !p["trace"].is_null()) {
                const Run replay = run(quote(exe) + " replay " + quote(p["trace"].get<std::string>()) + " 2>&1");
                if (replay.exit_code != 0) {
                    fail("replay of " + p["trace"].get<std::string>() + ": " + replay.out);
                }
            }
        }
        if (!found) {
            fail("no property named " + m[1].str());
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: corpus_runner INTERLEAVE MODEL.ilv\n";
        return 2;
    }
    const std::string exe = argv[1];
    const std::string model = argv[2];
    const std::string text = read_file(model);
    const std::filesystem::path tmp = std::filesystem::temp_directory_path() /
                                      ("ilv-corpus-" + std::filesystem::path(model).stem().string() +
                                       "-" + std::to_string(::getpid()));
    std::vector<std::string> expects;
    std::vector<std::string> errors;
    std::vector<std::pair<std::string, std::vector<std::string>>> variants; // options, expectations
    std::istringstream lines(text);
    // Options: `-D NAME=VALUE` or a long option with its value attached (`--fairness=none`).
    const std::regex with_re(R"(^// expect-with:((?:\s+(?:-D\s+\S+|--\S+))+)\s+(.*)$)");
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (line.rfind("// expect: ", 0) == 0) {
            expects.push_back(line.substr(11));
        } else if (line.rfind("// expect-error: ", 0) == 0) {
            errors.push_back(line.substr(17));
        } else if (std::regex_match(line, m, with_re)) {
            // lines with the same options share one run
            auto it = std::find_if(variants.begin(), variants.end(),
                                   [&](const auto& v) { return v.first == m[1].str(); });
            if (it == variants.end()) {
                variants.emplace_back(m[1].str(), std::vector<std::string>{});
                it = variants.end() - 1;
            }
            it->second.push_back(m[2].str());
        }
    }
    if (expects.empty() && errors.empty()) {
        std::cerr << model << ": no expect lines\n";
        return 2;
    }
    if (!errors.empty()) {
        check_errors(exe, model, errors, tmp.string());
    } else {
        check_run(exe, model, "", expects, tmp.string());
    }
    for (const auto& [options, expectations] : variants) {
        check_run(exe, model, options, expectations, tmp.string());
    }
    std::filesystem::remove_all(tmp);
    if (failures > 0) {
        std::cerr << model << ": " << failures << " mismatch(es)\n";
        return 1;
    }
    return 0;
}
