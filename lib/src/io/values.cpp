#include "clausier/io/values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "clausier/core/text.hpp"

namespace clausier::io {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A whole number grouped by three the French way (U+202F): 10 000 000 000 000.
std::string grouped(double whole) {
  std::string digits = fmt::format("{:.0f}", whole);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u202F";
    out += digits[i];
  }
  return out;
}

std::string describe_range(Range r, std::string_view unit) {
  std::string u = unit.empty() ? "" : fmt::format(" {}", unit);
  if (r.min == 0 && r.max >= 1e6) {
    std::string sign = r.min_inclusive ? "un nombre positif ou nul" : "un nombre strictement positif";
    if (r.max >= 1e15) return sign;
    return fmt::format("{}, au plus {}{}", sign, grouped(r.max), unit.empty() ? "" : fmt::format("\u202F{}", unit));
  }
  if (r.max >= 1e15) {
    return fmt::format("un nombre {} {}{}", r.min_inclusive ? "supérieur ou égal à" : "strictement supérieur à",
                       r.min, u);
  }
  return fmt::format("un nombre entre {}{} ({}) et {}{} ({})", r.min, u, r.min_inclusive ? "inclus" : "exclu", r.max,
                     u, r.max_inclusive ? "inclus" : "exclu");
}

// What to write instead of a value that is not a number, for the usual slips.
std::string number_hint(const yaml::Node& n) {
  const std::string& v = n.value;
  if (n.quoted && parse_number(v)) return fmt::format("retirez les guillemets : {}", v);
  std::string compact;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == ' ') continue;
    if (v.compare(i, 2, "\u00A0") == 0 || v.compare(i, 3, "\u202F") == 0) {
      i += v.compare(i, 2, "\u00A0") == 0 ? 1 : 2;
      continue;
    }
    compact += v[i];
  }
  std::string dotted = compact;
  std::replace(dotted.begin(), dotted.end(), ',', '.');
  if (compact != v && parse_number(dotted)) return fmt::format("écrivez le nombre sans espaces : {}", dotted);
  if (dotted != compact && parse_number(dotted)) return fmt::format("utilisez un point décimal : {}", dotted);
  return "écrivez un nombre en chiffres, sans guillemets, avec un point décimal : 1250000 ou 0.05";
}

bool in_range(double v, Range r) {
  bool above = r.min_inclusive ? v >= r.min : v > r.min;
  bool below = r.max_inclusive ? v <= r.max : v < r.max;
  return above && below;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2))) return std::nullopt;
  int y = std::stoi(std::string(s.substr(0, 4)));
  int m = std::stoi(std::string(s.substr(5, 2)));
  int d = std::stoi(std::string(s.substr(8, 2)));
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return std::nullopt;
  int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                   static_cast<unsigned short>(m));
  if (d > last) return std::nullopt;
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

std::string iso(Date d) {
  auto ymd = d.year_month_day();
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                     static_cast<int>(ymd.day));
}

