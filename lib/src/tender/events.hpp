#pragma once
// The `events` of a lot (formats.md section 2, « Lot events »), for the tender loader.
#include <string>

#include "clausier/io/values.hpp"
#include "clausier/tender/model.hpp"

namespace clausier::tender::detail {

// Reads the lot's `events` list into lot.events and checks each event against its kind (which fields it
// takes) and against the lot (award, tranches, method, dates). Call once the rest of the lot is read.
// `where` names the lot in messages ("le lot « 2 »").
void read_events(io::Reader& reader, const yaml::Node& list, Lot& lot, const std::string& where);

}  // namespace clausier::tender::detail
