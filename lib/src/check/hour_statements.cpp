// Hour statements in a draft document (hour_statements.hpp).
#include "hour_statements.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "clausier/text/words.hpp"
#include "folded_text.hpp"

namespace clausier::check::detail {
namespace {

// ---- Figures: numbers in digits and in words, in text order ---------------------------------------

struct Figure {
  std::size_t begin = 0, end = 0;
  bool words = false;
  double value = 0;
  bool decimals = false;
  bool unit_h = false;
};

std::vector<Figure> figures(std::string_view text) {
  std::vector<Figure> out;
  for (const DigitsNumber& d : find_numbers_in_digits(text))
    out.push_back({d.begin, d.end, false, d.value, d.decimals, d.unit_h});
  for (const text::NumberInWords& w : text::find_numbers_in_words(text))
    out.push_back({w.begin, w.end, true, static_cast<double>(w.value), false, false});
  std::sort(out.begin(), out.end(), [](const Figure& a, const Figure& b) { return a.begin < b.begin; });
  return out;
}

// "heures", "heure", or (after digits) "h": the end of the unit at `at`, or npos.
std::size_t unit_at(std::string_view folded, std::size_t at, bool allow_h) {
  std::size_t end = 0;
  if (starts_with_any(folded, at, {"heures", "heure"}, &end)) return end;
  if (allow_h && at < folded.size() && folded[at] == 'h' && !word_char_at(folded, at + 1)) return at + 1;
  return std::string_view::npos;
}

// Money or a share: "€", "euros", "%" right after the number.
bool money_or_percent_after(std::string_view folded, std::size_t at) {
  std::size_t i = skip_spaces(folded, at);
  return starts_with_any(folded, i, {"%", "€*", "euros", "euro", "eur"});
}

// An operand of a formula: "× 151,67 h", "÷ 30", "* 12".
bool operand(std::string_view folded, std::size_t begin, std::size_t end) {
  std::size_t i = begin;
  while (i > 0 && is_space(folded[i - 1])) --i;
  if (i > 0 && (folded[i - 1] == '*' || folded[i - 1] == '/' || folded[i - 1] == '+')) return true;
  if (i >= 2 && (folded.substr(i - 2, 2) == "\u00D7" || folded.substr(i - 2, 2) == "\u00F7")) return true;
  if (i >= 1 && folded[i - 1] == 'x' && !word_char_before(folded, i - 1)) return true;
  std::size_t j = skip_spaces(folded, end);
  return starts_with_any(folded, j, {"\u00D7", "\u00F7", "*", "x"});
}

// The up to three words before `at`, in the same clause (stops at , ; : . ( )).
std::vector<std::string_view> words_before(std::string_view folded, std::size_t at) {
  std::vector<std::string_view> out;
  std::size_t i = at;
  while (out.size() < 3 && i > 0) {
    char c = folded[i - 1];
    if (c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')') break;
    if (!word_char_before(folded, i)) {
      --i;
      continue;
    }
    std::size_t end = i;
    for (;;) {
      if (i > 0 && word_char_before(folded, i)) {
        i -= (is_ascii_alnum(folded[i - 1]) ? 1 : 2);
      } else if (i > 1 && folded[i - 1] == '-' && word_char_before(folded, i - 1)) {
        --i;  // "sous-traitance" is one word, not "sous"
      } else {
        break;
      }
    }
    out.push_back(folded.substr(i, end - i));
  }
  return out;
}

// Thresholds and time limits are not volumes.
bool excluded_before(std::string_view folded, std::size_t at) {
  static constexpr std::array<std::string_view, 7> words = {"délai", "sous",    "seuil", "plancher",
                                                            "dans",  "pendant", "durée"};
  for (std::string_view w : words_before(folded, at))
    if (std::find(words.begin(), words.end(), w) != words.end()) return true;
  return false;
}
bool excluded_after(std::string_view folded, std::size_t at) {
  std::size_t i = skip_spaces(folded, at);
  return starts_with_any(folded, i,
                         {"par jour", "par semaine", "par mois", "par an", "par année", "hebdomadaire*", "ouvrée*",
                          "ouvrable*", "consécutive*", "de formation", "de retard", "de préavis", "avant", "après",
                          "à l'avance"});
}

}  // namespace


bool HourStatement::disagree() const { return digits && words && std::fabs(*digits - *words) > 1e-9; }

std::vector<HourStatement> find_hour_statements(const DocumentView& view) {
  std::vector<HourStatement> out;
  const auto& ps = view.document().paragraphs;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    std::string_view text = ps[i].text;
    const ParagraphInfo& inf = view.paragraphs()[i];
    std::string_view folded = inf.folded;
    std::vector<Figure> figs = figures(text);
    std::vector<bool> used(figs.size(), false);
    for (std::size_t k = 0; k < figs.size(); ++k) {
      if (used[k]) continue;
      const Figure& f = figs[k];
      HourStatement st;
      st.paragraph = i;
      st.begin = f.begin;
      std::size_t pos = f.end;
      bool unit = f.unit_h;
      // The other form in parentheses: "(1 542)", "(262,5 heures)", "(mille cinq cent quarante-deux)".
      auto parenthesised = [&](bool want_words) {
        std::size_t q = skip_spaces(folded, pos);
        if (q >= folded.size() || folded[q] != '(' || k + 1 >= figs.size()) return;
        const Figure& g = figs[k + 1];
        if (g.words != want_words || g.begin != skip_spaces(folded, q + 1)) return;
        std::size_t s = g.end;
        bool u = g.unit_h;
        if (!u) {
          std::size_t e = unit_at(folded, skip_spaces(folded, s), !g.words);
          if (e != std::string_view::npos) {
            u = true;
            s = e;
          }
        }
        s = skip_spaces(folded, s);
        if (s >= folded.size() || folded[s] != ')') return;
        if (g.words) {
          st.words = g.value;
        } else {
          st.digits = g.value;
          st.decimals = g.decimals;
        }
        used[k + 1] = true;
        unit = unit || u;
        pos = s + 1;
      };
      auto unit_after = [&](bool allow_h) {
        if (unit) return;
        std::size_t e = unit_at(folded, skip_spaces(folded, pos), allow_h);
        if (e != std::string_view::npos) {
          unit = true;
          pos = e;
        }
      };
      if (f.words) {
        st.words = f.value;
        unit_after(false);
        if (unit) {
          std::size_t e = 0;
          if (starts_with_any(folded, skip_spaces(folded, pos), {"et demie"}, &e)) {
            *st.words += 0.5;
            pos = e;
          }
        }
        parenthesised(false);
        unit_after(false);
        // "un", "une" alone: an article as often as a number.
        if (!st.digits && f.value == 1 && f.end - f.begin <= 3) continue;
      } else {
        if (money_or_percent_after(folded, f.end)) continue;
        st.digits = f.value;
        st.decimals = f.decimals;
        unit_after(true);
        parenthesised(true);
        unit_after(true);
      }
      if (!unit && !inf.hours_cell) continue;
      if (operand(folded, f.begin, pos) || excluded_before(folded, f.begin) || excluded_after(folded, pos)) continue;
      st.end = pos;
      st.total = inf.total_row;
      st.lot = st.total ? nullptr : view.lot_at(i, f.begin);
      st.tranche = inf.tranche;
      out.push_back(st);
    }
  }
  return out;
}

std::vector<PercentStatement> find_percent_statements(const DocumentView& view) {
  std::vector<PercentStatement> out;
  const auto& ps = view.document().paragraphs;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    std::string_view folded = view.paragraphs()[i].folded;
    if (folded.find('%') == std::string_view::npos) continue;
    for (const DigitsNumber& d : find_numbers_in_digits(ps[i].text)) {
      std::size_t q = skip_spaces(folded, d.end);
      if (q >= folded.size() || folded[q] != '%') continue;
      if (match_at(folded, skip_spaces(folded, q + 1), "des heures") == std::string_view::npos) continue;
      out.push_back({i, d.value, view.lot_at(i, d.begin)});
    }
  }
  return out;
}

}  // namespace clausier::check::detail