std::optional<double> parse_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string_view body = s;
  if (body.front() == '+') body.remove_prefix(1);
  // Only what YAML calls a number: digits, one dot, an exponent. "1 000", "0,05", ".inf" are not.
  bool digit_seen = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c >= '0' && c <= '9') digit_seen = true;
    else if (c == '-' && i == 0) continue;
    else if (c == '.' || c == 'e' || c == 'E' || ((c == '-' || c == '+') && i > 0 && (body[i - 1] == 'e' || body[i - 1] == 'E')))
      continue;
    else
      return std::nullopt;
  }
  if (!digit_seen) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), v);
  if (ec != std::errc{} || end != body.data() + body.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool plain_email_address(std::string_view s) {
  auto at = s.find('@');
  if (s.size() > 254 || at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos)
    return false;
  std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
  auto allowed = [](std::string_view part, std::string_view extra) {
    return std::all_of(part.begin(), part.end(), [&](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || extra.find(c) != extra.npos;
    });
  };
  auto dot = domain.rfind('.');
  return allowed(local, "._%+-") && allowed(domain, ".-") && local.front() != '.' && local.back() != '.' &&
         local.find("..") == local.npos && dot != domain.npos && dot > 0 &&
         dot + 1 < domain.size() && domain.front() != '.' && domain.find("..") == domain.npos;
}

std::optional<double> parse_percent(std::string_view s) {
  if (s.empty() || s.back() != '%') return std::nullopt;
  s.remove_suffix(1);
  // A space before % is common, and often a no-break one when copied from a Word document.
  for (std::string_view space : {" ", "\u00A0", "\u202F"}) {
    if (s.size() >= space.size() && s.substr(s.size() - space.size()) == space) {
      s.remove_suffix(space.size());
      break;
    }
  }
  std::string number(s);
  std::replace(number.begin(), number.end(), ',', '.');
  if (number.find_first_not_of("0123456789.") != std::string::npos || number.empty() || number.front() == '.')
    return std::nullopt;
  auto v = parse_number(number);
  if (!v) return std::nullopt;
  return *v / 100.0;
}

void Reader::error(std::string rule, Position pos, std::string message, std::string hint) {
  out_.push_back({std::move(rule), Severity::error, Category::input, path_, pos, std::move(message), std::move(hint)});
}

void Reader::format_version(const yaml::Node& n, std::string_view expected) {
  auto v = string(n, "format");
  if (v && *v != expected)
    error("schema-format", n.pos, fmt::format("format {} non pris en charge : attendu {}", quoted(*v), expected),
          fmt::format("écrivez « format: {} »", expected));
}

bool Reader::scalar_or_report(const yaml::Node& n, std::string_view field, std::string_view expected) {
  if (n.is_scalar()) return true;
  if (n.is_null())
    error("schema-type", n.pos, fmt::format("{} est vide : {} attendu", quoted(field), expected));
  else
    error("schema-type", n.pos, fmt::format("{} doit être {}, pas {}", quoted(field), expected, yaml::kind_description(n)));
  return false;
}

bool Reader::expect_kind(const yaml::Node& n, yaml::Kind kind, std::string_view field) {
  if (n.kind == kind) return true;
  std::string_view expected = kind == yaml::Kind::map        ? "un tableau de clés (clé: valeur)"
                              : kind == yaml::Kind::sequence ? "une liste (éléments « - »)"
                                                             : "une valeur simple";
  if (n.is_null())
    error("schema-type", n.pos, fmt::format("{} est vide : {} attendu", quoted(field), expected));
  else
    error("schema-type", n.pos,
          fmt::format("{} doit être {}, pas {}", quoted(field), expected, yaml::kind_description(n)));
  return false;
}

std::optional<double> Reader::number(const yaml::Node& n, std::string_view field, Range range, std::string_view unit) {
  std::string expected = describe_range(range, unit);
  if (!scalar_or_report(n, field, expected)) return std::nullopt;
  auto v = n.quoted ? std::nullopt : parse_number(n.value);
  if (!v) {
    error("schema-type", n.pos, fmt::format("{} doit être {} : {} n'est pas un nombre", quoted(field), expected,
                                            quoted(n.value)),
          number_hint(n));
    return std::nullopt;
  }
  if (!in_range(*v, range)) {
    error("schema-range", n.pos, fmt::format("{} doit être {} : {} est hors limites", quoted(field), expected, n.value));
    return std::nullopt;
  }
  return v;
}

std::optional<double> Reader::fraction(const yaml::Node& n, std::string_view field, Range range) {
  std::string expected =
      fmt::format("une fraction entre {} et {} (0.05) ou un pourcentage (\"5 %\")", range.min, range.max);
  if (!scalar_or_report(n, field, expected)) return std::nullopt;
  std::optional<double> v = n.quoted ? std::nullopt : parse_number(n.value);
  if (!v) v = parse_percent(n.value);
  if (!v) {
    error("schema-type", n.pos,
          fmt::format("{} doit être {} : {} n'en est pas un", quoted(field), expected, quoted(n.value)),
          "écrivez 0.05 ou \"5 %\"");
    return std::nullopt;
  }
  if (!in_range(*v, range)) {
    std::string hint;
    if (*v > 1 && *v <= 100 && !n.quoted && in_range(*v / 100, range))
      hint = fmt::format("pour {} %, écrivez {} ou \"{} %\"", n.value, *v / 100, n.value);
    error("schema-range", n.pos, fmt::format("{} doit être {} : {} est hors limites", quoted(field), expected, n.value),
          std::move(hint));
    return std::nullopt;
  }
  return v;
}

std::optional<int> Reader::integer(const yaml::Node& n, std::string_view field, int min, int max) {
  std::string expected = fmt::format("un nombre entier entre {} et {}", min, max);
  if (!scalar_or_report(n, field, expected)) return std::nullopt;
  std::string_view s = n.value;
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (n.quoted || ec != std::errc{} || end != s.data() + s.size()) {
    error("schema-type", n.pos, fmt::format("{} doit être {} : {} n'en est pas un", quoted(field), expected, quoted(n.value)));
    return std::nullopt;
  }
  if (v < min || v > max) {
    error("schema-range", n.pos, fmt::format("{} doit être {} : {} est hors limites", quoted(field), expected, n.value));
    return std::nullopt;
  }
  return v;
}

std::optional<Date> Reader::date(const yaml::Node& n, std::string_view field) {
  if (!scalar_or_report(n, field, "une date AAAA-MM-JJ")) return std::nullopt;
  auto d = parse_iso_date(n.value);
  if (!d) {
    error("schema-format", n.pos,
          fmt::format("{} doit être une date AAAA-MM-JJ qui existe, par exemple 2026-09-15 : {} n'en est pas une",
                      quoted(field), quoted(n.value)));
  }
  return d;
}

namespace {

// The first control character of valid UTF-8 text other than a tab or a line end (C0, DEL, C1), as
// U+XXXX; empty when there is none.
std::string first_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return fmt::format("U+{:04X}", c);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0)
      return fmt::format("U+{:04X}", static_cast<unsigned char>(s[i + 1]));
  }
  return {};
}

}  // namespace

