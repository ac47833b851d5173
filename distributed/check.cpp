#include "distributed/check.hpp"

#include "model/invariant.hpp"

#include <algorithm>

namespace ilv::dist {

Violation rederive_violation(const CompiledModel& model, const PropertyStatus& p, ConstStateView s,
                             std::uint32_t depth) {
    PropertySet one(model, PropertySelection{{p.name}, true});
    switch (p.kind) {
    case PropertyKind::Invariant:
        one.check_state(no_state, s, depth);
        break;
    case PropertyKind::Deadlock:
        one.record_deadlock(no_state, depth);
        break;
    default: {
        SuccessorBuffer successors(model.layout().words());
        FailureBuffer failures;
        model.successors(s, successors, failures);
        for (const StepFailure& f : failures) {
            if (one.record_failure(no_state, f, depth)) {
                break;
            }
        }
    }
    }
    const auto& all = one.statuses();
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const PropertyStatus& q) { return q.name == p.name; });
    ILV_ASSERT(it != all.end() && it->violation.has_value(),
               "the gathered state violates the property again");
    return *it->violation;
}

DistributedCheck check_distributed(const CompiledModel& model, PropertySet& properties,
                                   const DistributedOptions& options, int rank, int ranks) {
    DistributedSearch search(model, properties, options, rank, ranks);
    DistributedCheck out;
    out.search.outcome = search.run();
    out.stats = search.stats();
    out.search.stats = out.stats.search;
    properties.finish(out.search.outcome == Outcome::Complete);
    out.properties = properties.statuses();
    out.paths.resize(out.properties.size());
    for (std::size_t p = 0; p < out.properties.size(); ++p) {
        PropertyStatus& status = out.properties[p];
        const FirstViolation& first = search.first_violations()[p];
        if (!first.found()) {
            ILV_ASSERT(status.verdict != Verdict::Violated, "a local violation is global");
            continue;
        }
        std::vector<Word> last;
        out.paths[p] = search.path_to_violation(p, last);
        ILV_ASSERT(out.paths[p].size() == first.depth(), "the gathered path has the depth");
        status.verdict = Verdict::Violated;
        status.violation = rederive_violation(model, status, last, first.depth());
    }
    return out;
}

} // namespace ilv::dist
