#include "clausier/track/render.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <iterator>
#include <optional>

#include "clausier/core/text.hpp"
#include "clausier/core/source.hpp"
#include "clausier/io/json.hpp"
#include "clausier/io/values.hpp"
#include "clausier/text/french.hpp"
#include "clausier/text/table.hpp"

namespace clausier::track {

using nlohmann::ordered_json;
using text::format_number;

namespace {

std::string euros(double v) { return v > 0 ? text::format_euros(v) : "—"; }

// Everything a rendering writes about a refused row comes from here: the row and the explanation are
// looked up when written.
void text_line(std::string& out, const Count& count, const NotCounted& n) {
  const std::string& sheet = count.statements->sheets[count.file_index(n)];
  if (sheet.empty())
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}:{}: {} : "), count.file(n), count.line(n), french_label(n.reason));
  else  // a workbook's row: its sheet and row (formats.md 5.1)
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}:{}: {} : "), count.file(n),
                   sheet_cell_name(sheet, {count.line(n), 0}), french_label(n.reason));
  count.detail(out, n);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(" ({} h)\n"), format_number(count.declared_hours(n)));
}

}  // namespace

void render_text(const Tracking& t, const tender::Tender& tender, const WritePiece& write) {
  PieceWriter out(write);
  out << fmt::format("Suivi au {} — opération {} — {}\n", text::format_date_long(t.as_of), tender.id.value, tender.title);
  if (t.tolerance > 0) out << fmt::format("Tolérance avant retard : {}\n", text::format_percent(t.tolerance));
  std::vector<text::Column> cols{{"Lot"},          {"Titulaire"},     {"Objectif", true}, {"Réalisé", true},
                                 {"Attendu", true}, {"Statut"},       {"Prévision", true}, {"Manquant", true},
                                 {"Pénalité possible", true}};
  std::vector<text::Row> rows;
  for (const LotTracking& l : t.lots) {
    if (!l.tracked) continue;
    rows.push_back({l.lot->lot->id.value, l.contractor.empty() ? "(non attribué)" : l.contractor,
                    format_number(l.target_hours), format_number(l.counted_hours), format_number(l.expected_hours),
                    std::string(french_label(l.status)), format_number(l.forecast_hours), format_number(l.missing_hours),
                    euros(l.penalty_exposure)});
  }
  out << "\n" << text::render_text_table(cols, rows);
  int untracked = 0;
  std::vector<std::string> not_awarded;
  for (const LotTracking& l : t.lots) {
    if (l.status == LotStatus::not_awarded) not_awarded.push_back(l.lot->lot->id.value);
    else untracked += l.tracked ? 0 : 1;
  }
  if (untracked > 0) out << fmt::format("({} lot(s) sans clause mise en œuvre, non suivis)\n", untracked);
  if (!not_awarded.empty())
    out << fmt::format("(non attribué, rien n'est dû : lot{} {})\n", not_awarded.size() > 1 ? "s" : "", join(not_awarded, ", "));

  if (!t.contractors.empty()) {
    out << "\nPar titulaire\n";
    std::vector<text::Row> crows;
    for (const auto& c : t.contractors)
      crows.push_back({c.name, join(c.lots, ", "), format_number(c.target_hours), format_number(c.counted_hours),
                       format_number(c.expected_hours), format_number(c.missing_hours), euros(c.penalty_exposure)});
    out << text::render_text_table({{"Titulaire"}, {"Lots"}, {"Objectif", true}, {"Réalisé", true}, {"Attendu", true},
                                    {"Manquant", true}, {"Pénalité possible", true}},
                                   crows);
  }
  out << fmt::format("\nParticipants dont des heures comptent : {}\n", t.participants.size());
  if (!t.participants.empty()) {
    std::vector<text::Row> prows;
    for (const auto& p : t.participants) prows.push_back({p.ref, join(p.lots, ", "), format_number(p.counted_hours)});
    out << text::render_text_table({{"Participant"}, {"Lots"}, {"Heures comptées", true}}, prows);
  }
  if (!t.not_counted.empty()) {
    double hours = 0;
    for (const auto& n : t.not_counted) hours += t.count.declared_hours(n);
    out << fmt::format("\nLignes qui ne comptent pas : {} (heures déclarées : {})\n", t.not_counted.size(),
                       text::format_number(hours));
    for (const auto& n : t.not_counted) {
      text_line(out.buffer(), t.count, n);
      out.done();
    }
  }
  out.flush();
}

