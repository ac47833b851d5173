#include "traces/view_extras.hpp"

#include "model/parser.hpp"
#include "model/probe.hpp"
#include "traces/digest.hpp"
#include "traces/trace_view.hpp"

#include <fstream>
#include <sstream>

namespace ilv {

namespace {

/// The source text of `where`, with every run of white space turned into one space.
std::string expression_text(const std::string& text, const SourceRange& where) {
    std::string out;
    const std::size_t end = std::min<std::size_t>(where.end.offset, text.size());
    for (std::size_t i = where.begin.offset; i < end; ++i) {
        const char c = text[i];
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space) {
            out += c;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    if (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

/// "k = 1, j = 0".
std::string binding_text(const Probe& probe) {
    std::string out;
    for (const auto& [name, value] : probe.bindings) {
        out += (out.empty() ? "" : ", ") + name + " = " + std::to_string(value);
    }
    return out;
}

/// The probe's value shown as its type reads it.
std::string probe_value(const Probe& probe, std::int64_t value) {
    switch (probe.type) {
    case ProbeType::Bool:
        return value != 0 ? "true" : "false";
    case ProbeType::Enum:
        if (value >= 0 && static_cast<std::uint64_t>(value) < probe.labels.size()) {
            return probe.labels[static_cast<std::size_t>(value)];
        }
        break;
    case ProbeType::Int:
        break;
    }
    return std::to_string(value);
}

/// True when a quantifier instance with `value` decides the quantifier's value.
bool decides(ast::QuantifierKind kind, std::int64_t value) {
    return kind == ast::QuantifierKind::Forall ? value == 0 : value != 0;
}

/// True when the model's slots are the trace's variables, so trace states can be packed.
bool same_variables(const StateLayout& layout, const std::vector<TraceVariable>& variables) {
    const std::vector<Slot>& slots = layout.slots();
    if (slots.size() != variables.size()) {
        return false;
    }
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const TraceVariable& v = variables[i];
        if (slots[i].name != v.name || slots[i].kind != v.kind || slots[i].lower != v.lower ||
            slots[i].upper != v.upper || slots[i].labels != v.labels) {
            return false;
        }
    }
    return true;
}

/// Evaluates every probe in `state` and keeps the parts that explain the verdict.
void explain(const ProbedModel& probed, const std::string& text, ConstStateView state,
             ViewExtras& extras) {
    std::vector<bool> shown(probed.probes.size(), false);
    for (std::size_t i = 0; i < probed.probes.size(); ++i) {
        const Probe& probe = probed.probes[i];
        std::int64_t value = 0;
        EvalError error;
        const bool ok = probed.model->evaluate(probe.code, state, value, error);
        const bool parent_shown = !probe.parent || shown[*probe.parent];
        shown[i] =
            parent_shown && (!ok || !probe.instance_of || decides(*probe.instance_of, value));
        if (!shown[i]) {
            continue;
        }
        if (extras.explanation.size() == max_explained_parts) {
            ++extras.parts_left_out;
            continue;
        }
        extras.explanation.push_back(
            ExplainedPart{expression_text(text, probe.where), binding_text(probe),
                          ok ? probe_value(probe, value) : "error: " + error.message, probe.depth});
    }
}

/// Compiles the model with probes for the trace's invariant and explains the final state.
void add_explanation(const Trace& trace, const std::string& text, const std::string& path,
                     ViewExtras& extras) {
    Diagnostics diags;
    const ast::Model syntax = parse_model(text, diags);
    const Overrides overrides(trace.defines.begin(), trace.defines.end());
    const std::string invariant = trace.property.kind == "invariant" ? trace.property.name : "";
    const ProbedModel probed = diags.has_errors()
                                   ? ProbedModel{}
                                   : compile_with_probes(syntax, overrides, invariant, diags);
    if (!probed.model) {
        extras.notes.push_back("the model " + path +
                               " has errors, so the property's parts are not evaluated");
        return;
    }
    if (!same_variables(probed.model->layout(), trace.variables)) {
        extras.notes.push_back(
            "the variables of " + path +
            " differ from the trace's, so the property's parts are not evaluated");
        return;
    }
    if (probed.probes.empty()) {
        return;
    }
    std::vector<Word> state(probed.model->layout().words(), 0);
    if (probed.model->layout().pack(final_state(trace), state)) {
        explain(probed, text, state, extras);
    }
}

} // namespace

ViewExtras view_extras_from_text(const Trace& trace, std::string text, const std::string& path) {
    ViewExtras extras;
    const std::string digest = model_digest(text);
    if (digest != trace.model_digest) {
        extras.notes.push_back(
            "the model " + path + " changed since the trace was written (digest " + digest +
            ", trace " + trace.model_digest + "): no source and no values of the property's parts");
        return extras;
    }
    add_explanation(trace, text, path, extras);
    extras.model_text = std::move(text);
    return extras;
}

ViewExtras load_view_extras(const Trace& trace, const std::string& model_path) {
    const std::string path = model_path.empty() ? trace.model_path : model_path;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ViewExtras extras;
        extras.notes.push_back("cannot read the model " + path +
                               ": no source and no values of the property's parts");
        return extras;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return view_extras_from_text(trace, buffer.str(), path);
}

} // namespace ilv
