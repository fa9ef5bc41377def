// The checks of draft consultation documents against their tender file (`clausier check --doc`).
//
// Decisions the rules below follow (docs/check.md documents them for users):
// - Hours: at most one finding per document and lot (and one for the tender's total), so a lot whose
//   figure was changed gives one finding however many times the document repeats it. Words that
//   disagree with their digits come first (doc-hours-words-digits), then figures that differ from
//   the calculation (doc-hours-mismatch). A statement equals the calculation when it equals the
//   lot's hours, one of its tranches' hours, or, written with decimals ("= 1 541,67 h"), the hours
//   before rounding (lot or tranche) to the hundredth. A row "dont tranche TF" is compared with that
//   tranche only. A lot below its minimum is compared like the others (the draft states its computed
//   hours and the threshold, and a threshold is no statement); figures about a lot without a clause
//   (or without capacity) are not compared: the climate rule checks what the documents say of it.
// - doc-hours-missing: a lot whose clause is set (status ok) that no document of the set states,
//   reported once on the first document. A percent-of-hours lot stated as "6 % des heures" counts as
//   stated.
// - CCAG 2021 minimum content and penalties: checked on each document that is a CCAP (file name with
//   "ccap", or "clauses administratives particulières" in its first five paragraphs); when the set
//   has no CCAP, on the set as a whole, reported on the first document. Only when a lot has a clause.
//   When the tender gives no e-mail or phone for the facilitator, naming the facilitator suffices.
// - Penalties: only the amount per missing hour is compared (the cap is not).
// - Climate: the set as a whole, reported on the first CCAP (or the first document); a lot whose
//   clause is not set must be said to have none, with its reason, in a paragraph naming it (or a
//   list item after a paragraph ending with ":"), with one of "ne comporte pas de clause",
//   "aucune clause", "sans clause", "n'est pas soumis", "dérogation", "justification", "motif".
#include "clausier/check/document_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/text/french.hpp"
#include "clausier/text/words.hpp"
#include "hour_statements.hpp"

