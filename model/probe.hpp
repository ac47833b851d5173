#pragma once
/// \file
/// Probes: the sub-expressions of an invariant compiled one by one, so that a counterexample
/// viewer can say why the invariant fails in a state (`count k in 0..N-1: p[k] @ cs` is 2, and
/// which `k` count). The compiled model keeps no syntax tree, so probes are compiled together
/// with the model from its syntax tree.

#include "model/ast.hpp"
#include "model/bytecode.hpp"
#include "model/compiled_model.hpp"
#include "model/compiler.hpp"
#include "model/diagnostics.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ilv {

/// How a probe's value is shown.
enum class ProbeType { Bool, Int, Enum };

/// One sub-expression of an invariant, compiled on its own over the state.
struct Probe {
    SourceRange where;       ///< the sub-expression in the model text
    std::uint32_t depth = 0; ///< 0 for the whole invariant, one more per level below
    /// The probe this one is a part of (none for the whole invariant); always an earlier one.
    std::optional<std::size_t> parent;
    /// Set when this probe is a quantifier's body for one value of its variable: which
    /// quantifier, so a viewer can keep the instances that decide its value.
    std::optional<ast::QuantifierKind> instance_of;
    /// Quantifier variables fixed for this probe, outermost first (`{"k", 1}`).
    std::vector<std::pair<std::string, std::int64_t>> bindings;
    ProbeType type = ProbeType::Bool;
    std::vector<std::string> labels; ///< Enum only: the member names, by value
    Code code;                       ///< evaluate with `CompiledModel::evaluate`
};

/// Bounds on how many probes one invariant yields.
struct ProbeLimits {
    std::size_t max_probes = 256;    ///< probes in all
    std::uint32_t max_depth = 4;     ///< deepest level below the whole invariant
    std::int64_t max_instances = 64; ///< values of one quantifier variable expanded
};

/// A compiled model with the probes of one invariant.
struct ProbedModel {
    std::unique_ptr<CompiledModel> model; ///< null when the model has errors
    std::vector<Probe> probes; ///< empty when the model has no such invariant; else probes[0] is it
};

/// Compiles `syntax` exactly as `compile_model` does and, when it has an invariant named
/// `invariant`, probes for it: the whole expression, then depth first each operand that is not
/// a constant (index expressions included), and for a quantifier whose bounds are constant, its
/// body once per value of the variable (up to the limits). Errors go to `diags`.
[[nodiscard]] ProbedModel compile_with_probes(const ast::Model& syntax, const Overrides& overrides,
                                              const std::string& invariant, Diagnostics& diags,
                                              const ProbeLimits& limits = {});

} // namespace ilv
