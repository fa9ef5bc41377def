#pragma once
// Loading the operations of a report (internal to report/job.cpp).
#include <functional>

#include "clausier/report/job.hpp"
#include "clausier/track/operation.hpp"

namespace clausier::report::detail {

// One operation as a report reads it: --participants and --statements apply, and an operation not
// started yet (neither participants file nor statements) gets a note instead of an io error.
track::Operation read_operation(const std::string& path, const Job& job, const rules::RuleSet& rules);

// Reports the operation's diagnostics into `out`; false when the report cannot be written from it.
bool report_operation(const track::Operation& op, Outcome& out);

// Loads every operation of the job and hands each to `use`, in argument order, on this thread; `use`
// is not called for an operation that cannot be used, nor for any after it (every operation's
// diagnostics are still reported). `use` may keep the operation (move it). False when an operation could
// not be used.
bool for_each_operation(const Job& job, const rules::RuleSet& rules, Outcome& out,
                        const std::function<void(track::Operation&)>& use);

}  // namespace clausier::report::detail
