#include "cli/export_command.hpp"

#include "explorer/exit_codes.hpp"
#include "model/promela_export.hpp"
#include "traces/atomic_file.hpp"

#include <iostream>

namespace ilv::cli {

int run_export_promela(const ExportOptions& options) {
    const PromelaResult result = export_promela_file(options.model_path, options.defines);
    std::cerr << result.rendered();
    if (!result.promela) {
        return exit_code::usage;
    }
    if (options.output_path.empty()) {
        std::cout << *result.promela;
        return std::cout.flush() ? exit_code::ok : exit_code::usage;
    }
    std::string error;
    if (!write_file_atomically(options.output_path, *result.promela, error)) {
        std::cerr << "interleave: " << error << '\n';
        return exit_code::usage;
    }
    return exit_code::ok;
}

} // namespace ilv::cli
