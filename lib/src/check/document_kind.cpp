// Which piece of the consultation a document is (document_checks.hpp: document_kind).
//
// A title says it best: buyers name their files in many ways ("Pièce 3.docx", "DCE_v2.docx"), while
// a CCAP, an RC or an acte d'engagement announces itself at its top. The title is looked for in short
// paragraphs only: a long one is prose, and the drafted acte d'engagement names « cahier des clauses
// administratives particulières (CCAP) » in its fourth paragraph without being one. Buyers write
// titles in capitals, often without their accents: both spellings are listed.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "clausier/check/document_checks.hpp"
#include "folded_text.hpp"

namespace clausier::check {
namespace {

using detail::find_folded;
using detail::fold;

struct Pattern {
  std::string_view text;  // folded; "*" ends a prefix
  DocumentKind kind;
};

constexpr Pattern titles[] = {
    {"clauses administratives particuli*", DocumentKind::ccap},
    {"ccap", DocumentKind::ccap},
    {"c.c.a.p*", DocumentKind::ccap},
    {"règlement de la consultation", DocumentKind::rc},
    {"reglement de la consultation", DocumentKind::rc},
    {"règlement de consultation", DocumentKind::rc},
    {"reglement de consultation", DocumentKind::rc},
    {"acte d'engagement", DocumentKind::ae},
    {"avis d'appel*", DocumentKind::notice},
    {"avis de marché", DocumentKind::notice},
    {"avis de marche", DocumentKind::notice},
    {"avis de publicit*", DocumentKind::notice},
};

// Words of a file name: "03-CCAP", "RC_lot2", "AE lot 1", "ATTRI1" (the DAJ's acte d'engagement form),
// "Avis d'appel public à la concurrence", "AAPC".
constexpr Pattern name_words[] = {
    {"ccap", DocumentKind::ccap},      {"rc", DocumentKind::rc},         {"règlement", DocumentKind::rc},
    {"reglement", DocumentKind::rc},   {"ae", DocumentKind::ae},         {"acte", DocumentKind::ae},
    {"attri", DocumentKind::ae},       {"avis", DocumentKind::notice},   {"aapc", DocumentKind::notice},
    {"notice", DocumentKind::notice},
};

constexpr std::size_t title_paragraphs = 12;  // a cover page: buyer, address, procedure, operation, title
constexpr std::size_t title_length = 160;     // bytes: longer is prose

// The kind whose title starts first in this paragraph, if any.
std::optional<DocumentKind> title_kind(std::string_view folded) {
  std::optional<DocumentKind> found;
  std::size_t first = std::string_view::npos;
  for (const Pattern& t : titles) {
    std::size_t at = find_folded(folded, t.text);
    if (at < first) {
      first = at;
      found = t.kind;
    }
  }
  return found;
}

std::string_view file_stem(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  std::size_t dot = path.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? path : path.substr(0, dot);
}

// The first word of the file name that names a kind: runs of letters, runs of digits ("lot2" is
// "lot" and "2").
std::optional<DocumentKind> name_kind(std::string_view path) {
  const std::string folded = fold(file_stem(path));
  std::size_t i = 0;
  while (i < folded.size()) {
    std::size_t begin = i;
    if (detail::is_digit(folded[i])) {
      while (i < folded.size() && detail::is_digit(folded[i])) ++i;
      continue;
    }
    while (i < folded.size()) {
      std::size_t n = detail::letter_at(folded, i);
      if (n == 0) break;
      i += n;
    }
    if (i == begin) {
      ++i;
      continue;
    }
    const std::string_view word = std::string_view(folded).substr(begin, i - begin);
    for (const Pattern& w : name_words)
      if (word == w.text) return w.kind;
  }
  return std::nullopt;
}

}  // namespace

std::string_view name(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::ccap: return "ccap";
    case DocumentKind::rc: return "rc";
    case DocumentKind::ae: return "ae";
    case DocumentKind::notice: return "notice";
    case DocumentKind::other: break;
  }
  return "other";
}

std::string_view label(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::ccap: return "CCAP";
    case DocumentKind::rc: return "RC";
    case DocumentKind::ae: return "acte d'engagement";
    case DocumentKind::notice: return "avis";
    case DocumentKind::other: break;
  }
  return "autre pièce";
}

DocumentKind document_kind(const document::Document& document) {
  const auto& paragraphs = document.paragraphs;
  for (std::size_t i = 0; i < paragraphs.size() && i < title_paragraphs; ++i) {
    if (paragraphs[i].text.size() > title_length) continue;
    if (std::optional<DocumentKind> kind = title_kind(fold(paragraphs[i].text))) return *kind;
  }
  return name_kind(document.path).value_or(DocumentKind::other);
}

}  // namespace clausier::check