namespace clausier::check {

using namespace clausier::check::detail;

namespace {

constexpr RuleInfo catalogue[] = {
    {"doc-hours-mismatch", Severity::error, Category::finding,
     "les heures d'un lot dans le document diffèrent du calcul"},
    {"doc-hours-words-digits", Severity::error, Category::finding,
     "les heures d'un lot écrites en lettres et en chiffres ne concordent pas"},
    {"doc-hours-missing", Severity::error, Category::finding,
     "aucun document n'indique les heures d'un lot qui a une clause"},
    {"doc-legal-obsolete", Severity::error, Category::finding,
     "une référence abrogée (code des marchés publics, ordonnance 2015-899, décret 2016-360)"},
    {"doc-legal-clause-mismatch", Severity::error, Category::finding,
     "le fondement juridique cité ne correspond pas à la nature de la clause du lot"},
    {"doc-ccag-scope", Severity::error, Category::finding,
     "CCAG 2021 : le CCAP ne désigne pas les lots concernés par l'action d'insertion"},
    {"doc-ccag-facilitator", Severity::error, Category::finding,
     "CCAG 2021 : le CCAP ne donne pas les coordonnées du facilitateur"},
    {"doc-ccag-publics", Severity::error, Category::finding,
     "CCAG 2021 : le CCAP ne définit pas les publics éligibles"},
    {"doc-ccag-volume", Severity::error, Category::finding, "CCAG 2021 : le CCAP n'indique aucun volume d'heures"},
    {"doc-penalty-missing", Severity::error, Category::finding,
     "le CCAP n'indique pas la pénalité par heure d'insertion non réalisée que prévoit le dossier"},
    {"doc-penalty-rate", Severity::error, Category::finding,
     "la pénalité par heure d'insertion non réalisée diffère de celle du dossier"},
    {"doc-climate-social-consideration", Severity::error, Category::finding,
     "loi Climat et résilience : un lot sans clause dont le document ne donne pas la dérogation"},
};

const RuleInfo& info(std::string_view rule) {
  for (const RuleInfo& r : catalogue)
    if (r.id == rule) return r;
  return catalogue[0];  // unreachable: every id below is in the catalogue
}

std::string clause_label(std::string_view code) {
  if (code == "execution") return "condition d'exécution";
  if (code == "reserved-siae") return "marché réservé aux SIAE";
  if (code == "reserved-disability") return "marché réservé aux EA et ESAT";
  if (code == "reserved-both") return "marché réservé aux SIAE, EA et ESAT";
  if (code == "integration-object") return "marché d'insertion";
  if (code == "award-criterion") return "critère d'attribution";
  return std::string(code);
}

std::string hours_text(double h) { return text::format_hours(h); }

// "mille cinq cent quarante-deux (1 542) heures", or "262,5 heures" for a figure with decimals.
std::string in_words_and_digits(double h) {
  double whole = std::round(h);
  if (std::fabs(h - whole) > 1e-9 || whole < 0 || whole > static_cast<double>(text::max_number_in_words))
    return hours_text(h);
  auto n = static_cast<std::uint64_t>(whole);
  return fmt::format("{} ({}) {}", text::number_to_words(n), text::format_number(h), n >= 2 ? "heures" : "heure");
}

double round2(double v) { return std::round(v * 100) / 100; }
bool same(double a, double b) { return std::fabs(a - b) < 1e-6; }

// "l'article L. 2112-2 du code de la commande publique" from a citation "article L. 2112-2 …".
std::string cite(const rules::LegalReference& r) {
  if (r.citation.rfind("article ", 0) == 0) return "l'" + r.citation;
  return r.citation;
}

std::string file_name(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// ---- Legal references -----------------------------------------------------------------------------

enum class OldSource { cmp, ordonnance, decret };

// "de" + the name: "du code des marchés publics".
std::string_view of_source(OldSource s) {
  switch (s) {
    case OldSource::cmp: return "du code des marchés publics";
    case OldSource::ordonnance: return "de l'ordonnance n° 2015-899";
    case OldSource::decret: return "du décret n° 2016-360";
  }
  return "";
}

std::string_view source_name(OldSource s) {
  switch (s) {
    case OldSource::cmp: return "le code des marchés publics";
    case OldSource::ordonnance: return "l'ordonnance n° 2015-899";
    case OldSource::decret: return "le décret n° 2016-360";
  }
  return "";
}

struct Span {
  std::size_t begin = 0, end = 0;
};
struct SourceMention {
  Span span;
  OldSource source;
  bool acronym = false;  // "CMP": not reported without an article
};
struct ArticleList {
  Span span;
  std::vector<int> numbers;
};
// A reference to an obsolete text: its source and article (0: the text as a whole).
struct OldReference {
  Span span;
  OldSource source;
  int article = 0;
};

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

std::vector<SourceMention> old_sources(std::string_view text, std::string_view folded) {
  std::vector<SourceMention> out;
  auto all = [&](std::string_view pattern, auto each) {
    std::size_t end = 0;
    for (std::size_t at = find_folded(folded, pattern, 0, &end); at != std::string_view::npos;
         at = find_folded(folded, pattern, end, &end))
      each(at, end);
  };
  all("code des marchés publics", [&](std::size_t b, std::size_t e) { out.push_back({{b, e}, OldSource::cmp}); });
  all("cmp", [&](std::size_t b, std::size_t e) {
    if (text.substr(b, 3) == "CMP") out.push_back({{b, e}, OldSource::cmp, true});
  });
  // "ordonnance n° 2015-899", "ord. 2015-899", "2015-899": the span starts at the name of the text.
  auto numbered = [&](std::string_view number, OldSource source, std::initializer_list<std::string_view> names) {
    all(number, [&](std::size_t b, std::size_t e) {
      std::size_t from = b > 32 ? b - 32 : 0;
      std::string_view window = folded.substr(from, b - from);
      for (std::string_view n : names) {
        std::size_t at = find_folded(window, n);
        if (at != std::string_view::npos) {
          b = from + at;
          break;
        }
      }
      out.push_back({{b, e}, source});
    });
  };
  numbered("2015-899", OldSource::ordonnance, {"ordonnance", "ord."});
  numbered("2016-360", OldSource::decret, {"décret", "décr.", "decret"});
  std::sort(out.begin(), out.end(),
            [](const SourceMention& a, const SourceMention& b) { return a.span.begin < b.span.begin; });
  return out;
}

std::size_t skip_blank(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\x01')) ++i;
  return i;
}

// "article 14", "articles 14 et 15", "art. 38", "art 28-I", "articles 14, 15 ou 30".
std::vector<ArticleList> article_lists(std::string_view folded) {
  std::vector<ArticleList> out;
  for (std::string_view keyword : {"articles", "article", "art.", "art"}) {
    std::size_t end = 0;
    for (std::size_t at = find_folded(folded, keyword, 0, &end); at != std::string_view::npos;
         at = find_folded(folded, keyword, end, &end)) {
      ArticleList list{{at, end}, {}};
      std::size_t i = skip_blank(folded, end);
      for (;;) {
        std::size_t d = i;
        while (d < folded.size() && is_digit(folded[d])) ++d;
        if (d == i || d - i > 4 || (d < folded.size() && letter_at(folded, d) != 0)) break;
        list.numbers.push_back(std::stoi(std::string(folded.substr(i, d - i))));
        // "53-IV", "14-1": a subdivision of the article.
        if (d + 1 < folded.size() && folded[d] == '-' && ascii_alnum(folded[d + 1])) {
          ++d;
          while (d < folded.size() && ascii_alnum(folded[d])) ++d;
        }
        list.span.end = d;
        std::size_t j = skip_blank(folded, d);
        std::size_t k = 0;
        if (j < folded.size() && folded[j] == ',') {
          k = j + 1;
        } else {
          for (std::string_view c : {"et ", "ou ", "à "})
            if (folded.substr(j, c.size()) == c) k = j + c.size();
        }
        if (k == 0) break;
        k = skip_blank(folded, k);
        if (k >= folded.size() || !is_digit(folded[k])) break;
        i = k;
      }
      if (!list.numbers.empty()) out.push_back(list);
    }
  }
  // "articles" also matched "art": keep the longest list at each place.
  std::sort(out.begin(), out.end(), [](const ArticleList& a, const ArticleList& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  std::vector<ArticleList> unique;
  for (ArticleList& l : out)
    if (unique.empty() || l.span.begin >= unique.back().span.end) unique.push_back(std::move(l));
  return unique;
}

// The text between an article list and its source: "du", "de l'", "de la", "des", ",", "(".
bool linking_gap(std::string_view gap, std::size_t max) {
  if (gap.size() > max) return false;
  std::size_t i = 0;
  while (i < gap.size()) {
    char c = gap[i];
    if (c == ' ' || c == '\x01' || c == ',' || c == '(') {
      ++i;
      continue;
    }
    bool ok = false;
    for (std::string_view w : {"du ", "de l'", "de la ", "des ", "de ", "l'", "la "}) {
      if (gap.substr(i, w.size()) == w || (gap.substr(i) == w.substr(0, w.size() - 1) && w.back() == ' ')) {
        i += std::min(w.size(), gap.size() - i);
        ok = true;
        break;
      }
    }
    if (!ok) return false;
  }
  return true;
}

std::vector<OldReference> old_references(std::string_view text, std::string_view folded) {
  std::vector<OldReference> out;
  std::vector<SourceMention> sources = old_sources(text, folded);
  if (sources.empty()) return out;
  std::vector<ArticleList> lists = article_lists(folded);
  std::vector<bool> source_used(sources.size(), false);
  for (const ArticleList& l : lists) {
    std::optional<std::size_t> found;
    for (std::size_t s = 0; s < sources.size() && !found; ++s)  // "article 14 du code des marchés publics"
      if (sources[s].span.begin >= l.span.end &&
          linking_gap(folded.substr(l.span.end, sources[s].span.begin - l.span.end), 16))
        found = s;
    for (std::size_t s = sources.size(); s-- > 0 && !found;)  // "décret n° 2016-360, art. 28"
      if (sources[s].span.end <= l.span.begin &&
          linking_gap(folded.substr(sources[s].span.end, l.span.begin - sources[s].span.end), 6))
        found = s;
    if (!found) continue;
    source_used[*found] = true;
    const SourceMention& src = sources[*found];
    Span span{std::min(l.span.begin, src.span.begin), std::max(l.span.end, src.span.end)};
    for (int n : l.numbers) out.push_back({span, src.source, n});
  }
  for (std::size_t s = 0; s < sources.size(); ++s)
    if (!source_used[s] && !sources[s].acronym) out.push_back({sources[s].span, sources[s].source, 0});
  return out;
}

// "L. 2112-2", "L2112-2", "art. L.2113-13", "R. 2113-7", "L. 2112-2-1": "L2112-2" etc.
struct CodeReference {
  std::size_t begin = 0;
  std::string key;
};
std::vector<CodeReference> code_references(std::string_view text) {
  std::vector<CodeReference> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != 'L' && c != 'R' && c != 'D') continue;
    if (i > 0 && (ascii_alnum(text[i - 1]) || static_cast<unsigned char>(text[i - 1]) >= 0x80)) continue;
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '.') ++j;
    while (j < text.size() && text[j] == ' ') ++j;
    if (text.substr(j, 2) == "\u00A0") j += 2;
    if (text.substr(j, 3) == "\u202F") j += 3;
    std::size_t d = j;
    while (d < text.size() && is_digit(text[d])) ++d;
    if (d - j != 4 || d >= text.size() || text[d] != '-') continue;
    std::string key = std::string(1, c) + std::string(text.substr(j, 4));
    std::size_t k = d;
    while (k + 1 < text.size() && text[k] == '-' && is_digit(text[k + 1])) {
      std::size_t e = k + 1;
      while (e < text.size() && is_digit(text[e])) ++e;
      key += std::string(text.substr(k, e - k));
      k = e;
    }
    if (key.size() == 5) continue;
    out.push_back({i, key});
    i = k - 1;
  }
  return out;
}

// ---- The checker ----------------------------------------------------------------------------------

struct Cited {
  std::size_t paragraph = 0;
  std::size_t offset = 0;
  const rules::LegalReference* row = nullptr;
};

class Checker {
 public:
  Checker(const std::vector<document::Document>& docs, const tender::Tender& t, const hours::TenderResult& hours,
          const rules::RuleSet& rules, Diagnostics& out)
      : docs_(docs), t_(t), hours_(hours), rules_(rules), out_(out) {
    for (const hours::LotResult& r : hours_.lots)
      if (r.lot != nullptr) results_[r.lot] = &r;
    views_.reserve(docs.size());
    for (const document::Document& d : docs) views_.emplace_back(d, t);
    for (const DocumentView& v : views_) {
      statements_.push_back(find_hour_statements(v));
      percents_.push_back(find_percent_statements(v));
    }
    index_legal_table();
  }