namespace {

// `indent` spaces, copied from a constant (a count of one character goes through a slower path of
// std::string, and a million refused rows are indented twice).
void indent_by(std::string& out, int indent) {
  static constexpr std::string_view spaces = "                ";
  const auto n = static_cast<std::size_t>(indent);
  if (n <= spaces.size()) out.append(spaces.substr(0, n));
  else out.append(n, ' ');
}

// A JSON string as nlohmann's dump writes it (UTF-8 kept, invalid bytes replaced), without building a
// JSON value for it: quotes, backslashes and control characters escaped, the rest copied in runs.
void json_string(std::string& out, std::string_view s) {
  std::size_t mark = out.size();
  out += '"';
  std::size_t run = 0;  // start of the bytes not copied yet
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {  // a multi-byte sequence: copied as it is when it is valid UTF-8
      std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
      bool valid = len != 0 && i + len <= s.size();
      for (std::size_t k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
      if (!valid) {
        out.resize(mark);
        out += ordered_json(s).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
        return;
      }
      i += len;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(s, run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<int>(c));
    }
    run = ++i;
  }
  out.append(s, run, s.size() - run);
  out += '"';
}

// A number as io::json_number writes it (whole numbers as integers), without a JSON value for an integer.
void json_number(std::string& out, double v) {
  if (std::optional<std::int64_t> i = io::json_integer(v)) fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), *i);
  else out += io::json_number(v).dump();
}

// The pieces of the document, in nlohmann's dump(2) layout: `indent` spaces before each key.
struct Json {
  PieceWriter& out;
  void key(int indent, std::string_view name) {
    std::string& b = out.buffer();
    indent_by(b, indent);
    json_string(b, name);
    b += ": ";
  }
  void text(int indent, std::string_view name, std::string_view value, bool last = false) {
    key(indent, name);
    json_string(out.buffer(), value);
    end(last);
  }
  void number(int indent, std::string_view name, double value, bool last = false) {
    key(indent, name);
    json_number(out.buffer(), value);
    end(last);
  }
  void raw(int indent, std::string_view name, std::string_view value, bool last = false) {
    key(indent, name);
    out.buffer() += value;
    end(last);
  }
  void texts(int indent, std::string_view name, const std::vector<std::string>& values, bool last = false) {
    key(indent, name);
    if (values.empty()) {
      out.buffer() += "[]";
    } else {
      out.buffer() += "[\n";
      for (std::size_t i = 0; i < values.size(); ++i) {
        indent_by(out.buffer(), indent + 2);
        json_string(out.buffer(), values[i]);
        out.buffer() += i + 1 < values.size() ? ",\n" : "\n";
      }
      indent_by(out.buffer(), indent);
      out.buffer() += ']';
    }
    end(last);
  }
  void end(bool last) {
    out.buffer() += last ? "\n" : ",\n";
    out.done();
  }
};

// A refused row on one line: {file, line, reason} in a lot's list, with its explanation, lot as written
// and declared hours in the list of all of them (formats.md section 7: each row is written whole once).
void not_counted_entry(std::string& out, std::string& scratch, const Count& count, const std::vector<std::string>& files,
                       const NotCounted& n, bool whole) {
  out += "{\"file\": ";
  out += files[count.file_index(n)];
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(", \"line\": {}, \"reason\": \"{}\""), count.line(n), name(n.reason));
  if (whole) {
    out += ", \"detail\": ";
    if (Count::plain_detail(n.reason)) {  // most refusals: months and numbers, written in place
      out += '"';
      count.detail(out, n);
      out += '"';
    } else {
      scratch.clear();  // the explanation is made in a buffer kept from row to row, then escaped
      count.detail(scratch, n);
      json_string(out, scratch);
    }
    out += ", \"lot\": ";
    json_string(out, count.lot(n));
    out += ", \"hours\": ";
    json_number(out, count.declared_hours(n));
  }
  out += '}';
}

