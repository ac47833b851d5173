#include "properties/property.hpp"

namespace ilv {

std::string_view kind_name(PropertyKind k) noexcept {
    switch (k) {
    case PropertyKind::Invariant:
        return "invariant";
    case PropertyKind::Assert:
        return "assert";
    case PropertyKind::Runtime:
        return "runtime";
    case PropertyKind::Deadlock:
        return "deadlock";
    case PropertyKind::Liveness:
        return "liveness";
    }
    return "invariant";
}

std::string_view verdict_name(Verdict v) noexcept {
    switch (v) {
    case Verdict::Holds:
        return "holds";
    case Verdict::Violated:
        return "violated";
    case Verdict::Incomplete:
        return "incomplete";
    case Verdict::NotChecked:
        return "not_checked";
    }
    return "incomplete";
}

} // namespace ilv
