#pragma once
// A pooling agreement judged at a date, as the portfolio JSON of `clausier track` lists it in `pooling`
// (formats.md section 7.5 bis) and the bilan of a portfolio repeats it (section 7.6): one writer for both.
#include <nlohmann/json.hpp>

#include "clausier/track/pooling.hpp"

namespace clausier::track {

// `tracking` as track_agreement judged `agreement` (its own `agreement` pointer is not read, so that a copy
// kept apart will do). Figures unrounded, whole numbers as integers.
nlohmann::ordered_json agreement_json(const Agreement& agreement, const AgreementTracking& tracking);

}  // namespace clausier::track