std::optional<std::string> Reader::string(const yaml::Node& n, std::string_view field) {
  if (!scalar_or_report(n, field, "un texte")) return std::nullopt;
  if (n.value.empty()) {
    error("schema-range", n.pos, fmt::format("{} ne doit pas être vide", quoted(field)));
    return std::nullopt;
  }
  if (!is_valid_utf8(n.value)) {
    error("schema-format", n.pos, fmt::format("{} n'est pas un texte UTF-8 valide", quoted(field)),
          "enregistrez le fichier en UTF-8");
    return std::nullopt;
  }
  // A title or a name reaches terminals, tables and documents: an escape sequence ("\e[31m" in a
  // double-quoted YAML value) would recolour or retitle the terminal of whoever reads them (issue 17).
  if (const std::string control = first_control(n.value); !control.empty()) {
    error("schema-format", n.pos, fmt::format("{} contient un caractère de contrôle ({})", quoted(field), control),
          "retirez-le : un texte de Clausier n'a ni échappement de terminal ni caractère invisible");
    return std::nullopt;
  }
  return n.value;
}

std::optional<bool> Reader::boolean(const yaml::Node& n, std::string_view field) {
  if (!scalar_or_report(n, field, "true ou false")) return std::nullopt;
  if (!n.quoted && n.value == "true") return true;
  if (!n.quoted && n.value == "false") return false;
  error("schema-type", n.pos, fmt::format("{} doit valoir true ou false, pas {}", quoted(field), quoted(n.value)));
  return std::nullopt;
}

