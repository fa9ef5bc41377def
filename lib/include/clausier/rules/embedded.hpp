#pragma once
// The rule tables of lib/rules/, compiled into the library (cmake/EmbedFiles.cmake).
#include <span>
#include <string_view>

#include "clausier/core/embedded.hpp"

namespace clausier::rules {

std::span<const EmbeddedFile> embedded_files();
std::string_view embedded_version();

}  // namespace clausier::rules
