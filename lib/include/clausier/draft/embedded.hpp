#pragma once
// The document templates of lib/templates/, compiled into the library (cmake/EmbedFiles.cmake).
#include <span>
#include <string_view>

namespace clausier::draft {

struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};

std::span<const EmbeddedFile> embedded_files();
std::string_view embedded_version();

}  // namespace clausier::draft
