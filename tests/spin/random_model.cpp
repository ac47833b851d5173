// A seeded generator of random `.ilv` models for differential testing against SPIN
// (tests/spin/random_differential.sh). `random_model SEED` prints one model: constants, an
// enum, global scalars and arrays, process families and single processes with locals, steps
// with parameters, guards and effects (assignments, if/else, for loops, fn calls, asserts),
// fns calling earlier fns, `@` tests, other processes' locals, quantifiers and invariants.
// Models are small (at most a few thousand states) and may contain runtime errors on purpose.
// The same seed always gives the same model (the generator draws only from its own PRNG).
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

namespace {

/// splitmix64: tiny, fully specified, identical on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// A value in 0..n-1.
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    /// True with probability percent/100.
    bool chance(int percent) { return below(100) < percent; }

private:
    std::uint64_t state_;
};

enum class Kind { Bool, Int, Enum };

/// A variable (or frame name) visible somewhere, with its type and size.
struct Var {
    std::string name;
    Kind kind = Kind::Int;
    int lo = 0;
    int hi = 0;
    int length = 0; ///< 0 scalar
};

struct Process {
    std::string name;
    bool family = false;
    std::string index;
    int count = 1;
    std::vector<Var> locals;
    std::vector<std::string> locations;
};

class Generator {
public:
    explicit Generator(std::uint64_t seed) : rng_(seed), seed_(seed) {}
    std::string model();

private:
    std::string int_expr(int depth);
    std::string bool_expr(int depth);
    std::string int_leaf();
    std::string bool_leaf();
    std::string read(const Var& v);
    std::string index_for(int length);
    std::string remote();
    std::string statement(int depth, bool in_fn);
    std::string assignment();
    std::string block(int depth, bool in_fn, int n);
    std::string step(const Process& p, int k);
    std::string fn(int k);
    std::string process(const Process& p);
    void declare_globals(std::string& out);
    void declare_processes();
    std::string fresh(const char* prefix) { return prefix + std::to_string(fresh_++); }

    Rng rng_;
    std::uint64_t seed_;
    int fresh_ = 0;
    std::vector<std::string> members_;
    std::vector<Var> globals_;
    std::vector<Process> procs_;
    std::vector<std::string> fns_;
    std::vector<int> fn_params_;
    // What the expression being written may use.
    const Process* proc_ = nullptr;
    std::vector<Var> frame_;
    bool in_fn_ = false;
};

std::string Generator::index_for(int length) {
    if (!frame_.empty() && rng_.chance(30)) {
        const Var& f = frame_[static_cast<std::size_t>(rng_.below(static_cast<int>(frame_.size())))];
        if (f.kind == Kind::Int && f.lo >= 0 && f.hi < length) {
            return f.name;
        }
    }
    if (rng_.chance(12)) {
        for (const Var& g : globals_) {
            if (g.kind == Kind::Int && g.length == 0) {
                return g.name; // may be out of bounds: a runtime error
            }
        }
    }
    return std::to_string(rng_.below(length));
}

std::string Generator::read(const Var& v) {
    return v.length == 0 ? v.name : v.name + "[" + index_for(v.length) + "]";
}

std::string Generator::remote() {
    const Process& p = procs_[static_cast<std::size_t>(rng_.below(static_cast<int>(procs_.size())))];
    const std::string who = p.family ? p.name + "[" + index_for(p.count) + "]" : p.name;
    if (p.locals.empty() || rng_.chance(50)) {
        return who + " @ " + p.locations[static_cast<std::size_t>(rng_.below(static_cast<int>(p.locations.size())))];
    }
    const Var& v = p.locals[static_cast<std::size_t>(rng_.below(static_cast<int>(p.locals.size())))];
    const std::string value = who + "." + v.name + (v.length > 0 ? "[" + index_for(v.length) + "]" : "");
    if (v.kind != Kind::Bool) {
        return "(" + value + (v.kind == Kind::Enum ? " == " + members_[0] : " > 0") + ")";
    }
    return value;
}