std::optional<std::vector<std::string>> Reader::strings(const yaml::Node& n, std::string_view field) {
  if (!expect_kind(n, yaml::Kind::sequence, field)) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : n.items) {
    auto s = string(item, field);
    if (s) out.push_back(*s);
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

bool is_identifier(std::string_view s) {
  auto alnum = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  return !s.empty() && alnum(s[0]) &&
         std::all_of(s.begin(), s.end(), [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::optional<std::string> Reader::identifier(const yaml::Node& n, std::string_view field) {
  std::string_view expected = "un identifiant (lettres, chiffres, « . », « _ », « - »)";
  if (!scalar_or_report(n, field, expected)) return std::nullopt;
  const std::string& s = n.value;
  if (!is_identifier(s)) {
    error("schema-format", n.pos,
          fmt::format("{} doit être {}, commençant par une lettre ou un chiffre : {} ne convient pas", quoted(field),
                      expected, quoted(s)),
          "remplacez espaces et accents par « - », par exemple CARC-2026-014");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> Reader::choice_text(const yaml::Node& n, std::string_view field,
                                               std::span<const std::string_view> allowed) {
  std::vector<std::string> names(allowed.begin(), allowed.end());
  std::string expected = fmt::format("l'une des valeurs {}", join(names, ", "));
  if (!scalar_or_report(n, field, expected)) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), n.value) != allowed.end()) return n.value;
  std::string suggestion = closest_match(n.value, names);
  error("schema-enum", n.pos,
        fmt::format("{} : valeur {} inconnue ; attendu {}", quoted(field), quoted(n.value), expected),
        suggestion.empty() ? std::string{} : fmt::format("vouliez-vous dire {} ?", quoted(suggestion)));
  return std::nullopt;
}

MapReader::MapReader(Reader& reader, const yaml::Node& map, std::string where)
    : reader_(reader), map_(map), where_(std::move(where)), used_(map.map_size(), false) {}

const yaml::Node* MapReader::get(std::string_view key) {
  known_.emplace_back(key);
  for (std::size_t i = 0; i < map_.map_size(); ++i) {
    if (map_.key_at(i).is_scalar() && map_.key_at(i).value == key) {
      used_[i] = true;
      // A repeated key was reported by the YAML layer; later copies count as used, the first one wins.
      for (std::size_t j = i + 1; j < map_.map_size(); ++j)
        if (map_.key_at(j).is_scalar() && map_.key_at(j).value == key) used_[j] = true;
      return &map_.value_at(i);
    }
  }
  return nullptr;
}

const yaml::Node* MapReader::require(std::string_view key, std::string_view expected) {
  const yaml::Node* n = get(key);
  if (n == nullptr)
    reader_.error("schema-required", map_.pos,
                  fmt::format("champ obligatoire {} manquant dans {} ; valeur attendue : {}", quoted(key), where_, expected),
                  fmt::format("ajoutez « {}: … » dans {}", key, where_));
  return n;
}

void MapReader::finish() {
  for (std::size_t i = 0; i < map_.map_size(); ++i) {
    if (used_[i]) continue;
    const yaml::Node& k = map_.key_at(i);
    if (!k.is_scalar()) {
      reader_.error("schema-type", k.pos, fmt::format("clé invalide dans {} : une clé doit être un texte simple", where_));
      continue;
    }
    if (k.value.rfind("x-", 0) == 0) continue;  // extension keys are the user's own
    std::string suggestion = closest_match(k.value, known_);
    std::string hint = suggestion.empty()
                           ? fmt::format("clés admises : {} (ou une clé « x-… » pour vos propres notes)", join(known_, ", "))
                           : fmt::format("vouliez-vous dire {} ?", quoted(suggestion));
    reader_.error("schema-unknown-key", k.pos, fmt::format("clé inconnue {} dans {}", quoted(k.value), where_),
                  std::move(hint));
  }
}

}  // namespace clausier::io
