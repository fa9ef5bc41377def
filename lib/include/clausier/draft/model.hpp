#pragma once
// What a clause template can say: the tender, its lots and their hours as `clausier hours` computes
// them, already written the French way (amounts, percentages, dates, numbers in words). Variable
// names are French, because facilitators edit the templates; docs/draft.md lists them all.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "clausier/hours/calc.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/text/words.hpp"

namespace clausier::draft {

struct ModelOptions {
  text::Spelling spelling = text::Spelling::traditional;
  std::vector<std::string> lots;  // only these lot ids; empty: every lot
  std::string article{};          // the article's number in the CCAP or RC ("12"); empty: "X", to fill in
};

// The data given to the templates. Every key documented in variables() is always present (false,
// empty text or empty list when it does not apply), so a template never meets a missing value by chance.
nlohmann::ordered_json build_model(const hours::TenderResult& result, const rules::RuleSet& rules,
                                   const ModelOptions& options);

// The legal references the templates cite that the rule tables no longer give as current (a --rules file
// may mark one obsolete): drafting stops rather than print a sentence with a hole in it.
std::vector<std::string> unavailable_references(const rules::RuleSet& rules);

// Every variable with its description, for docs/draft.md and `clausier draft --variables`.
struct Variable {
  std::string name;         // "lots.heures_texte" (inside {{#lots}}), "acheteur.nom"
  std::string description;  // French
};
const std::vector<Variable>& variables();

// An article number as --article takes it: digits, and dot-separated parts ("12", "4.2").
bool valid_article_number(std::string_view s);

}  // namespace clausier::draft