  void run() {
    if (docs_.empty()) return;
    for (std::size_t d = 0; d < docs_.size(); ++d) {
      hours_findings(d);
      obsolete(d);
      clause_mismatch(d);
    }
    missing();
    std::vector<std::size_t> ccaps;
    for (std::size_t d = 0; d < docs_.size(); ++d)
      if (is_ccap(d)) ccaps.push_back(d);
    if (ccaps.empty()) {
      std::vector<std::size_t> all;
      for (std::size_t d = 0; d < docs_.size(); ++d) all.push_back(d);
      ccag(all, 0);
      penalties(all, 0);
    } else {
      for (std::size_t d : ccaps) {
        ccag({d}, d);
        penalties({d}, d);
      }
    }
    climate(ccaps.empty() ? 0 : ccaps.front());
  }

 private:
  void add(std::string_view rule, std::size_t doc, Position pos, std::string message, std::string hint) {
    const RuleInfo& r = info(rule);
    out_.push_back(
        {std::string(rule), r.severity, r.category, docs_[doc].path, pos, std::move(message), std::move(hint)});
  }
  Position position(std::size_t doc, std::size_t paragraph) const {
    return document::position(docs_[doc], docs_[doc].paragraphs[paragraph]);
  }
  std::string where(std::size_t doc, std::size_t paragraph) const {
    return document::describe(docs_[doc], docs_[doc].paragraphs[paragraph]);
  }
  const hours::LotResult* result(const tender::Lot* lot) const {
    auto it = results_.find(lot);
    return it == results_.end() ? nullptr : it->second;
  }
  bool clause_set(const tender::Lot& lot) const {
    const hours::LotResult* r = result(&lot);
    return lot.has_clause() && (r == nullptr || r->status == hours::Status::ok);
  }
  bool any_clause() const {
    return std::any_of(t_.lots.begin(), t_.lots.end(), [&](const tender::Lot& l) { return clause_set(l); });
  }

