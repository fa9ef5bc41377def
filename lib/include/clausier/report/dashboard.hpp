#pragma once
// The facilitator's dashboard (`clausier report PORTFOLIO --format html`): one self-contained page to keep
// open — every operation's status, every lot, what is late, what is due this month, the pooling
// agreements. Its tables sort on a click (a small inline script: no server, no network, no external
// resource) and it prints on A4.
#include <string>

#include "clausier/track/portfolio_commands.hpp"

namespace clausier::report {

std::string render_dashboard(const track::TrackedPortfolio& portfolio, io::Date as_of);

}  // namespace clausier::report
