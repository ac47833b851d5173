#include "traces/trace_story.hpp"

#include <vector>

namespace ilv {

namespace {

/// The lines of `text`, without line ends.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        lines.push_back(text.substr(0, end));
        if (end == std::string_view::npos) {
            break;
        }
        text.remove_prefix(end + 1);
    }
    return lines;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

/// True for a `//` line that can describe a step; `text` gets it without the slashes.
bool comment_text(std::string_view line, std::string_view& text) {
    line = trim(line);
    if (line.substr(0, 2) != "//") {
        return false;
    }
    text = trim(line.substr(2));
    return text.substr(0, 2) != "--"; // `// ---- section` rulers describe no step
}

/// "x = old → new" for one variable, values formatted by kind.
std::string value_text(const TraceVariable& v, std::int64_t value) {
    if (v.kind == SlotKind::Bool) {
        return value != 0 ? "true" : "false";
    }
    const auto index = static_cast<std::size_t>(value - v.lower);
    if ((v.kind == SlotKind::Enum || v.kind == SlotKind::Location) && value >= v.lower &&
        index < v.labels.size()) {
        return v.labels[index];
    }
    return std::to_string(value);
}

/// The changes from `before` to `after`, leaving out `skip` (the acting process's location).
std::string changes(const Trace& t, const std::vector<std::int64_t>& before,
                    const std::vector<std::int64_t>& after, const std::string& skip) {
    std::string out;
    for (std::size_t k = 0; k < after.size() && k < before.size(); ++k) {
        if (before[k] == after[k] || t.variables[k].name == skip) {
            continue;
        }
        out += (out.empty() ? "" : ", ") + t.variables[k].name + " = " +
               value_text(t.variables[k], after[k]);
    }
    return out;
}

std::string step_title(const TraceStep& s) {
    std::string title = s.step;
    if (!s.params.empty()) {
        title += "(";
        for (std::size_t k = 0; k < s.params.size(); ++k) {
            title += (k == 0 ? "" : ", ") + s.params[k];
        }
        title += ")";
    }
    return title;
}

std::string header(const Trace& t, bool md) {
    std::string out = md ? "**" : "";
    out += t.property.kind + " '" + t.property.name + "'";
    out += md ? "**" : "";
    out += " of model " + t.model_name;
    for (const auto& [name, value] : t.defines) {
        out += " -D " + name + "=" + std::to_string(value);
    }
    out += ", " + std::to_string(t.steps.size()) + " steps";
    if (t.loop_start && *t.loop_start >= t.steps.size()) {
        out += ", then the run stops with no step enabled";
    } else if (t.loop_start) {
        out += " (a cycle from step " + std::to_string(*t.loop_start + 1) + ")";
    }
    if (!t.property.fairness.empty()) {
        out += t.property.fairness == "weak" ? ", under weak fairness" : ", without fairness";
    }
    return out + ".\n\n";
}

} // namespace

std::string comment_for_line(std::string_view source, std::uint32_t line) {
    const std::vector<std::string_view> lines = split_lines(source);
    if (line == 0 || line > lines.size()) {
        return "";
    }
    std::string_view text;
    std::size_t first = line - 1; // the comment block above is lines [first, line - 1)
    while (first > 0 && comment_text(lines[first - 1], text)) {
        --first;
    }
    std::string out;
    for (std::size_t k = first; k + 1 < line; ++k) {
        comment_text(lines[k], text);
        out += (out.empty() ? "" : " ") + std::string(text);
    }
    if (!out.empty()) {
        return out;
    }
    const std::string_view own = lines[line - 1];
    const std::size_t at = own.find("//");
    return at == std::string_view::npos ? "" : std::string(trim(own.substr(at + 2)));
}

std::string trace_story(const Trace& t, const StoryOptions& o) {
    std::string out = header(t, o.markdown);
    std::vector<std::int64_t> state = t.initial;
    for (std::size_t i = 0; i < t.steps.size(); ++i) {
        const TraceStep& s = t.steps[i];
        const bool new_run = i == 0 || t.steps[i - 1].process != s.process;
        const std::string who = s.process < t.processes.size() ? t.processes[s.process] : "?";
        if (t.loop_start && *t.loop_start == i) {
            out += o.markdown ? "\n*The cycle starts here and repeats forever:*\n\n"
                              : "-- the cycle starts here and repeats forever --\n";
        }
        if (new_run) {
            out += o.markdown ? "- **" + who + "**\n" : who + ":\n";
        }
        std::string line = std::to_string(i + 1) + ". " + step_title(s);
        const std::string comment = comment_for_line(o.source, s.where.begin.line);
        if (!comment.empty()) {
            line += ": " + comment;
        }
        if (s.failed) {
            line += " — FAILS: " + s.error;
        } else {
            const std::string changed = changes(t, state, s.state, who + ".@");
            if (!changed.empty()) {
                line += o.markdown ? " — `" + changed + "`" : " [" + changed + "]";
            }
            state = s.state;
        }
        out += (o.markdown ? "  " : "   ") + line + "\n";
    }
    out += o.markdown ? "\n" : "";
    out += "Then: " + t.property.message;
    if (t.property.where.begin.line != 0) {
        out += " (" + t.model_path + ":" + std::to_string(t.property.where.begin.line) + ")";
    }
    return out + ".\n";
}

} // namespace ilv