  // ---- Hours ----

  static const hours::TrancheResult* tranche_result(const hours::LotResult& r, const tender::Tranche* tr) {
    for (const hours::TrancheResult& t : r.tranches)
      if (t.tranche == tr) return &t;
    return nullptr;
  }

  static bool matches(const hours::LotResult& r, const HourStatement& st) {
    double v = st.value();
    if (st.tranche != nullptr) {
      if (const hours::TrancheResult* tr = tranche_result(r, st.tranche))
        return same(v, tr->hours) || (st.decimals && same(v, round2(tr->raw_hours)));
    }
    if (same(v, r.hours) || (st.decimals && same(v, round2(r.raw_hours)))) return true;
    for (const hours::TrancheResult& tr : r.tranches)
      if (same(v, tr.hours) || (st.decimals && same(v, round2(tr.raw_hours)))) return true;
    return false;
  }

  static std::string calculation(const hours::LotResult& r) {
    std::string s = hours_text(r.hours);
    if (!r.tranches.empty()) {
      std::vector<std::string> parts;
      for (const hours::TrancheResult& tr : r.tranches)
        parts.push_back(fmt::format("tranche {} : {}", tr.tranche->id.value, hours_text(tr.hours)));
      s += " (" + join(parts, ", ") + ")";
    }
    if (r.status == hours::Status::below_minimum)
      s += fmt::format(", sous le minimum de {} : la clause n'est pas mise en œuvre",
                       hours_text(r.params.minimum_hours.value));
    return s;
  }

  // What the statements of one lot (or of the total) in one document say, checked.
  struct Group {
    std::vector<const HourStatement*> wrong;  // in document order
    const HourStatement* first_disagree = nullptr;
  };

  void hours_findings(std::size_t d) {
    std::map<std::size_t, Group> groups;  // key: index of the lot in the tender, lots.size() for the total
    auto index_of = [&](const tender::Lot* lot) { return static_cast<std::size_t>(lot - t_.lots.data()); };
    for (const HourStatement& st : statements_[d]) {
      bool wrong = false;
      std::size_t key = 0;
      if (st.total) {
        if (hours_.lots.empty()) continue;
        key = t_.lots.size();
        wrong = !same(st.value(), hours_.total_hours);
      } else {
        if (st.lot == nullptr) continue;
        const hours::LotResult* r = result(st.lot);
        if (r == nullptr || r->status == hours::Status::no_clause || r->status == hours::Status::no_capacity) continue;
        key = index_of(st.lot);
        wrong = !matches(*r, st);
      }
      Group& g = groups[key];
      if (st.disagree() && g.first_disagree == nullptr) g.first_disagree = &st;
      if (wrong || st.disagree()) g.wrong.push_back(&st);
    }
    for (const auto& [key, g] : groups) {
      if (g.wrong.empty()) continue;
      const HourStatement& first = g.first_disagree != nullptr ? *g.first_disagree : *g.wrong.front();
      std::vector<std::string> others;
      std::set<std::size_t> seen{first.paragraph};
      for (const HourStatement* st : g.wrong)
        if (seen.insert(st->paragraph).second) others.push_back(where(d, st->paragraph));
      std::string rest;
      if (!others.empty()) {
        constexpr std::size_t shown = 5;
        std::vector<std::string> listed(others.begin(),
                                        others.begin() + static_cast<long>(std::min(shown, others.size())));
        std::string list = join(listed, " ; ");
        if (others.size() > shown) list += fmt::format(" ; et {} {}", others.size() - shown, others.size() - shown > 1 ? "autres" : "autre");
        rest = fmt::format(" (autres mentions à corriger : {})", list);
      }
      std::string label, expected;
      double correct = 0;
      if (key == t_.lots.size()) {
        label = "total des heures d'insertion";
        expected = hours_text(hours_.total_hours);
        correct = hours_.total_hours;
      } else {
        const hours::LotResult& r = *result(&t_.lots[key]);
        label = lot_label(t_.lots[key]);
        correct = r.hours;
        expected = calculation(r);
        if (first.tranche != nullptr) {
          if (const hours::TrancheResult* tr = tranche_result(r, first.tranche)) {
            label = fmt::format("tranche {} du {}", first.tranche->id.value, label);
            expected = hours_text(tr->hours);
            correct = tr->hours;
          }
        }
      }
      const document::Paragraph& p = docs_[d].paragraphs[first.paragraph];
      std::string_view written = std::string_view(p.text).substr(first.begin, first.end - first.begin);
      if (first.disagree()) {
        add("doc-hours-words-digits", d, position(d, first.paragraph),
            fmt::format("{} : {} : {} en lettres, {} en chiffres ; le calcul donne {}{}", label, quoted(written),
                        text::format_number(*first.words), text::format_number(*first.digits), expected, rest),
            fmt::format("écrivez le même nombre en lettres et en chiffres : {}", quoted(in_words_and_digits(correct))));
      } else {
        add("doc-hours-mismatch", d, position(d, first.paragraph),
            fmt::format("{} : le document indique {} ({}), le calcul donne {}{}", label, hours_text(first.value()),
                        quoted(written), expected, rest),
            fmt::format("corrigez en {}, ou recalculez avec « clausier hours » si le dossier a changé",
                        quoted(in_words_and_digits(correct))));
      }
    }
  }

