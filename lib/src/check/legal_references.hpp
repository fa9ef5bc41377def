#pragma once
// Private to the document checks: references to legal texts in a paragraph. Obsolete ones (the code
// des marchés publics, ordonnance n° 2015-899, décret n° 2016-360, with their articles: "article 14
// du code des marchés publics", "décret n° 2016-360, art. 28", "articles 14 et 15 du CMP") and
// articles of the code de la commande publique ("L. 2112-2", "art. R.2113-7").
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clausier::check::detail {

enum class OldSource { cmp, ordonnance, decret };

// "de" + the name: "du code des marchés publics".
std::string_view of_source(OldSource s);
// The name with its article ("le code des marchés publics").
std::string_view source_name(OldSource s);

struct Span {
  std::size_t begin = 0, end = 0;
};
// A reference to an obsolete text: its source and article (0: the text as a whole).
struct OldReference {
  Span span;
  OldSource source;
  int article = 0;
};
// The obsolete references of a paragraph: `text` and its fold (folded_text.hpp).
std::vector<OldReference> old_references(std::string_view text, std::string_view folded);

// "L. 2112-2", "L2112-2", "art. L.2113-13", "R. 2113-7", "L. 2112-2-1": "L2112-2" etc.
struct CodeReference {
  std::size_t begin = 0;
  std::string key;
};
std::vector<CodeReference> code_references(std::string_view text);

}  // namespace clausier::check::detail
