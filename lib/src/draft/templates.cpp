#include "clausier/draft/templates.hpp"

#include <kainjow/mustache.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "clausier/core/text.hpp"
#include "clausier/draft/embedded.hpp"
#include "clausier/io/files.hpp"

namespace clausier::draft {

namespace mustache = kainjow::mustache;

TemplateSet TemplateSet::builtin() {
  TemplateSet set;
  for (const EmbeddedFile& f : embedded_files())
    set.templates_.push_back({std::string(f.name), "(intégré)", std::string(f.text)});
  return set;
}

const Template* TemplateSet::find(std::string_view name) const {
  auto it = std::find_if(templates_.begin(), templates_.end(), [&](const Template& t) { return t.name == name; });
  return it == templates_.end() ? nullptr : &*it;
}

Diagnostics TemplateSet::override_from(const std::string& dir) {
  namespace fs = std::filesystem;
  Diagnostics out;
  io::FolderListing listing = io::list_folder(dir);
  if (!listing.exists) {
    out.push_back({"io", Severity::error, Category::io, dir, {}, "dossier de modèles introuvable",
                   "donnez le dossier écrit par « clausier draft --export-templates DOSSIER »"});
    return out;
  }
  if (listing.error) {
    out.push_back(std::move(*listing.error));
    return out;
  }
  std::vector<std::string> names;
  for (const auto& t : templates_) names.push_back(t.name);
  std::vector<fs::path> files;
  for (const std::string& name : listing.names)
    if (name.ends_with(".mustache")) files.push_back(fs::path(dir) / name);
  for (const auto& path : files) {
    std::string name = path.filename().string();
    auto it = std::find_if(templates_.begin(), templates_.end(), [&](const Template& t) { return t.name == name; });
    if (it == templates_.end()) {
      std::string suggestion = closest_match(name, names);
      out.push_back({"template-unknown", Severity::error, Category::input, path.string(), {},
                     fmt::format("modèle inconnu ; modèles possibles : {}", join(names, ", ")),
                     suggestion.empty() ? "" : fmt::format("vouliez-vous dire {} ?", clausier::quoted(suggestion))});
      continue;
    }
    io::ReadResult read = io::read_file(path.string(), io::template_file);
    if (!read.text) {
      out.push_back(read.error);
      continue;
    }
    *it = {name, path.string(), std::move(*read.text)};
  }
  return out;
}

Diagnostics TemplateSet::export_to(const std::string& dir) const {
  Diagnostics out;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    out.push_back({"io", Severity::error, Category::io, dir, {},
                   fmt::format("création du dossier impossible : {}", io::system_reason(ec.value())), ""});
    return out;
  }
  for (const auto& t : templates_)
    if (auto err = io::write_file_atomic((std::filesystem::path(dir) / t.name).string(), t.text)) out.push_back(*err);
  return out;
}

namespace {

mustache::data to_data(const nlohmann::ordered_json& j) {
  switch (j.type()) {
    case nlohmann::ordered_json::value_t::object: {
      mustache::data d{mustache::data::type::object};
      for (const auto& [k, v] : j.items()) d.set(k, to_data(v));
      return d;
    }
    case nlohmann::ordered_json::value_t::array: {
      mustache::data d{mustache::data::type::list};
      for (const auto& v : j) d.push_back(to_data(v));
      return d;
    }
    case nlohmann::ordered_json::value_t::boolean:
      return mustache::data{j.get<bool>() ? mustache::data::type::bool_true : mustache::data::type::bool_false};
    case nlohmann::ordered_json::value_t::string: return mustache::data{j.get<std::string>()};
    case nlohmann::ordered_json::value_t::null: return mustache::data{mustache::data::type::bool_false};
    default: return mustache::data{j.dump()};
  }
}

// A context that remembers the names it could not find: the model has no such variable.
class RecordingContext : public mustache::context<std::string> {
 public:
  explicit RecordingContext(const mustache::data* data) : mustache::context<std::string>(data) {}
  const mustache::data* get(const std::string& name) const override {
    const mustache::data* found = mustache::context<std::string>::get(name);
    if (found == nullptr) missing.insert(name);
    return found;
  }
  mutable std::set<std::string> missing;
};

// Lines (1-based) where a tag names `name`: {{name}}, {{{name}}}, {{#name}}, {{^name}}, {{&name}}.
std::vector<int> tag_lines(const std::string& text, const std::string& name) {
  std::vector<int> lines;
  int line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') ++line;
    if (text.compare(i, 2, "{{") != 0) continue;
    std::size_t close = text.find("}}", i + 2);
    if (close == std::string::npos) break;
    std::string tag = text.substr(i + 2, close - i - 2);
    while (!tag.empty() && (tag.front() == '{' || tag.front() == '#' || tag.front() == '^' || tag.front() == '&' ||
                            tag.front() == ' '))
      tag.erase(tag.begin());
    while (!tag.empty() && (tag.back() == '}' || tag.back() == ' ')) tag.pop_back();
    if (tag == name && (lines.empty() || lines.back() != line)) lines.push_back(line);
  }
  return lines;
}

}  // namespace

Rendered render(const Template& t, const nlohmann::ordered_json& model) {
  Rendered out;
  mustache::mustache tmpl{t.text};
  std::string path = t.origin == "(intégré)" ? fmt::format("{} (intégré)", t.name) : t.origin;
  if (!tmpl.is_valid()) {
    // kainjow says 'Unclosed section "x" at 123' (a character offset): say it in French, with a line.
    std::string msg = tmpl.error_message();
    Position pos;
    if (auto at = msg.rfind(" at "); at != std::string::npos) {
      std::size_t offset = std::min<std::size_t>(std::strtoul(msg.c_str() + at + 4, nullptr, 10), t.text.size());
      auto newlines = std::count(t.text.begin(), t.text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
      pos = {1 + static_cast<int>(newlines), 1};
      msg = msg.substr(0, at);
    }
    if (msg.rfind("Unclosed section ", 0) == 0) msg = fmt::format("section {} non refermée", msg.substr(17));
    else if (msg.rfind("Unopened section ", 0) == 0) msg = fmt::format("section {} fermée sans avoir été ouverte", msg.substr(17));
    out.diagnostics.push_back({"template-syntax", Severity::error, Category::input, path, pos,
                               fmt::format("modèle invalide : {}", msg),
                               "vérifiez que chaque {{#section}} est refermée par {{/section}}"});
    return out;
  }
  // The documents are Markdown, not HTML: values go in as they are.
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  mustache::data data = to_data(model);
  RecordingContext ctx(&data);
  out.text = tmpl.render(ctx);
  for (const auto& name : ctx.missing) {
    std::vector<int> lines = tag_lines(t.text, name);
    if (lines.empty()) lines.push_back(0);
    for (int line : lines)
      out.diagnostics.push_back({"template-variable", Severity::error, Category::input, path, {line, line > 0 ? 1 : 0},
                                 fmt::format("variable {} inconnue du modèle de données", clausier::quoted(name)),
                                 "voir la liste des variables : clausier draft --variables (ou docs/draft.md)"});
  }
  sort_diagnostics(out.diagnostics);
  return out;
}

}  // namespace clausier::draft