  void missing() {
    std::set<const tender::Lot*> stated;
    for (const auto& list : statements_)
      for (const HourStatement& st : list)
        if (st.lot != nullptr) stated.insert(st.lot);
    for (const auto& list : percents_)
      for (const PercentStatement& ps : list)
        if (ps.lot != nullptr && ps.lot->method.value == tender::Method::percent_of_hours) stated.insert(ps.lot);
    for (const tender::Lot& lot : t_.lots) {
      const hours::LotResult* r = result(&lot);
      if (r == nullptr || r->status != hours::Status::ok || stated.count(&lot) != 0) continue;
      add("doc-hours-missing", 0, {0, 0},
          fmt::format("{} : aucun document n'indique son volume d'heures d'insertion ; le calcul donne {}",
                      lot_label(lot), calculation(*r)),
          fmt::format("indiquez-le, en lettres et en chiffres, en nommant le lot : « lot {} : … {} … » "
                      "(clausier draft le rédige)",
                      lot.id.value, in_words_and_digits(r->hours)));
    }
  }

  // ---- Legal references ----

  void index_legal_table() {
    for (const rules::LegalReference& row : rules_.legal_references())
      for (const std::string& s : {row.citation, row.short_name})
        if (s.size() >= 6) literal_patterns_.emplace_back(fold(s), &row);
    for (const rules::EligibilityCriterion& c : rules_.eligibility_criteria())
      if (c.label.size() >= 6) criteria_.push_back(fold(c.label));
    for (const rules::LegalReference& row : rules_.legal_references()) {
      const std::string folded = fold(row.citation);
      if (!row.current) {
        for (const OldReference& ref : old_references(row.citation, folded))
          if (ref.article != 0) old_rows_.emplace(std::make_pair(static_cast<int>(ref.source), ref.article), &row);
      } else {
        auto refs = code_references(row.citation);
        if (!refs.empty()) code_rows_.emplace(refs.front().key, &row);
      }
    }
  }

  // Literal citations of rows ("l'article relatif à … des CCAG …", "loi Climat et résilience, art. 35").
  struct Literal {
    Span span;
    const rules::LegalReference* row = nullptr;
  };
  std::vector<Literal> literal_rows(std::string_view folded) const {
    std::vector<Literal> out;
    for (const auto& [pattern, row] : literal_patterns_) {
      if (!out.empty() && out.back().row == row) continue;  // its citation was found, not its short name
      std::size_t end = 0;
      std::size_t at = find_folded(folded, pattern, 0, &end);
      if (at != std::string_view::npos) out.push_back({{at, end}, row});
    }
    return out;
  }

  void obsolete(std::size_t d) {
    const auto& ps = docs_[d].paragraphs;
    for (std::size_t i = 0; i < ps.size(); ++i) {
      const std::string& folded = views_[d].paragraphs()[i].folded;
      std::set<const rules::LegalReference*> reported;
      std::set<std::pair<int, int>> reported_unknown;
      for (const OldReference& ref : old_references(ps[i].text, folded)) {
        std::string written = ps[i].text.substr(ref.span.begin, ref.span.end - ref.span.begin);
        auto it = old_rows_.find({static_cast<int>(ref.source), ref.article});
        if (it != old_rows_.end()) {
          if (reported.insert(it->second).second) report_obsolete(d, i, written, *it->second);
        } else if (reported_unknown.insert({static_cast<int>(ref.source), ref.article}).second) {
          std::string what = ref.article != 0 ? fmt::format("l'article {} {}", ref.article, of_source(ref.source))
                                              : std::string(source_name(ref.source));
          add("doc-legal-obsolete", d, position(d, i),
              fmt::format("référence abrogée {} : {} n'est plus en vigueur", quoted(written), what),
              "citez l'article correspondant du code de la commande publique (en vigueur depuis le 1er avril 2019)");
        }
      }
      for (const Literal& l : literal_rows(folded))
        if (!l.row->current && reported.insert(l.row).second)
          report_obsolete(d, i, ps[i].text.substr(l.span.begin, l.span.end - l.span.begin), *l.row);
    }
  }

  void report_obsolete(std::size_t d, std::size_t i, const std::string& written, const rules::LegalReference& row) {
    std::vector<std::string> names, citations;
    for (const std::string& id : row.replaced_by)
      if (const rules::LegalReference* r = rules_.legal_reference(id)) {
        names.push_back(r->short_name);
        citations.push_back(cite(*r));
      }
    std::string message = fmt::format("référence abrogée {} ({})", quoted(written), row.short_name);
    if (!names.empty()) message += fmt::format(" : à remplacer par {}", join(names, " et "));
    add("doc-legal-obsolete", d, position(d, i), message,
        citations.empty() ? "citez l'article correspondant du code de la commande publique"
                          : fmt::format("citez {}", join(citations, " et ")));
  }

