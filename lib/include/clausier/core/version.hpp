#pragma once
#include <string_view>

namespace clausier {
// The project's version, from CMakeLists.txt.
std::string_view version();
}  // namespace clausier
