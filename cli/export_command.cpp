#include "cli/export_command.hpp"

#include "cli/io_reason.hpp"
#include "explorer/exit_codes.hpp"
#include "model/promela_export.hpp"

#include <cerrno>
#include <fstream>
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
    errno = 0;
    std::ofstream out(options.output_path, std::ios::binary);
    const int open_error = errno;
    out << *result.promela;
    out.close();
    if (!out) {
        std::cerr << "interleave: cannot write " << options.output_path << io_reason(open_error)
                  << '\n';
        return exit_code::usage;
    }
    return exit_code::ok;
}

} // namespace ilv::cli
