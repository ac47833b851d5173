#pragma once
/// \file
/// `check --sarif FILE`: the run as a SARIF 2.1.0 log, which code-review tools (GitHub code
/// scanning, GitLab, editors) show as annotations on the model's source. All models of the
/// run share ONE SARIF run (one tool invocation, several files), because code scanning
/// accepts one run per tool and category. Each violated property is an `error` result at the
/// property's declaration with the counterexample as a `codeFlow` whose locations are the
/// steps' source lines; each undecided property is an `open` result (level `none`, as SARIF
/// requires for that kind); front-end errors are results named by their code; a model whose
/// search ended early gets a warning notification and makes the run property `incomplete`
/// true. The log carries no timing, so it is byte-identical across runs.

#include "cli/model_run.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ilv::cli {

/// `path` as a URI reference: a relative path stays relative (resolved against the checkout
/// by code scanning), an absolute one becomes a `file://` URI; bytes other than letters,
/// digits, `-._~/` are percent-encoded.
[[nodiscard]] std::string path_uri(std::string_view path);

/// The whole SARIF 2.1.0 log for `runs`, in their order.
[[nodiscard]] std::string render_sarif(const std::vector<ModelRun>& runs);

} // namespace ilv::cli