std::string Generator::int_leaf() {
    std::vector<const Var*> pool;
    for (const auto* list : {&globals_, &frame_}) {
        for (const Var& v : *list) {
            if (v.kind == Kind::Int) {
                pool.push_back(&v);
            }
        }
    }
    if (proc_ != nullptr && !in_fn_) {
        for (const Var& v : proc_->locals) {
            if (v.kind == Kind::Int) {
                pool.push_back(&v);
            }
        }
    }
    if (proc_ != nullptr && proc_->family && !in_fn_ && rng_.chance(15)) {
        return proc_->index;
    }
    if (pool.empty() || rng_.chance(30)) {
        return rng_.chance(20) ? "K" : std::to_string(rng_.below(3));
    }
    return read(*pool[static_cast<std::size_t>(rng_.below(static_cast<int>(pool.size())))]);
}

std::string Generator::int_expr(int depth) {
    if (depth <= 0 || rng_.chance(40)) {
        return int_leaf();
    }
    switch (rng_.below(6)) {
    case 0: return "(" + int_expr(depth - 1) + " + " + int_expr(depth - 1) + ")";
    case 1: return "(" + int_expr(depth - 1) + " - " + int_leaf() + ")";
    case 2: return "(" + int_expr(depth - 1) + " * " + int_leaf() + ")";
    case 3: return "(" + int_expr(depth - 1) + (rng_.chance(50) ? " / " : " % ") +
                   (rng_.chance(93) ? std::to_string(2 + rng_.below(2)) : int_leaf()) + ")";
    case 4: return "(" + bool_expr(depth - 1) + " ? " + int_leaf() + " : " + int_leaf() + ")";
    default: {
        const std::string q = fresh("q");
        frame_.push_back({q, Kind::Int, 0, 1, 0});
        const std::string body = bool_expr(depth - 1);
        frame_.pop_back();
        return "(count " + q + " in 0.." + (rng_.chance(50) ? "1" : "K") + ": " + body + ")";
    }
    }
}

std::string Generator::bool_leaf() {
    std::vector<const Var*> pool;
    for (const Var& v : globals_) {
        if (v.kind != Kind::Int) {
            pool.push_back(&v);
        }
    }
    if (!procs_.empty() && rng_.chance(20)) {
        return remote();
    }
    if (pool.empty() || rng_.chance(40)) {
        const char* ops[] = {" < ", " <= ", " == ", " != ", " > "};
        return "(" + int_expr(1) + ops[rng_.below(5)] + int_leaf() + ")";
    }
    const Var& v = *pool[static_cast<std::size_t>(rng_.below(static_cast<int>(pool.size())))];
    if (v.kind == Kind::Enum) {
        return "(" + read(v) + " == " + members_[static_cast<std::size_t>(rng_.below(static_cast<int>(members_.size())))] + ")";
    }
    return read(v);
}

std::string Generator::bool_expr(int depth) {
    if (depth <= 0 || rng_.chance(35)) {
        return bool_leaf();
    }
    switch (rng_.below(5)) {
    case 0: return "(" + bool_expr(depth - 1) + " && " + bool_expr(depth - 1) + ")";
    case 1: return "(" + bool_expr(depth - 1) + " || " + bool_expr(depth - 1) + ")";
    case 2: return "!(" + bool_leaf() + ")";
    case 3: return "(" + bool_expr(depth - 1) + " -> " + bool_expr(depth - 1) + ")";
    default: {
        const std::string q = fresh("q");
        frame_.push_back({q, Kind::Int, 0, 2, 0});
        const std::string body = bool_expr(depth - 1);
        frame_.pop_back();
        return std::string("(") + (rng_.chance(50) ? "forall " : "exists ") + q + " in 0..2: " +
               body + ")";
    }
    }
}

std::string Generator::assignment() {
    std::vector<const Var*> pool;
    for (const Var& v : globals_) {
        pool.push_back(&v);
    }
    if (proc_ != nullptr && !in_fn_) {
        for (const Var& v : proc_->locals) {
            pool.push_back(&v);
        }
    }
    const Var& v = *pool[static_cast<std::size_t>(rng_.below(static_cast<int>(pool.size())))];
    const std::string target = (v.length == 0 && proc_ != nullptr && !in_fn_ && rng_.chance(10) &&
                                &v >= proc_->locals.data() &&
                                &v < proc_->locals.data() + proc_->locals.size())
                                   ? "self." + v.name
                                   : read(v);
    switch (v.kind) {
    case Kind::Bool: return target + " = " + bool_expr(2) + ";";
    case Kind::Enum: return target + " = " + members_[static_cast<std::size_t>(rng_.below(static_cast<int>(members_.size())))] + ";";
    default: break;
    }
    if (rng_.chance(88)) { // always in range: ((e % w) + w) % w + lo
        const std::string w = std::to_string(v.hi - v.lo + 1);
        return target + " = ((" + int_expr(1) + " + 1) % " + w + " + " + w + ") % " + w +
               (v.lo != 0 ? " + " + std::to_string(v.lo) : "") + ";";
    }
    return target + " = " + int_expr(2) + ";";
}

