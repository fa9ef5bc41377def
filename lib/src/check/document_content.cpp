// What a CCAP must contain: the CCAG 2021 minimum content of an insertion clause (doc-ccag-scope,
// doc-ccag-facilitator, doc-ccag-publics, doc-ccag-volume), the penalty per missing hour
// (doc-penalty-missing; doc-penalty-rate in any piece), and, for the whole set, the Climate and
// Resilience obligation (doc-climate-social-consideration). Decisions: the head of document_checks.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/check/tender_checks.hpp"
#include "clausier/core/text.hpp"
#include "clausier/text/french.hpp"
#include "document_set.hpp"
#include "folded_text.hpp"

namespace clausier::check::detail {
namespace {

template <class F>
bool any_paragraph(const DocumentSet& set, const std::vector<std::size_t>& docs, F f) {
  for (std::size_t d : docs)
    for (std::size_t i = 0; i < set.docs[d].paragraphs.size(); ++i)
      if (f(d, i, set.views[d].paragraphs()[i])) return true;
  return false;
}

std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_digit(c)) out.push_back(c);
  return out;
}
// The phone number without its trunk prefix: "04 65 71 00 12" and "+33 4 65 71 00 12" -> "465710012".
std::string national(std::string digits) {
  if (digits.size() == 11 && digits.rfind("33", 0) == 0) return digits.substr(2);
  if (digits.size() == 10 && digits.front() == '0') return digits.substr(1);
  return digits;
}

// The amount before "par heure" in a penalty: "60,00 € HT par heure", "60 euros par heure".
// `numbers` are the paragraph's, in text order.
std::optional<DigitsNumber> amount_per_hour(const std::vector<DigitsNumber>& numbers, std::string_view folded,
                                            std::size_t per_hour) {
  auto after = std::partition_point(numbers.begin(), numbers.end(),
                                    [&](const DigitsNumber& n) { return n.end <= per_hour; });
  if (after == numbers.begin()) return std::nullopt;
  const DigitsNumber& n = *std::prev(after);
  if (per_hour - n.end > 32) return std::nullopt;
  std::size_t i = skip_spaces(folded, n.end);
  bool currency = false;
  for (std::string_view c : {"€", "euros", "euro", "eur"}) {
    if (folded.substr(i, c.size()) == c) {
      i += c.size();
      currency = true;
      break;
    }
  }
  if (!currency) return std::nullopt;
  i = skip_spaces(folded, i);
  for (std::string_view tax : {"hors taxes", "h.t.", "ht", "ttc"}) {
    if (folded.substr(i, tax.size()) == tax) {
      i = skip_spaces(folded, i + tax.size());
      break;
    }
  }
  return i == per_hour ? std::optional(n) : std::nullopt;
}

// What a document says of the penalty per missing hour: whether it states one ("par heure", "pour
// chaque heure" in a paragraph about a penalty), and the first amount that differs from `rate`.
struct PenaltyScan {
  bool stated = false;
  struct Wrong {
    std::size_t paragraph;
    DigitsNumber amount;
  };
  std::optional<Wrong> wrong;
};

PenaltyScan scan_penalties(const DocumentSet& set, std::size_t d, double rate) {
  PenaltyScan scan;
  for (std::size_t i = 0; i < set.docs[d].paragraphs.size(); ++i) {
    const std::string& folded = set.views[d].paragraphs()[i].folded;
    if (!contains_folded(folded, "pénalit*")) continue;
    std::size_t end = 0;
    std::optional<std::vector<DigitsNumber>> numbers;
    for (std::string_view per : {"par heure", "pour chaque heure"}) {
      for (std::size_t at = find_folded(folded, per, 0, &end); at != std::string_view::npos;
           at = find_folded(folded, per, end, &end)) {
        scan.stated = true;
        if (!numbers) numbers = find_numbers_in_digits(set.docs[d].paragraphs[i].text);
        auto amount = amount_per_hour(*numbers, folded, at);
        if (amount && !same_figure(amount->value, rate) && !scan.wrong) scan.wrong = PenaltyScan::Wrong{i, *amount};
      }
    }
  }
  return scan;
}

}  // namespace

