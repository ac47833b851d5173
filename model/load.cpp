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

bool read_model_source(const std::string& path, std::string& text, Diagnostics& diagnostics) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostics.error({}, code::cannot_read,
                          "cannot read '" + path + "': " + std::strerror(errno));
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    return true;
}

LoadResult load_model_file(const std::string& path, const Overrides& overrides) {
    LoadResult result;
    std::string text;
    if (!read_model_source(path, text, result.diagnostics)) {
        result.path = path;
        return result;
    }
    return load_model_text(std::move(text), path, overrides);
}

} // namespace ilv
