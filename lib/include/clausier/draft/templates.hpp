#pragma once
// The Mustache templates of the clause documents: built into the library, overridable file by file
// with --templates DIR, exportable as a starting point. Rendering fails on a variable the model does
// not have, naming the template and the line.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"

namespace clausier::draft {

struct Template {
  std::string name;    // "ccap.md.mustache"
  std::string origin;  // "(intégré)" or the file it was read from
  std::string text;
};

class TemplateSet {
 public:
  static TemplateSet builtin();
  // Every "<name>.md.mustache" of `dir` that matches a built-in name replaces it; an unknown name,
  // or an unreadable folder, is reported.
  Diagnostics override_from(const std::string& dir);
  const Template* find(std::string_view name) const;
  const std::vector<Template>& all() const { return templates_; }
  // Writes every template into `dir` (created if needed), atomically, for a facilitator to edit.
  Diagnostics export_to(const std::string& dir) const;

 private:
  std::vector<Template> templates_;
};

struct Rendered {
  std::string text;         // the Markdown subset of doc/blocks.hpp
  Diagnostics diagnostics;  // template-syntax, template-variable (category input)
};
// Renders with the model; a variable that the model does not have is an error with the template's
// path (its origin) and every line where the name is used. Values are inserted as they are (no HTML escaping).
Rendered render(const Template& t, const nlohmann::ordered_json& model);

}  // namespace clausier::draft