void check_ccag(DocumentSet& set, const std::vector<std::size_t>& docs, std::size_t report_on) {
  if (!set.any_clause()) return;
  const bool single = set.tender.lots.size() == 1;
  bool scope = any_paragraph(set, docs, [&](std::size_t, std::size_t, const ParagraphInfo& p) {
    bool clause_words = contains_folded(p.folded, "clause*") || contains_folded(p.folded, "insertion") ||
                        contains_folded(p.folded, "condition d'exécution") || contains_folded(p.folded, "réservé*") ||
                        contains_folded(p.folded, "heures");
    if (!clause_words) return false;
    for (const LotMention& m : p.mentions)
      if (set.clause_set(*m.lot)) return true;
    return single && contains_folded(p.folded, "marché");
  });
  if (!scope) {
    std::vector<std::string> lots;
    for (const tender::Lot& lot : set.tender.lots)
      if (set.clause_set(lot)) lots.push_back("lot " + lot.id.value);
    set.add("doc-ccag-scope", report_on, {0, 0},
        fmt::format("le document ne désigne aucun des lots qui ont une clause d'insertion ({}) : le périmètre de "
                    "l'action d'insertion manque (contenu minimal du CCAG 2021)",
                    join(lots, ", ")),
        "nommez chaque lot concerné et la nature de sa clause : « Lot 01 « … » : condition d'exécution … »");
  }

  std::string email, phone;
  if (set.tender.facilitator && set.tender.facilitator->email) email = fold(set.tender.facilitator->email->value);
  if (set.tender.facilitator && set.tender.facilitator->phone) phone = national(digits_of(set.tender.facilitator->phone->value));
  if (phone.size() < 6) phone.clear();
  bool facilitator = any_paragraph(set, docs, [&](std::size_t d, std::size_t i, const ParagraphInfo& p) {
    if (email.empty() && phone.empty()) return contains_folded(p.folded, "facilitat*");
    if (!email.empty() && p.folded.find(email) != std::string::npos) return true;
    return !phone.empty() && digits_of(set.docs[d].paragraphs[i].text).find(phone) != std::string::npos;
  });
  if (!facilitator) {
    std::vector<std::string> contact;
    if (set.tender.facilitator && set.tender.facilitator->email) contact.push_back(set.tender.facilitator->email->value);
    if (set.tender.facilitator && set.tender.facilitator->phone) contact.push_back(set.tender.facilitator->phone->value);
    set.add("doc-ccag-facilitator", report_on, {0, 0},
        contact.empty()
            ? std::string("le document ne nomme pas le facilitateur de la clause (contenu minimal du CCAG 2021)")
            : fmt::format("le document ne donne pas les coordonnées du facilitateur ({}) (contenu minimal "
                                      "du CCAG 2021)",
                                      join(contact, ", ")),
        "indiquez le nom, la structure, le courriel et le téléphone du facilitateur");
  }

  std::vector<std::string> criteria;  // folded labels of the eligibility criteria
  for (const rules::EligibilityCriterion& c : set.rules.eligibility_criteria())
    if (c.label.size() >= 6) criteria.push_back(fold(c.label));
  bool publics = any_paragraph(set, docs, [&](std::size_t, std::size_t, const ParagraphInfo& p) {
    if (contains_folded(p.folded, "éligib*") || contains_folded(p.folded, "public* visé*") ||
        contains_folded(p.folded, "public* cible*"))
      return true;
    for (const std::string& label : criteria)
      if (contains_folded(p.folded, label)) return true;
    return false;
  });
  if (!publics)
    set.add("doc-ccag-publics", report_on, {0, 0},
        "le document ne définit pas les publics éligibles à la clause (contenu minimal du CCAG 2021)",
        "ajoutez un article « Publics éligibles » qui liste les critères (demandeurs d'emploi de longue durée, "
        "bénéficiaires du RSA, …)");

  bool volume = false;
  for (std::size_t d : docs) volume = volume || !set.statements[d].empty() || !set.percents[d].empty();
  if (!volume)
    set.add("doc-ccag-volume", report_on, {0, 0},
        "le document n'indique aucun volume d'heures d'insertion (contenu minimal du CCAG 2021)",
        "indiquez pour chaque lot le volume d'heures, en lettres et en chiffres : « … (1\u202F542) heures »");
}