std::string Generator::statement(int depth, bool in_fn) {
    const int pick = rng_.below(100);
    if (depth > 0 && pick < 15) {
        return "if (" + bool_expr(2) + ") { " + block(depth - 1, in_fn, 1 + rng_.below(2)) + " }" +
               (rng_.chance(50) ? " else { " + block(depth - 1, in_fn, 1) + " }" : "");
    }
    if (depth > 0 && pick < 25) {
        const std::string k = fresh("k");
        const std::string hi = rng_.chance(70) ? "1" : int_leaf();
        frame_.push_back({k, Kind::Int, 0, 1, 0});
        const std::string body = block(depth - 1, in_fn, 1);
        frame_.pop_back();
        return "for " + k + " in 0.." + hi + " { " + body + " }";
    }
    if (pick < 35 && !fns_.empty()) {
        const auto f = static_cast<std::size_t>(rng_.below(static_cast<int>(fns_.size())));
        std::string args;
        for (int a = 0; a < fn_params_[f]; ++a) {
            args += (a == 0 ? "" : ", ") + (rng_.chance(80) ? std::to_string(rng_.below(3)) : int_leaf());
        }
        return fns_[f] + "(" + args + ");";
    }
    if (pick < 39) {
        return "assert(" + bool_expr(1) + ", \"random\");";
    }
    return assignment();
}

std::string Generator::block(int depth, bool in_fn, int n) {
    std::string out;
    for (int k = 0; k < n; ++k) {
        out += (k == 0 ? "" : " ") + statement(depth, in_fn);
    }
    return out;
}

} // namespace

namespace {

/// A random variable declaration `name: type` (with `length` elements when > 0).
Var random_var(Rng& rng, std::string name, bool has_enum, int member_count) {
    Var v{std::move(name), Kind::Int, 0, 1 + rng.below(3), rng.chance(25) ? 2 + rng.below(2) : 0};
    const int pick = rng.below(100);
    if (pick < 30) {
        v.kind = Kind::Bool;
        v.hi = 1;
    } else if (pick < 50 && has_enum) {
        v.kind = Kind::Enum;
        v.hi = member_count - 1;
    } else if (rng.chance(20)) {
        v.lo = -1;
    }
    return v;
}

std::string type_text(const Var& v, const std::string& enum_name) {
    switch (v.kind) {
    case Kind::Bool: return "bool";
    case Kind::Enum: return enum_name;
    default: return std::to_string(v.lo) + ".." + std::to_string(v.hi);
    }
}

} // namespace

void Generator::declare_globals(std::string& out) {
    out += "const K = " + std::to_string(1 + rng_.below(2)) + ";\n";
    const bool has_enum = rng_.chance(60);
    if (has_enum) {
        const char* names[] = {"RED", rng_.chance(30) ? "skip" : "GREEN", "BLUE"};
        const int n = 2 + rng_.below(2);
        out += "enum Color {";
        for (int k = 0; k < n; ++k) {
            members_.emplace_back(names[k]);
            out += std::string(k == 0 ? " " : ", ") + names[k];
        }
        out += " };\n";
    }
    const int n = 2 + rng_.below(3);
    for (int k = 0; k < n; ++k) {
        Var v = random_var(rng_, k == 0 && rng_.chance(25) ? "len" : fresh("g"), has_enum,
                           static_cast<int>(members_.size()));
        out += "var " + v.name + (v.length > 0 ? "[" + std::to_string(v.length) + "]" : "") +
               ": " + type_text(v, "Color") + ";\n";
        globals_.push_back(v);
    }
}