// A list of refused rows, one per line; `at(i)` is its i-th row.
template <class At>
void not_counted_list(Json& j, int indent, std::size_t size, At at, const Count& count, const std::vector<std::string>& files,
                      bool whole, bool last) {
  j.key(indent, "not_counted");
  if (size == 0) {
    j.out.buffer() += "[]";
  } else {
    j.out.buffer() += "[\n";
    std::string scratch;
    for (std::size_t i = 0; i < size; ++i) {
      indent_by(j.out.buffer(), indent + 2);
      not_counted_entry(j.out.buffer(), scratch, count, files, at(i), whole);
      j.out.buffer() += i + 1 < size ? ",\n" : "\n";
      j.out.done();
    }
    indent_by(j.out.buffer(), indent);
    j.out.buffer() += ']';
  }
  j.end(last);
}

// A top-level list of objects, each written by `each`.
template <class List, class Each>
void objects(Json& j, std::string_view key, const List& list, Each each) {
  j.key(2, key);
  j.out << (list.empty() ? "[]" : "[\n");
  for (std::size_t i = 0; i < list.size(); ++i) {
    j.out << "    {\n";
    each(list[i]);
    j.out << (i + 1 < list.size() ? "    },\n" : "    }\n");
  }
  if (!list.empty()) j.out << "  ]";
  j.end(false);
}

// The input diagnostics of one kind (errors, or warnings and notes), each as every tool's JSON lists them.
void diagnostics_list(Json& j, std::string_view key, const Diagnostics& inputs, bool errors) {
  // Written one diagnostic at a time, like the rest of the document: a million rows can raise hundreds of
  // thousands of warnings, never built into one value nor one string.
  j.key(2, key);
  bool first = true;
  for (const Diagnostic& d : inputs) {
    if ((d.severity == Severity::error) != errors) continue;
    std::string& b = j.out.buffer();
    b += first ? "[\n    {\n" : ",\n    {\n";
    first = false;
    // io::diagnostic_json's members in nlohmann's dump(2) layout two levels down, written straight (a
    // JSON value built and dumped per diagnostic was 7 % of a refused-heavy million; golden tests pin it).
    j.text(6, "rule", d.rule);
    j.text(6, "severity", severity_name(d.severity));
    j.text(6, "path", d.path);
    if (!d.sheet.empty()) j.text(6, "sheet", d.sheet);
    j.number(6, "line", d.pos.line);
    j.number(6, "column", d.pos.column);
    j.text(6, "message", d.message);
    j.key(6, "hint");
    json_string(b, d.hint);
    b += "\n    }";
    j.out.done();
  }
  j.out.buffer() += first ? "[]" : "\n  ]";
  j.end(false);
}

}  // namespace

