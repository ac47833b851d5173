#include "traces/trace_text.hpp"

#include "traces/text_canvas.hpp"
#include "traces/trace_view.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace ilv {

namespace {

using text::StyledLine;

constexpr text::Sgr dim = "2";
constexpr text::Sgr bold = "1";
constexpr text::Sgr failure = "1;31";
constexpr text::Sgr old_value = "31";
constexpr text::Sgr new_value = "32";
constexpr text::Sgr cycle_style = "1;35";
constexpr std::array<text::Sgr, 6> lane_styles{"1;36", "1;33", "1;32", "1;35", "1;34", "1;91"};

constexpr std::size_t min_width = 40;
constexpr std::size_t min_lane = 9;
constexpr std::size_t max_lane = 18;
constexpr std::size_t min_details = 24;
constexpr std::size_t max_state_lines = 6;
constexpr std::size_t max_array_shown = 16;

/// Columns of the step view: gutter (cycle mark, step number), lanes, details.
struct Columns {
    std::size_t width = 0;
    std::size_t gutter = 0; ///< width of the cycle mark and step number
    std::size_t lane = 0;   ///< width of one lane
    std::size_t lanes = 0;  ///< lanes drawn: one per process, or 1 in compact mode
    bool compact = false;   ///< too many processes for lanes: one column names the process

    [[nodiscard]] std::size_t details() const { return gutter + lane * lanes; }
};

/// The widest lane text: process names, step labels and locations, plus a space.
std::size_t widest_lane_text(const Trace& trace) {
    std::size_t widest = 0;
    for (const std::string& p : trace.processes) {
        widest = std::max(widest, text::display_width(p));
    }
    for (const TraceStep& s : trace.steps) {
        widest = std::max(widest, text::display_width(step_label(s)) + (s.failed ? 2 : 0));
    }
    for (const TraceVariable& v : trace.variables) {
        for (const std::string& label :
             v.kind == SlotKind::Location ? v.labels : std::vector<std::string>{}) {
            widest = std::max(widest, text::display_width(label) + 2);
        }
    }
    return widest + 1;
}

Columns plan_columns(const Trace& trace, std::size_t width) {
    Columns c;
    c.width = std::max(width, min_width);
    c.gutter = 3 + std::to_string(std::max<std::size_t>(trace.steps.size(), 1)).size();
    const std::size_t room = c.width - c.gutter - min_details;
    const std::size_t processes = std::max<std::size_t>(trace.processes.size(), 1);
    c.lane = std::min({max_lane, std::max(min_lane, widest_lane_text(trace)), room / processes});
    c.lanes = processes;
    if (c.lane < min_lane) {
        c.compact = true;
        c.lanes = 1;
        c.lane = std::min<std::size_t>(32, room);
    }
    return c;
}

/// The value of a whole group: `true`, or `[false, true, false]` for an array.
std::string group_value(const Trace& trace, const VariableGroup& g,
                        const std::vector<std::int64_t>& state) {
    if (!g.array) {
        return format_value(trace.variables[g.first], state[g.first]);
    }
    std::string out = "[";
    for (std::size_t i = 0; i < g.count && i < max_array_shown; ++i) {
        out +=
            (i == 0 ? "" : ", ") + format_value(trace.variables[g.first + i], state[g.first + i]);
    }
    if (g.count > max_array_shown) {
        out += ", … " + std::to_string(g.count - max_array_shown) + " more";
    }
    return out + "]";
}

/// Draws one trace as text.
class TextRenderer {
public:
    TextRenderer(const Trace& trace, const ViewExtras& extras, const TextViewOptions& options)
        : trace_(trace),
          extras_(extras),
          color_(options.color),
          cols_(plan_columns(trace, options.width)) {
        for (std::size_t i = 0; i < trace.variables.size(); ++i) {
            const std::string owner = location_owner(trace.variables[i]);
            const auto p = std::find(trace.processes.begin(), trace.processes.end(), owner);
            location_of_.push_back(p == trace.processes.end()
                                       ? std::nullopt
                                       : std::optional<std::size_t>(p - trace.processes.begin()));
        }
    }