void Generator::declare_processes() {
    const int n = 1 + rng_.below(3);
    for (int k = 0; k < n; ++k) {
        Process p;
        p.name = "P" + std::to_string(k);
        p.family = rng_.chance(60);
        p.count = p.family ? 1 + rng_.below(n == 1 ? 3 : 2) : 1;
        p.index = fresh("i");
        const int locals = rng_.below(3);
        for (int l = 0; l < locals; ++l) {
            p.locals.push_back(random_var(rng_, l == 0 && rng_.chance(20) ? "pid" : "v" + std::to_string(l),
                                          !members_.empty(), static_cast<int>(members_.size())));
        }
        const int locations = 1 + rng_.below(3);
        for (int l = 0; l < locations; ++l) {
            p.locations.push_back("L" + std::to_string(l));
        }
        procs_.push_back(p);
    }
}

std::string Generator::fn(int k) {
    const std::string name = "f" + std::to_string(k);
    const int params = rng_.below(3);
    std::string out = "fn " + name + "(";
    in_fn_ = true;
    for (int a = 0; a < params; ++a) {
        const std::string p = fresh("a");
        frame_.push_back({p, Kind::Int, 0, 2, 0});
        out += (a == 0 ? "" : ", ") + p + ": 0..2";
    }
    out += ") { " + block(1, true, 1 + rng_.below(2)) + " }\n";
    frame_.clear();
    in_fn_ = false;
    fns_.push_back(name);
    fn_params_.push_back(params);
    return out;
}

std::string Generator::step(const Process& p, int k) {
    auto loc = [&] { return p.locations[static_cast<std::size_t>(rng_.below(static_cast<int>(p.locations.size())))]; };
    const std::string from = p.locations[static_cast<std::size_t>(k) % p.locations.size()];
    std::string params;
    const int n = rng_.chance(55) ? 1 + (rng_.chance(20) ? 1 : 0) : 0;
    for (int a = 0; a < n; ++a) {
        Var v{fresh("c"), Kind::Int, 0, 1, 0};
        std::string type = "0..1";
        if (rng_.chance(30) && !members_.empty()) {
            v.kind = Kind::Enum;
            v.hi = static_cast<int>(members_.size()) - 1;
            type = "Color";
        } else if (rng_.chance(30)) {
            v.kind = Kind::Bool;
            type = "bool";
        }
        frame_.push_back(v);
        params += (a == 0 ? "(" : ", ") + v.name + " in " + type + (a + 1 == n ? ")" : "");
    }
    std::string out = "  step s" + std::to_string(k) + params + ": " + from + " -> " + loc();
    if (rng_.chance(45)) {
        out += " when " + bool_expr(1);
    }
    out += " { " + block(2, false, 1 + rng_.below(3)) + " }\n";
    frame_.clear();
    return out;
}

std::string Generator::process(const Process& p) {
    proc_ = &p;
    std::string out = "process " + p.name +
                      (p.family ? "[" + p.index + " in 0.." + std::to_string(p.count - 1) + "]" : "") +
                      " {\n";
    for (const Var& v : p.locals) {
        out += "  var " + v.name + (v.length > 0 ? "[" + std::to_string(v.length) + "]" : "") + ": " +
               type_text(v, "Color") + ";\n";
    }
    out += "  location";
    for (std::size_t l = 0; l < p.locations.size(); ++l) {
        out += (l == 0 ? " " : ", ") + p.locations[l];
    }
    out += ";\n";
    std::string ends;
    for (const std::string& l : p.locations) {
        if (rng_.chance(40)) {
            ends += (ends.empty() ? "  end " : ", ") + l;
        }
    }
    out += ends.empty() ? "" : ends + ";\n";
    const int steps = static_cast<int>(p.locations.size()) + rng_.below(2);
    for (int k = 0; k < steps; ++k) {
        out += step(p, k);
    }
    proc_ = nullptr;
    return out + "}\n";
}

std::string Generator::model() {
    std::string out = "model random_" + std::to_string(seed_) + ";\n// generated by random_model " +
                      std::to_string(seed_) + "\n";
    declare_globals(out);
    declare_processes();
    const int fns = rng_.below(3);
    for (int k = 0; k < fns; ++k) {
        out += fn(k);
    }
    for (const Process& p : procs_) {
        out += process(p);
    }
    const int invariants = rng_.below(3);
    for (int k = 0; k < invariants; ++k) {
        out += "invariant inv" + std::to_string(k) + ": " + bool_expr(2) + ";\n";
    }
    return out;
}

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: random_model SEED\n";
        return 2;
    }
    Generator g(std::stoull(argv[1]));
    std::cout << g.model();
    return 0;
}