void render_json(const Tracking& t, const tender::Tender& tender, const rules::RuleSet& rules, const Diagnostics& inputs,
                 const WritePiece& write) {
  PieceWriter out(write);
  Json j{out};
  // Each file's path as JSON once, not once per refused row.
  std::vector<std::string> files(t.count.statements->files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    json_string(files[i], t.count.statements->files[i]);
    // A workbook's table names its sheet right after its file (formats.md 5.1).
    if (const std::string& sheet = t.count.statements->sheets[i]; !sheet.empty()) {
      files[i] += ", \"sheet\": ";
      json_string(files[i], sheet);
    }
  }
  out << "{\n";
  j.text(2, "format", "clausier/track/1");
  j.raw(2, "rules", fmt::format("{{\n    \"version\": {},\n    \"sha256\": {}\n  }}", ordered_json(rules.version()).dump(),
                                ordered_json(rules.sha256()).dump()));
  j.text(2, "tender", tender.id.value);
  j.text(2, "as_of", io::iso(t.as_of));
  j.number(2, "tolerance", t.tolerance);
  // What stderr says of the inputs (an unreadable row, a refused reference...), for scripts (formats.md section 7).
  diagnostics_list(j, "errors", inputs, true);
  diagnostics_list(j, "warnings", inputs, false);
  objects(j, "lots", t.lots, [&](const LotTracking& l) {
    j.text(6, "id", l.lot->lot->id.value);
    j.text(6, "title", l.lot->lot->title);
    if (l.contractor.empty()) j.raw(6, "contractor", "null");
    else j.text(6, "contractor", l.contractor);
    j.raw(6, "tracked", l.tracked ? "true" : "false");
    // A lot not awarded has no target and nothing expected (formats.md section 7).
    const bool not_awarded = l.status == LotStatus::not_awarded;
    if (not_awarded) j.raw(6, "target_hours", "null");
    else j.number(6, "target_hours", l.target_hours);
    if (l.declared_hours) j.number(6, "declared_hours", *l.declared_hours);
    j.number(6, "counted_hours", l.counted_hours);
    if (not_awarded) j.raw(6, "expected_hours", "null");
    else j.number(6, "expected_hours", l.expected_hours);
    if (l.tracked || not_awarded) j.text(6, "status", name(l.status));
    else j.raw(6, "status", "null");
    if (l.end) j.text(6, "end", io::iso(*l.end));
    else j.raw(6, "end", "null");
    j.number(6, "forecast_hours", l.forecast_hours);
    j.number(6, "missing_hours", l.missing_hours);
    j.number(6, "penalty_exposure", l.penalty_exposure);
    j.number(6, "participants", l.participants);
    not_counted_list(
        j, 6, l.not_counted.size(), [&](std::size_t k) -> const NotCounted& { return t.not_counted[l.not_counted[k]]; },
        t.count, files, false, true);
  });
  objects(j, "contractors", t.contractors, [&](const ContractorTracking& c) {
    j.text(6, "name", c.name);
    j.texts(6, "lots", c.lots);
    j.number(6, "target_hours", hours::round6(c.target_hours));
    j.number(6, "counted_hours", hours::round6(c.counted_hours));
    j.number(6, "expected_hours", hours::round6(c.expected_hours));
    j.number(6, "missing_hours", hours::round6(c.missing_hours));
    j.number(6, "penalty_exposure", hours::round6(c.penalty_exposure), true);
  });
  objects(j, "participants", t.participants, [&](const ParticipantTracking& p) {
    j.text(6, "ref", p.ref);
    j.texts(6, "lots", p.lots);
    j.number(6, "counted_hours", p.counted_hours, true);
  });
  not_counted_list(
      j, 2, t.not_counted.size(), [&](std::size_t k) -> const NotCounted& { return t.not_counted[k]; }, t.count, files, true,
      true);
  out << "}\n";
  out.flush();
}

std::string render_text(const Tracking& t, const tender::Tender& tender) {
  std::string out;
  render_text(t, tender, [&](std::string_view piece) { out += piece; });
  return out;
}

std::string render_json(const Tracking& t, const tender::Tender& tender, const rules::RuleSet& rules, const Diagnostics& inputs) {
  std::string out;
  render_json(t, tender, rules, inputs, [&](std::string_view piece) { out += piece; });
  return out;
}

void render_csv(const Tracking& t, const tender::Tender& tender, const WritePiece& write) {
  using text::csv_number;
  PieceWriter out(write);
  out << text::utf8_bom;
  out << text::csv_row({"operation", "date_suivi", "lot", "titulaire", "objectif", "realise", "attendu", "statut", "prevision",
                        "manquant", "penalite_possible", "participants", "lignes_non_comptees"});
  for (const LotTracking& l : t.lots) {
    if (l.status == LotStatus::not_awarded) {  // a row all the same, so that no lot goes missing: nothing is due
      out << text::csv_row({tender.id.value, io::iso(t.as_of), l.lot->lot->id.value, l.contractor, "", csv_number(l.counted_hours),
                            "", std::string(french_label(l.status)), "", "", "", std::to_string(l.participants),
                            std::to_string(l.not_counted.size())});
      continue;
    }
    if (!l.tracked) continue;
    out << text::csv_row({tender.id.value, io::iso(t.as_of), l.lot->lot->id.value, l.contractor, csv_number(l.target_hours),
                          csv_number(l.counted_hours), csv_number(l.expected_hours), std::string(french_label(l.status)),
                          csv_number(l.forecast_hours), csv_number(l.missing_hours), csv_number(l.penalty_exposure, 2),
                          std::to_string(l.participants), std::to_string(l.not_counted.size())});
  }
  out.flush();
}

std::string render_csv(const Tracking& t, const tender::Tender& tender) {
  std::string out;
  render_csv(t, tender, [&](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace clausier::track
