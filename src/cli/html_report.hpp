#pragma once
// `report --html FILE`: gathers the model of report/html_view.hpp from the
// history (the newest run, its environment's recent comparisons) and writes it.
#include <string>

#include "cli/context.hpp"
#include "detect/policy.hpp"

namespace perfwatch {

// Charts the `days` before the newest run; regressions are marked on the
// nights whose own comparison found one (the newest `compared_nights` runs).
void write_html_report(Context& ctx, Store& store, const Policy& policy, const std::string& path, int days = 90,
                       int compared_nights = 30);

}  // namespace perfwatch