    std::string render() {
        header();
        initial_state();
        lane_header();
        for (std::size_t k = 0; k < trace_.steps.size(); ++k) {
            if (trace_.loop_start == k) {
                cycle_edge(true);
            }
            step(k);
        }
        if (trace_.loop_start && !stops_at_end(trace_)) {
            cycle_edge(false);
        }
        property();
        return out_;
    }

private:
    void emit(const StyledLine& line) { out_ += line.render(color_) + "\n"; }

    /// Emits `text` wrapped to the full width with `indent` spaces before each line.
    void paragraph(const std::string& body, std::size_t indent, text::Sgr sgr = {}) {
        for (const std::string& l : text::wrap(body, cols_.width - indent)) {
            emit(StyledLine().add(std::string(indent, ' ')).add(l, sgr));
        }
    }

    [[nodiscard]] text::Sgr lane_style(std::size_t process) const {
        return lane_styles[process % lane_styles.size()];
    }

    void header() {
        const std::string steps =
            std::to_string(trace_.steps.size()) + (trace_.steps.size() == 1 ? " step" : " steps");
        std::string what = " violated after " + steps;
        if (stops_at_end(trace_)) {
            what = " violated: the run stops after " + steps + " and stays in its final state";
        } else if (trace_.loop_start) {
            what = " violated: steps " + std::to_string(*trace_.loop_start + 1) + " to " +
                   std::to_string(trace_.steps.size()) + " repeat forever";
        }
        for (const std::string& l : text::wrap(
                 trace_.model_name + ": " + property_title(trace_.property) + what, cols_.width)) {
            emit(StyledLine().add(l, failure));
        }
        paragraph(trace_.property.message, 2);
        std::string model = "model " + trace_.model_path;
        for (const auto& [name, value] : trace_.defines) {
            model += " -D " + name + "=" + std::to_string(value);
        }
        paragraph(model, 2, dim);
        for (const std::string& note : extras_.notes) {
            paragraph("note: " + note, 2, "33");
        }
        emit(StyledLine());
    }

    /// The initial state without the locations, which the lane header shows.
    void initial_state() {
        std::vector<std::string> items;
        for (const VariableGroup& g : group_variables(trace_.variables)) {
            if (!cols_.compact && !g.array && location_of_[g.first]) {
                continue;
            }
            const std::string owner = location_owner(trace_.variables[g.first]);
            items.push_back(owner.empty() ? g.name + " = " + group_value(trace_, g, trace_.initial)
                                          : owner + " @ " + group_value(trace_, g, trace_.initial));
        }
        if (items.empty()) {
            return;
        }
        emit(StyledLine().add("initial state", bold));
        std::vector<std::string> lines{""};
        for (const std::string& item : items) {
            const std::string sep = lines.back().empty() ? "" : "   ";
            if (!lines.back().empty() &&
                text::display_width(lines.back() + sep + item) > cols_.width - 2) {
                lines.emplace_back();
            }
            lines.back() += (lines.back().empty() ? "" : sep) + item;
        }
        for (std::size_t i = 0; i < lines.size() && i < max_state_lines; ++i) {
            emit(StyledLine().add("  ").add(text::fit(lines[i], cols_.width - 2)));
        }
        if (lines.size() > max_state_lines) {
            paragraph("… " + std::to_string(lines.size() - max_state_lines) + " more lines", 2,
                      dim);
        }
        emit(StyledLine());
    }

    void lane_header() {
        StyledLine names;
        StyledLine places;
        names.add("#", dim);
        names.pad_to(cols_.gutter);
        places.pad_to(cols_.gutter);
        if (cols_.compact) {
            names.add("process.step", dim);
        }
        for (std::size_t p = 0; !cols_.compact && p < trace_.processes.size(); ++p) {
            names.pad_to(cols_.gutter + p * cols_.lane);
            names.add(text::fit(trace_.processes[p], cols_.lane - 1), lane_style(p));
            places.pad_to(cols_.gutter + p * cols_.lane);
            places.add(text::fit("@" + initial_location(p), cols_.lane - 1), dim);
        }
        names.pad_to(cols_.details()).add("source, changes", dim);
        emit(names);
        if (!cols_.compact) {
            emit(places);
        }
    }

