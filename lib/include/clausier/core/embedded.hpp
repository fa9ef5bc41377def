#pragma once
// A file compiled into the library by cmake/EmbedFiles.cmake (rule tables, document templates), so
// the tools work from any folder.
#include <string_view>

namespace clausier {

struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};

}  // namespace clausier
