#include "model/load.hpp"

#include "model/parser.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace ilv {

LoadResult load_model_text(std::string text, std::string path, const Overrides& overrides) {
    LoadResult result;
    result.path = std::move(path);
    result.text = std::move(text);
    const ast::Model syntax = parse_model(result.text, result.diagnostics);
    if (result.diagnostics.has_errors()) {
        return result;
    }
    result.model = compile_model(syntax, overrides, result.diagnostics);
    return result;
}

LoadResult load_model_file(const std::string& path, const Overrides& overrides) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult result;
        result.path = path;
        result.diagnostics.error({}, code::cannot_read,
                                 "cannot read '" + path + "': " + std::strerror(errno));
        return result;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return load_model_text(buffer.str(), path, overrides);
}

} // namespace ilv