  std::vector<Cited> citations(std::size_t d) const {
    std::vector<Cited> out;
    const auto& ps = docs_[d].paragraphs;
    for (std::size_t i = 0; i < ps.size(); ++i) {
      std::set<const rules::LegalReference*> seen;
      for (const CodeReference& c : code_references(ps[i].text)) {
        auto it = code_rows_.find(c.key);
        if (it != code_rows_.end() && seen.insert(it->second).second) out.push_back({i, c.begin, it->second});
      }
      for (const Literal& l : literal_rows(views_[d].paragraphs()[i].folded))
        if (l.row->current && seen.insert(l.row).second) out.push_back({i, l.span.begin, l.row});
    }
    return out;
  }

  static std::vector<std::string> clause_types(const tender::Lot& lot) {
    std::vector<std::string> out{std::string(tender::name(lot.clause.value))};
    if (lot.award_criterion) out.emplace_back("award-criterion");
    return out;
  }

  // The rows that are a basis of one of these clause types.
  std::vector<const rules::LegalReference*> bases(const std::vector<std::string>& types) const {
    std::vector<const rules::LegalReference*> out;
    for (const rules::LegalReference& row : rules_.legal_references()) {
      if (!row.current) continue;
      for (const std::string& c : row.clauses)
        if (std::find(types.begin(), types.end(), c) != types.end()) {
          out.push_back(&row);
          break;
        }
    }
    return out;
  }

  void clause_mismatch(std::size_t d) {
    std::vector<Cited> cited = citations(d);
    // Clause types of the lots with a clause: one type for all means every citation of the document
    // is about them; several, and a citation is about the lot of its place.
    std::set<tender::Clause> types;
    for (const tender::Lot& lot : t_.lots)
      if (lot.has_clause()) types.insert(lot.clause.value);
    if (types.empty()) return;
    auto check = [&](const std::vector<const tender::Lot*>& lots, const std::vector<const Cited*>& found) {
      std::vector<std::string> kinds;
      for (const tender::Lot* lot : lots)
        for (const std::string& k : clause_types(*lot))
          if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
      std::vector<const rules::LegalReference*> expected = bases(kinds);
      if (expected.empty()) return;
      std::vector<const Cited*> relevant;  // citations that are the basis of some clause type
      for (const Cited* c : found)
        if (!c->row->clauses.empty()) relevant.push_back(c);
      if (relevant.empty()) return;
      for (const Cited* c : relevant)
        if (std::find(expected.begin(), expected.end(), c->row) != expected.end()) return;
      std::vector<std::string> said, wanted, wanted_citations, lot_names;
      for (const Cited* c : relevant) {
        std::string s = fmt::format("{} ({})", c->row->short_name, clause_label(c->row->clauses.front()));
        if (std::find(said.begin(), said.end(), s) == said.end()) said.push_back(s);
      }
      for (const rules::LegalReference* r : expected) {
        wanted.push_back(r->short_name);
        wanted_citations.push_back(cite(*r));
      }
      for (const tender::Lot* lot : lots) lot_names.push_back(lot_label(*lot));
      std::vector<std::string> kind_labels;
      for (const std::string& k : kinds) kind_labels.push_back(clause_label(k));
      add("doc-legal-clause-mismatch", d, position(d, relevant.front()->paragraph),
          fmt::format("{} ({}) : le document ne cite que {}, qui n'en est pas le fondement ; attendu : {}",
                      join(lot_names, ", "), join(kind_labels, ", "), join(said, ", "), join(wanted, " ou ")),
          fmt::format("citez {}", join(wanted_citations, " ou ")));
    };
    if (types.size() == 1) {
      std::vector<const tender::Lot*> lots;
      for (const tender::Lot& lot : t_.lots)
        if (lot.has_clause()) lots.push_back(&lot);
      std::vector<const Cited*> all;
      for (const Cited& c : cited) all.push_back(&c);
      check(lots, all);
      return;
    }
    for (const tender::Lot& lot : t_.lots) {
      if (!lot.has_clause()) continue;
      std::vector<const Cited*> found;
      for (const Cited& c : cited)
        if (views_[d].lot_at(c.paragraph, c.offset) == &lot) found.push_back(&c);
      check({&lot}, found);
    }
  }

  // ---- CCAG 2021 minimum content and penalties ----

  bool is_ccap(std::size_t d) const {
    if (fold(file_name(docs_[d].path)).find("ccap") != std::string::npos) return true;
    const auto& info = views_[d].paragraphs();
    for (std::size_t i = 0; i < info.size() && i < 5; ++i)
      if (contains_folded(info[i].folded, "clauses administratives particulières")) return true;
    return false;
  }

  template <class F>
  bool any_paragraph(const std::vector<std::size_t>& docs, F f) const {
    for (std::size_t d : docs)
      for (std::size_t i = 0; i < docs_[d].paragraphs.size(); ++i)
        if (f(d, i, views_[d].paragraphs()[i])) return true;
    return false;
  }

  static std::string digits_of(std::string_view s) {
    std::string out;
    for (char c : s)
      if (is_digit(c)) out.push_back(c);
    return out;
  }
  // The phone number without its trunk prefix: "04 65 71 00 12" and "+33 4 65 71 00 12" -> "465710012".
  static std::string national(std::string digits) {
    if (digits.size() == 11 && digits.rfind("33", 0) == 0) return digits.substr(2);
    if (digits.size() == 10 && digits.front() == '0') return digits.substr(1);
    return digits;
  }