void check_penalty_missing(DocumentSet& set, const std::vector<std::size_t>& docs, std::size_t report_on) {
  if (!set.tender.penalties || !set.tender.penalties->per_missing_hour || !set.any_clause()) return;
  const double rate = set.tender.penalties->per_missing_hour->value;
  for (std::size_t d : docs)
    if (scan_penalties(set, d, rate).stated) return;
  set.add("doc-penalty-missing", report_on, {0, 0},
      fmt::format("le dossier prévoit une pénalité de {} par heure d'insertion non réalisée, que le document "
                  "n'indique pas",
                  text::format_euros(rate)),
      fmt::format("ajoutez : « le titulaire encourt une pénalité de {} HT par heure d'insertion non réalisée »",
                  text::format_euros(rate)));
}

void check_penalty_rate(DocumentSet& set, std::size_t d) {
  if (!set.tender.penalties || !set.tender.penalties->per_missing_hour || !set.any_clause()) return;
  const double rate = set.tender.penalties->per_missing_hour->value;
  const PenaltyScan scan = scan_penalties(set, d, rate);
  if (!scan.wrong) return;
  set.add("doc-penalty-rate", d, set.position(d, scan.wrong->paragraph, scan.wrong->amount.begin),
      fmt::format("pénalité par heure d'insertion non réalisée : le document indique {}, le dossier prévoit {}",
                  text::format_euros(scan.wrong->amount.value), text::format_euros(rate)),
      fmt::format("écrivez « {} HT par heure d'insertion non réalisée », ou corrigez « penalties » dans le dossier",
                  text::format_euros(rate)));
}

void check_climate(DocumentSet& set, std::size_t report_on) {
  if (!climate_obligation_applies(set.tender, set.rules)) return;
  static constexpr std::string_view reasons[] = {"ne comporte pas de clause", "aucune clause", "sans clause",
                                                 "n'est pas soumis*", "dérogation", "justification", "motif*"};
  auto says_reason = [&](std::string_view folded) {
    for (std::string_view r : reasons)
      if (contains_folded(folded, r)) return true;
    return false;
  };
  for (const tender::Lot& lot : set.tender.lots) {
    if (set.clause_set(lot)) continue;
    if (!lot.derogation) {
      set.add("doc-climate-social-consideration", report_on, {0, 0},
          fmt::format("{} : ni clause ni dérogation dans le dossier, alors que l'obligation de considération "
                      "sociale de la loi Climat et résilience s'applique ; aucun document ne peut être conforme",
                      lot_label(lot)),
          "donnez une clause au lot, ou justifiez sa dérogation dans le dossier (« derogation: »), puis rédigez "
          "à nouveau avec clausier draft");
      continue;
    }
    bool said = false;
    for (std::size_t d = 0; d < set.docs.size() && !said; ++d) {
      const auto& info = set.views[d].paragraphs();
      for (std::size_t i = 0; i < info.size() && !said; ++i) {
        bool names = std::any_of(info[i].mentions.begin(), info[i].mentions.end(),
                                 [&](const LotMention& m) { return m.lot == &lot; });
        if (!names) continue;
        if (says_reason(info[i].folded)) said = true;
        // A list item after "Aucune clause sociale d'insertion n'est prévue pour :" (items naming lots).
        for (std::size_t j = i; j-- > 0 && !said && i - j <= 50;) {
          const std::string& prev = set.docs[d].paragraphs[j].text;
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
      set.add("doc-climate-social-consideration", report_on, {0, 0},
          fmt::format("{} : le document ne dit pas que le lot n'a pas de clause ni pourquoi, alors que l'obligation "
                      "de considération sociale de la loi Climat et résilience s'applique",
                      lot_label(lot)),
          fmt::format("écrivez : « Le lot {} ne comporte pas de clause sociale d'insertion. Justification : {} »",
                      lot.id.value, lot.derogation->value));
  }
}

}  // namespace clausier::check::detail
