#include "cli/model_run.hpp"

#include "explorer/exit_codes.hpp"

namespace ilv::cli {

int exit_code_rank(int code) noexcept {
    switch (code) {
    case exit_code::ok:
        return 0;
    case exit_code::incomplete:
        return 1;
    case exit_code::violated:
        return 2;
    case exit_code::usage:
        return 3;
    default:
        return 4;
    }
}

int worst_exit_code(const std::vector<ModelRun>& runs) noexcept {
    int worst = exit_code::ok;
    for (const ModelRun& run : runs) {
        if (exit_code_rank(run.exit_code) > exit_code_rank(worst)) {
            worst = run.exit_code;
        }
    }
    return worst;
}

std::string result_name(int code) {
    switch (code) {
    case exit_code::ok:
        return "holds";
    case exit_code::violated:
        return "violated";
    case exit_code::usage:
        return "error";
    case exit_code::incomplete:
        return "incomplete";
    default:
        return "internal_error";
    }
}

} // namespace ilv::cli