    [[nodiscard]] std::string initial_location(std::size_t process) const {
        for (std::size_t i = 0; i < location_of_.size(); ++i) {
            if (location_of_[i] == process) {
                return format_value(trace_.variables[i], trace_.initial[i]);
            }
        }
        return "";
    }

    /// Gutter and lanes of one line; `cell` replaces the lane bar of `acting`.
    StyledLine lanes(std::optional<std::size_t> number, bool cycle,
                     std::optional<std::size_t> acting, const std::string& cell,
                     text::Sgr cell_style) const {
        StyledLine line;
        line.add(cycle ? "┃" : " ", cycle_style);
        if (number) {
            const std::string n = std::to_string(*number);
            line.pad_to(cols_.gutter - 1 - n.size()).add(n, bold);
        }
        for (std::size_t p = 0; p < cols_.lanes; ++p) {
            line.pad_to(cols_.gutter + p * cols_.lane);
            const bool here = acting && (cols_.compact || *acting == p);
            if (here && !cell.empty()) {
                line.add(text::fit(cell, cols_.lane - 1), cell_style);
            } else if (!cols_.compact) {
                line.add("│", dim);
            }
        }
        return line.pad_to(cols_.details());
    }

    void cycle_edge(bool opening) {
        const std::size_t first = *trace_.loop_start + 1;
        const std::string body = opening
                                     ? "cycle: steps " + std::to_string(first) + " to " +
                                           std::to_string(trace_.steps.size()) + " repeat forever"
                                     : "back to the state before step " + std::to_string(first);
        StyledLine out;
        out.add(opening ? "╭" : "╰", cycle_style);
        out.add(std::string(cols_.gutter - 1, ' '));
        for (std::size_t p = 0; p < cols_.lanes && !cols_.compact; ++p) {
            out.pad_to(cols_.gutter + p * cols_.lane).add("│", dim);
        }
        out.pad_to(cols_.details())
            .add(text::fit(body, cols_.width - cols_.details()), cycle_style);
        emit(out);
    }

    void step(std::size_t k) {
        const TraceStep& s = trace_.steps[k];
        const bool cycle = in_cycle(trace_, k);
        const std::string label =
            cols_.compact ? trace_.processes[s.process] + "." + step_label(s) : step_label(s);
        StyledLine row = lanes(k + 1, cycle, s.process, label + (s.failed ? " ✗" : ""),
                               s.failed ? failure : lane_style(s.process));
        if (s.where.begin.line != 0) {
            row.add("line " + std::to_string(s.where.begin.line), dim);
        }
        emit(row);
        std::string moved;
        std::vector<StyledLine> details;
        describe_changes(k, moved, details);
        const std::size_t rows = std::max<std::size_t>(moved.empty() ? 0 : 1, details.size());
        for (std::size_t r = 0; r < rows; ++r) {
            StyledLine line =
                lanes(std::nullopt, cycle, s.process, r == 0 ? moved : "", lane_style(s.process));
            if (r < details.size()) {
                line.append(details[r]);
            }
            emit(line);
        }
    }

