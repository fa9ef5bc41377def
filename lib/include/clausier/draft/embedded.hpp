#pragma once
// The document templates of lib/templates/, compiled into the library (cmake/EmbedFiles.cmake).
#include <span>
#include <string_view>

#include "clausier/core/embedded.hpp"

namespace clausier::draft {

std::span<const EmbeddedFile> embedded_files();
std::string_view embedded_version();

}  // namespace clausier::draft