  void ccag(const std::vector<std::size_t>& docs, std::size_t report_on) {
    if (!any_clause()) return;
    const bool single = t_.lots.size() == 1;
    bool scope = any_paragraph(docs, [&](std::size_t, std::size_t, const ParagraphInfo& p) {
      bool clause_words = contains_folded(p.folded, "clause*") || contains_folded(p.folded, "insertion") ||
                          contains_folded(p.folded, "condition d'exécution") || contains_folded(p.folded, "réservé*") ||
                          contains_folded(p.folded, "heures");
      if (!clause_words) return false;
      for (const LotMention& m : p.mentions)
        if (clause_set(*m.lot)) return true;
      return single && contains_folded(p.folded, "marché");
    });
    if (!scope) {
      std::vector<std::string> lots;
      for (const tender::Lot& lot : t_.lots)
        if (clause_set(lot)) lots.push_back("lot " + lot.id.value);
      add("doc-ccag-scope", report_on, {0, 0},
          fmt::format("le document ne désigne aucun des lots qui ont une clause d'insertion ({}) : le périmètre de "
                      "l'action d'insertion manque (contenu minimal du CCAG 2021)",
                      join(lots, ", ")),
          "nommez chaque lot concerné et la nature de sa clause : « Lot 01 « … » : condition d'exécution … »");
    }

    std::string email, phone;
    if (t_.facilitator && t_.facilitator->email) email = fold(t_.facilitator->email->value);
    if (t_.facilitator && t_.facilitator->phone) phone = national(digits_of(t_.facilitator->phone->value));
    if (phone.size() < 6) phone.clear();
    bool facilitator = any_paragraph(docs, [&](std::size_t d, std::size_t i, const ParagraphInfo& p) {
      if (email.empty() && phone.empty()) return contains_folded(p.folded, "facilitat*");
      if (!email.empty() && p.folded.find(email) != std::string::npos) return true;
      return !phone.empty() && digits_of(docs_[d].paragraphs[i].text).find(phone) != std::string::npos;
    });
    if (!facilitator) {
      std::vector<std::string> contact;
      if (t_.facilitator && t_.facilitator->email) contact.push_back(t_.facilitator->email->value);
      if (t_.facilitator && t_.facilitator->phone) contact.push_back(t_.facilitator->phone->value);
      add("doc-ccag-facilitator", report_on, {0, 0},
          contact.empty()
              ? std::string("le document ne nomme pas le facilitateur de la clause (contenu minimal du CCAG 2021)")
              : fmt::format("le document ne donne pas les coordonnées du facilitateur ({}) (contenu minimal "
                                        "du CCAG 2021)",
                                        join(contact, ", ")),
          "indiquez le nom, la structure, le courriel et le téléphone du facilitateur");
    }

    bool publics = any_paragraph(docs, [&](std::size_t, std::size_t, const ParagraphInfo& p) {
      if (contains_folded(p.folded, "éligib*") || contains_folded(p.folded, "public* visé*") ||
          contains_folded(p.folded, "public* cible*"))
        return true;
      for (const std::string& label : criteria_)
        if (contains_folded(p.folded, label)) return true;
      return false;
    });
    if (!publics)
      add("doc-ccag-publics", report_on, {0, 0},
          "le document ne définit pas les publics éligibles à la clause (contenu minimal du CCAG 2021)",
          "ajoutez un article « Publics éligibles » qui liste les critères (demandeurs d'emploi de longue durée, "
          "bénéficiaires du RSA, …)");

    bool volume = false;
    for (std::size_t d : docs) volume = volume || !statements_[d].empty() || !percents_[d].empty();
    if (!volume)
      add("doc-ccag-volume", report_on, {0, 0},
          "le document n'indique aucun volume d'heures d'insertion (contenu minimal du CCAG 2021)",
          "indiquez pour chaque lot le volume d'heures, en lettres et en chiffres : « … (1\u202F542) heures »");
  }

  // The amount before "par heure" in a penalty: "60,00 € HT par heure", "60 euros par heure".
  // `numbers` are the paragraph's, in text order.
  static std::optional<double> amount_per_hour(const std::vector<DigitsNumber>& numbers, std::string_view folded,
                                               std::size_t per_hour) {
    auto after = std::partition_point(numbers.begin(), numbers.end(),
                                      [&](const DigitsNumber& n) { return n.end <= per_hour; });
    if (after == numbers.begin()) return std::nullopt;
    const DigitsNumber& n = *std::prev(after);
    if (per_hour - n.end > 32) return std::nullopt;
    std::size_t i = skip_blank(folded, n.end);
    bool currency = false;
    for (std::string_view c : {"€", "euros", "euro", "eur"}) {
      if (folded.substr(i, c.size()) == c) {
        i += c.size();
        currency = true;
        break;
      }
    }
    if (!currency) return std::nullopt;
    i = skip_blank(folded, i);
    for (std::string_view tax : {"hors taxes", "h.t.", "ht", "ttc"}) {
      if (folded.substr(i, tax.size()) == tax) {
        i = skip_blank(folded, i + tax.size());
        break;
      }
    }
    return i == per_hour ? std::optional(n.value) : std::nullopt;
  }