    /// Fills `moved` ("→ cs", when the acting process changed location) and the detail lines:
    /// one per changed variable (`flag[1]: false → true`), wrapped when too long.
    void describe_changes(std::size_t k, std::string& moved,
                          std::vector<StyledLine>& details) const {
        const TraceStep& s = trace_.steps[k];
        const std::size_t room = cols_.width - cols_.details();
        if (s.failed) {
            const std::string at = s.error_where.begin.line != 0
                                       ? " (line " + std::to_string(s.error_where.begin.line) + ")"
                                       : "";
            for (const std::string& l : text::wrap(s.error + at, room)) {
                details.push_back(StyledLine().add(l, failure));
            }
            return;
        }
        const std::vector<std::int64_t>& before = state_before(trace_, k);
        for (const std::size_t i : step_changes(trace_, k)) {
            const TraceVariable& v = trace_.variables[i];
            if (location_of_[i] == s.process) {
                moved = "→ " + format_value(v, s.state[i]);
                continue;
            }
            const std::string owner = location_owner(v);
            const std::string name = owner.empty() ? v.name + ": " : owner + " @ ";
            const std::string was = format_value(v, before[i]);
            const std::string now = format_value(v, s.state[i]);
            if (text::display_width(name + was + " → " + now) <= room) {
                details.push_back(
                    StyledLine().add(name).add(was, old_value).add(" → ").add(now, new_value));
                continue;
            }
            for (const std::string& l : text::wrap(name + was + " → " + now, room)) {
                details.push_back(StyledLine().add(l));
            }
        }
    }

    void property() {
        emit(StyledLine().add(std::string(cols_.width, '-'), dim));
        std::string title = "✗ " + property_title(trace_.property);
        if (trace_.property.where.begin.line != 0) {
            title += " (line " + std::to_string(trace_.property.where.begin.line) + ")";
        }
        paragraph(title, 0, failure);
        if (!extras_.explanation.empty()) {
            explanation();
        } else if (trace_.property.kind == "deadlock") {
            final_locations();
        } else if (stops_at_end(trace_)) {
            paragraph("no step is enabled after the last step: the run stays there forever", 2,
                      cycle_style);
        } else if (trace_.loop_start) {
            paragraph("the steps between the ╭ and ╰ marks repeat forever", 2, cycle_style);
        }
    }

    void explanation() {
        paragraph("why, in the final state:", 2);
        std::size_t value_width = 0;
        std::size_t text_width = 0;
        for (const ExplainedPart& part : extras_.explanation) {
            value_width = std::max(value_width, text::display_width(part.value));
            text_width =
                std::max(text_width, 4 + 2 * part.depth + text::display_width(body_of(part)));
        }
        value_width = std::min(value_width, cols_.width / 3);
        const std::size_t available = cols_.width - value_width - 2;
        const std::size_t text_room = std::min(text_width, available);
        for (const ExplainedPart& part : extras_.explanation) {
            const std::size_t indent = std::min<std::size_t>(4 + 2 * part.depth, available / 2);
            StyledLine line;
            line.add(std::string(indent, ' '));
            line.add(text::fit(body_of(part), text_room - indent));
            line.pad_to(text_room + 2);
            const text::Sgr sgr =
                part.value == "false" || part.value.rfind("error", 0) == 0 ? old_value : new_value;
            line.add(text::fit(part.value, value_width), sgr);
            emit(line);
        }
        if (extras_.parts_left_out != 0) {
            paragraph("… " + std::to_string(extras_.parts_left_out) + " more parts", 4, dim);
        }
    }

    static std::string body_of(const ExplainedPart& part) {
        return part.binding.empty() ? part.expression : "[" + part.binding + "] " + part.expression;
    }

    void final_locations() {
        std::string where = "the processes are at:";
        const std::vector<std::int64_t>& last = final_state(trace_);
        for (std::size_t i = 0; i < location_of_.size(); ++i) {
            if (location_of_[i]) {
                where += " " + trace_.processes[*location_of_[i]] + " @ " +
                         format_value(trace_.variables[i], last[i]) + ",";
            }
        }
        where.pop_back();
        paragraph(where, 2);
    }

    const Trace& trace_;
    const ViewExtras& extras_;
    bool color_;
    Columns cols_;
    std::vector<std::optional<std::size_t>> location_of_; ///< by variable: the process it locates
    std::string out_;
};

} // namespace

std::string render_trace_text(const Trace& trace, const ViewExtras& extras,
                              const TextViewOptions& options) {
    return TextRenderer(trace, extras, options).render();
}

} // namespace ilv
