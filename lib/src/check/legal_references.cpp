// References to legal texts in a paragraph (legal_references.hpp).
#include "legal_references.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <utility>

#include "folded_text.hpp"

namespace clausier::check::detail {
namespace {

struct SourceMention {
  Span span;
  OldSource source;
  bool acronym = false;  // "CMP": not reported without an article
};
struct ArticleList {
  Span span;
  std::vector<int> numbers;
};

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

// "article 14", "articles 14 et 15", "art. 38", "art 28-I", "articles 14, 15 ou 30".
std::vector<ArticleList> article_lists(std::string_view folded) {
  std::vector<ArticleList> out;
  for (std::string_view keyword : {"articles", "article", "art.", "art"}) {
    std::size_t end = 0;
    for (std::size_t at = find_folded(folded, keyword, 0, &end); at != std::string_view::npos;
         at = find_folded(folded, keyword, end, &end)) {
      ArticleList list{{at, end}, {}};
      std::size_t i = skip_spaces(folded, end);
      for (;;) {
        std::size_t d = i;
        while (d < folded.size() && is_digit(folded[d])) ++d;
        if (d == i || d - i > 4 || (d < folded.size() && letter_at(folded, d) != 0)) break;
        list.numbers.push_back(std::stoi(std::string(folded.substr(i, d - i))));
        // "53-IV", "14-1": a subdivision of the article.
        if (d + 1 < folded.size() && folded[d] == '-' && is_ascii_alnum(folded[d + 1])) {
          ++d;
          while (d < folded.size() && is_ascii_alnum(folded[d])) ++d;
        }
        list.span.end = d;
        std::size_t j = skip_spaces(folded, d);
        std::size_t k = 0;
        if (j < folded.size() && folded[j] == ',') {
          k = j + 1;
        } else {
          for (std::string_view c : {"et ", "ou ", "à "})
            if (folded.substr(j, c.size()) == c) k = j + c.size();
        }
        if (k == 0) break;
        k = skip_spaces(folded, k);
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
    if (c == ' ' || c == filler || c == ',' || c == '(') {
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

}  // namespace

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

std::vector<CodeReference> code_references(std::string_view text) {
  std::vector<CodeReference> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != 'L' && c != 'R' && c != 'D') continue;
    if (i > 0 && (is_ascii_alnum(text[i - 1]) || static_cast<unsigned char>(text[i - 1]) >= 0x80)) continue;
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

}  // namespace clausier::check::detail
