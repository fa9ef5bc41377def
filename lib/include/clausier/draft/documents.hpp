#pragma once
// The documents of the consultation file that carry the clause: CCAP article, RC article, the
// contractor's commitment annexed to the acte d'engagement, the notice mention; or all of them.
#include <string>
#include <string_view>
#include <vector>

#include "clausier/draft/model.hpp"
#include "clausier/draft/templates.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/rules/rules.hpp"

namespace clausier::draft {

enum class DocumentKind { ccap, rc, ae, notice, all };
std::string_view name(DocumentKind k);      // "ccap", ...
std::string_view title(DocumentKind k);     // "Cahier des clauses administratives particulières", ...

// The Markdown text of the document(s) for one operation; "all" joins the four with page breaks.
Rendered draft_markdown(const hours::TenderResult& result, const rules::RuleSet& rules, const TemplateSet& templates,
                        DocumentKind kind, const ModelOptions& options);

}  // namespace clausier::draft
