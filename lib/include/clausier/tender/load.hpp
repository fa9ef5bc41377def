#pragma once
// Reading a tender file: every problem in it is reported, each with its position, before giving up.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/core/source.hpp"
#include "clausier/tender/model.hpp"

namespace clausier::tender {

struct LoadResult {
  // Present whenever the YAML could be read, even with errors: fields in error are left absent, so
  // `check` can still report the independent problems of the rest of the file.
  std::optional<Tender> tender;
  Diagnostics diagnostics;  // input errors (schema-*, yaml-*, lot-*), or io for unreadable files
  // The tender is complete and consistent: calculations may use it.
  bool ok() const { return tender.has_value() && !has_category(diagnostics, Category::input) &&
                           !has_category(diagnostics, Category::io); }
};

// Parses `text` (the content of `path`). Pure: no file access.
LoadResult parse_tender(std::string_view text, const std::string& path);

// What a tool gets for a command-line argument: a tender file, or an operation folder holding tender.yaml.
struct LoadedFile {
  std::optional<SourceText> source;  // absent when the file could not be read
  LoadResult result;
};
// `-` reads the tender from standard input, named `<stdin>` in diagnostics and results.
LoadedFile load_tender(const std::string& argument);

// The argument that reads a tender from standard input, and the name it then has.
inline constexpr std::string_view stdin_argument = "-";
inline constexpr std::string_view stdin_name = "<stdin>";

// The tender file of an argument: the folder's tender.yaml, `<stdin>` for `-`, or the argument itself.
std::string tender_path(const std::string& argument);

// Standard input can be read once: `-` given twice is a usage error (its sentence), else empty.
std::string stdin_usage_error(const std::vector<std::string>& arguments);

}  // namespace clausier::tender
