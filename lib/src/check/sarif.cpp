// The two machine renderings of `clausier check` that continuous-integration services read:
// SARIF 2.1.0 (code scanning) and GitHub Actions workflow commands (annotations on a pull request).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>

#include "clausier/check/document_checks.hpp"
#include "clausier/check/report.hpp"
#include "clausier/core/version.hpp"

namespace clausier::check {

namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view sarif_schema = "https://json.schemastore.org/sarif-2.1.0.json";
// Where a reader of a code-scanning alert learns what the rules mean.
constexpr std::string_view source_root = "%SRCROOT%";

std::string_view level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

std::string message_with_hint(const Diagnostic& d) {
  return d.hint.empty() ? d.message : fmt::format("{}\naide : {}", d.message, d.hint);
}

// A path as an RFC 3986 URI reference: forward slashes, no leading "./", and every byte outside the
// unreserved set and a few safe delimiters percent-encoded (spaces, accents as UTF-8, ":" which would
// read as a scheme, "%").
std::string uri_of(std::string_view path) {
  std::string p(path);
  for (char& c : p)
    if (c == '\\') c = '/';
  while (p.starts_with("./")) p.erase(0, 2);
  std::string out;
  for (unsigned char c : p) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                std::string_view("-._~/!$&'()*+,;=@").find(static_cast<char>(c)) != std::string_view::npos;
    out += keep ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

struct RuleTable {
  std::vector<RuleInfo> rules;
  std::map<std::string, std::size_t, std::less<>> index;

  void add(const RuleInfo& r) {
    if (index.contains(r.id)) return;
    index.emplace(std::string(r.id), rules.size());
    rules.push_back(r);
  }
};

// Every rule of the catalogues, in documentation order, then any rule a result names that no catalogue
// lists (a reader's rule, say), so that every result has its ruleIndex.
RuleTable rule_table(const Diagnostics& all) {
  RuleTable t;
  for (const RuleInfo& r : rule_catalogue()) t.add(r);
  for (const RuleInfo& r : document_rule_catalogue()) t.add(r);
  for (const RuleInfo& r : report_rule_catalogue()) t.add(r);
  for (const Diagnostic& d : all)
    if (!d.rule.empty()) t.add({d.rule, d.severity, d.category, {}});
  return t;
}

json rule_json(const RuleInfo& r) {
  json rule = {{"id", std::string(r.id)}};
  if (!r.summary.empty()) rule["shortDescription"] = {{"text", std::string(r.summary)}};
  rule["defaultConfiguration"] = {{"level", std::string(level(r.severity))}};
  return rule;
}

json location_json(const Diagnostic& d, bool paragraphs) {
  // A relative path is relative to the checkout (%SRCROOT%); an absolute one becomes a file: URI.
  json artifact;
  if (d.path.starts_with('/')) {
    artifact["uri"] = "file://" + uri_of(d.path);
  } else {
    artifact["uri"] = uri_of(d.path);
    artifact["uriBaseId"] = std::string(source_root);
  }
  // GitHub code scanning wants a region.startLine on every result (sarif-sdk rule GH1003): a finding
  // about a whole file, or about a Word or ODF paragraph, points at line 1 of its file.
  json physical = {{"artifactLocation", artifact}, {"region", {{"startLine", 1}}}};
  json location;
  if (paragraphs) {
    location["physicalLocation"] = physical;
    // A Word or ODF document has no lines: the position is its paragraph number.
    if (d.pos.line > 0)
      location["logicalLocations"] = json::array({{{"name", fmt::format("paragraphe {}", d.pos.line)}, {"kind", "element"}}});
    return location;
  }
  if (d.pos.line > 0) {
    json region = {{"startLine", d.pos.line}};
    if (d.pos.column > 0) region["startColumn"] = d.pos.column;
    physical["region"] = region;
  }
  location["physicalLocation"] = physical;
  return location;
}

// `kind`: the piece of the consultation the result is about, when it is one (a document read).
json result_json(const Diagnostic& d, const RuleTable& rules, bool paragraphs,
                 std::optional<DocumentKind> kind = std::nullopt) {
  json result;
  if (!d.rule.empty()) {
    result["ruleId"] = d.rule;
    result["ruleIndex"] = rules.index.find(d.rule)->second;
  }
  result["level"] = std::string(level(d.severity));
  result["message"] = {{"text", message_with_hint(d)}};
  result["locations"] = json::array({location_json(d, paragraphs)});
  if (kind) result["properties"] = {{"documentKind", std::string(name(*kind))}};
  return result;
}

// GitHub workflow commands: the data loses %, CR and LF to percent escapes; a property value also
// ":" and ",", which separate the command's parts.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string_view github_command(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "notice";
  }
  return "error";
}

std::string github_line(const Diagnostic& d, bool paragraphs) {
  std::string props = "file=" + escape_property(d.path);
  std::string message = message_with_hint(d);
  if (paragraphs) {
    // GitHub would mark line N of the file; a paragraph number goes into the message instead.
    if (d.pos.line > 0) message = fmt::format("paragraphe {} : {}", d.pos.line, message);
  } else if (d.pos.line > 0) {
    props += fmt::format(",line={}", d.pos.line);
    if (d.pos.column > 0) props += fmt::format(",col={}", d.pos.column);
  }
  if (!d.rule.empty()) props += ",title=" + escape_property(d.rule);
  return fmt::format("::{} {}::{}\n", github_command(d.severity), props, escape_data(message));
}

}  // namespace

std::string render_sarif(const std::vector<FileResult>& files, const rules::RuleSet& rules) {
  const Diagnostics all = all_diagnostics(files);
  const RuleTable table = rule_table(all);
  json driver = {{"name", "clausier-check"},
                 {"version", std::string(version())},
                 {"rules", json::array()}};
  for (const RuleInfo& r : table.rules) driver["rules"].push_back(rule_json(r));

  json results = json::array();
  for (const FileResult& f : files) {
    for (const Diagnostic& d : f.diagnostics) results.push_back(result_json(d, table, false));
    for (const DocumentResult& doc : f.documents)
      for (const Diagnostic& d : doc.diagnostics)
        results.push_back(result_json(d, table, has_paragraph_positions(doc), doc.kind));
  }
  const int code = exit_code_for(all);
  json run;
  run["tool"] = {{"driver", driver}};
  // 0 and 1 are a complete check; 2 and 3 mean an input could not be used.
  run["invocations"] = json::array({{{"executionSuccessful", code <= 1}, {"exitCode", code}}});
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results;
  run["properties"] = {{"rules", {{"version", rules.version()}, {"sha256", rules.sha256()}}}};

  json log;
  log["$schema"] = std::string(sarif_schema);
  log["version"] = "2.1.0";
  log["runs"] = json::array({run});
  return log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string render_github(const std::vector<FileResult>& files) {
  std::string out;
  for (const FileResult& f : files) {
    for (const Diagnostic& d : f.diagnostics) out += github_line(d, false);
    for (const DocumentResult& doc : f.documents)
      for (const Diagnostic& d : doc.diagnostics) out += github_line(d, has_paragraph_positions(doc));
  }
  return out + summary_line(files);
}

}  // namespace clausier::check