  void penalties(const std::vector<std::size_t>& docs, std::size_t report_on) {
    if (!t_.penalties || !t_.penalties->per_missing_hour || !any_clause()) return;
    const double rate = t_.penalties->per_missing_hour->value;
    bool stated = false;
    std::optional<std::pair<std::size_t, std::size_t>> wrong;  // document, paragraph
    double wrong_amount = 0;
    for (std::size_t d : docs) {
      for (std::size_t i = 0; i < docs_[d].paragraphs.size(); ++i) {
        const std::string& folded = views_[d].paragraphs()[i].folded;
        if (!contains_folded(folded, "pénalit*")) continue;
        std::size_t end = 0;
        std::optional<std::vector<DigitsNumber>> numbers;
        for (std::string_view per : {"par heure", "pour chaque heure"}) {
          for (std::size_t at = find_folded(folded, per, 0, &end); at != std::string_view::npos;
               at = find_folded(folded, per, end, &end)) {
            stated = true;
            if (!numbers) numbers = find_numbers_in_digits(docs_[d].paragraphs[i].text);
            auto amount = amount_per_hour(*numbers, folded, at);
            if (amount && !same(*amount, rate) && !wrong) {
              wrong = std::make_pair(d, i);
              wrong_amount = *amount;
            }
          }
        }
      }
    }
    if (!stated) {
      add("doc-penalty-missing", report_on, {0, 0},
          fmt::format("le dossier prévoit une pénalité de {} par heure d'insertion non réalisée, que le document "
                      "n'indique pas",
                      text::format_euros(rate)),
          fmt::format("ajoutez : « le titulaire encourt une pénalité de {} HT par heure d'insertion non réalisée »",
                      text::format_euros(rate)));
    } else if (wrong) {
      add("doc-penalty-rate", wrong->first, position(wrong->first, wrong->second),
          fmt::format("pénalité par heure d'insertion non réalisée : le document indique {}, le dossier prévoit {}",
                      text::format_euros(wrong_amount), text::format_euros(rate)),
          fmt::format("écrivez « {} HT par heure d'insertion non réalisée », ou corrigez « penalties » dans le dossier",
                      text::format_euros(rate)));
    }
  }

  // ---- Climate and Resilience ----

  void climate(std::size_t report_on) {
    if (!climate_obligation_applies(t_, rules_)) return;
    static constexpr std::string_view reasons[] = {"ne comporte pas de clause", "aucune clause", "sans clause",
                                                   "n'est pas soumis*", "dérogation", "justification", "motif*"};
    auto says_reason = [&](std::string_view folded) {
      for (std::string_view r : reasons)
        if (contains_folded(folded, r)) return true;
      return false;
    };
    for (const tender::Lot& lot : t_.lots) {
      if (clause_set(lot)) continue;
      if (!lot.derogation) {
        add("doc-climate-social-consideration", report_on, {0, 0},
            fmt::format("{} : ni clause ni dérogation dans le dossier, alors que l'obligation de considération "
                        "sociale de la loi Climat et résilience s'applique ; aucun document ne peut être conforme",
                        lot_label(lot)),
            "donnez une clause au lot, ou justifiez sa dérogation dans le dossier (« derogation: »), puis rédigez "
            "à nouveau avec clausier draft");
        continue;
      }
      bool said = false;
      for (std::size_t d = 0; d < docs_.size() && !said; ++d) {
        const auto& info = views_[d].paragraphs();
        for (std::size_t i = 0; i < info.size() && !said; ++i) {
          bool names = std::any_of(info[i].mentions.begin(), info[i].mentions.end(),
                                   [&](const LotMention& m) { return m.lot == &lot; });
          if (!names) continue;
          if (says_reason(info[i].folded)) said = true;
          // A list item after "Aucune clause sociale d'insertion n'est prévue pour :" (items naming lots).
          for (std::size_t j = i; j-- > 0 && !said && i - j <= 50;) {
            const std::string& prev = docs_[d].paragraphs[j].text;
            std::size_t e = prev.find_last_not_of(' ');
            if (e != std::string::npos && prev[e] == ':') {
              said = says_reason(info[j].folded);
              break;
            }
            if (info[j].mentions.empty()) break;  // not a list of lots
          }
        }
      }
      if (!said)
        add("doc-climate-social-consideration", report_on, {0, 0},
            fmt::format("{} : le document ne dit pas que le lot n'a pas de clause ni pourquoi, alors que l'obligation "
                        "de considération sociale de la loi Climat et résilience s'applique",
                        lot_label(lot)),
            fmt::format("écrivez : « Le lot {} ne comporte pas de clause sociale d'insertion. Justification : {} »",
                        lot.id.value, lot.derogation->value));
    }
  }

  const std::vector<document::Document>& docs_;
  const tender::Tender& t_;
  const hours::TenderResult& hours_;
  const rules::RuleSet& rules_;
  Diagnostics& out_;
  std::map<const tender::Lot*, const hours::LotResult*> results_;
  std::vector<DocumentView> views_;
  std::vector<std::vector<HourStatement>> statements_;
  std::vector<std::vector<PercentStatement>> percents_;
  std::map<std::pair<int, int>, const rules::LegalReference*> old_rows_;
  std::map<std::string, const rules::LegalReference*> code_rows_;
  std::vector<std::pair<std::string, const rules::LegalReference*>> literal_patterns_;  // folded citation, short name
  std::vector<std::string> criteria_;                                                   // folded labels
};

}  // namespace

std::span<const RuleInfo> document_rule_catalogue() { return catalogue; }

Diagnostics check_documents(const std::vector<document::Document>& documents, const tender::Tender& tender,
                            const hours::TenderResult& hours, const rules::RuleSet& rules) {
  Diagnostics out;
  Checker(documents, tender, hours, rules, out).run();
  sort_diagnostics(out);
  return out;
}

}  // namespace clausier::check
