// What an RC and a notice must say of the clause: the award criterion of a lot that has one, with its
// weight (doc-award-criterion: articles L. 2152-7 and R. 2152-7 of the code de la commande publique,
// the criteria and their weighting announced to the candidates), and the reservation of a reserved lot
// (doc-notice-reservation: article R. 2113-7, « la décision de réserver est mentionnée dans l'avis
// d'appel à la concurrence »). Decisions: the head of document_checks.cpp.
#include <fmt/format.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/text/french.hpp"
#include "document_set.hpp"
#include "folded_text.hpp"

namespace clausier::check::detail {
namespace {

bool says_criterion(std::string_view folded) {
  return contains_folded(folded, "critère*") || contains_folded(folded, "critere*");
}

// What a criterion is about: insertion, or social performance ("sociale", "sociaux").
std::optional<std::size_t> topic_at(std::string_view folded) {
  std::optional<std::size_t> first;
  for (std::string_view word : {"insertion", "social*"}) {
    std::size_t at = find_folded(folded, word);
    if (at != std::string_view::npos && (!first || at < *first)) first = at;
  }
  return first;
}

// A paragraph, or every cell of one table row: where a criterion and its weight are written together.
struct Unit {
  std::vector<std::size_t> paragraphs;
  int table = 0, row = 0;
};

std::vector<Unit> units(const document::Document& doc) {
  std::vector<Unit> out;
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const document::Paragraph& p = doc.paragraphs[i];
    if (p.table > 0 && !out.empty() && out.back().table == p.table && out.back().row == p.row)
      out.back().paragraphs.push_back(i);
    else
      out.push_back({{i}, p.table, p.row});
  }
  return out;
}

// A percentage written in digits ("10 %", "12,5 %") in a paragraph, at or after byte `from`.
struct Percent {
  std::size_t paragraph = 0;
  DigitsNumber number;
};
std::optional<Percent> percent_after(const DocumentSet& set, std::size_t d, std::size_t i, std::size_t from) {
  const std::string& folded = set.views[d].paragraphs()[i].folded;
  for (const DigitsNumber& n : find_numbers_in_digits(set.docs[d].paragraphs[i].text)) {
    if (n.begin < from) continue;
    std::size_t e = skip_spaces(folded, n.end);
    if (e < folded.size() && folded[e] == '%') return Percent{i, n};
  }
  return std::nullopt;
}

// A unit that announces a criterion about insertion: the place of the topic and the weight after it.
struct Announcement {
  std::size_t paragraph = 0, offset = 0;  // the topic word
  std::optional<Percent> weight;
};
std::optional<Announcement> announcement(const DocumentSet& set, std::size_t d, const Unit& unit,
                                         bool header_says_criterion) {
  const auto& info = set.views[d].paragraphs();
  bool criterion = header_says_criterion;
  std::optional<Announcement> found;
  for (std::size_t i : unit.paragraphs) {
    criterion = criterion || says_criterion(info[i].folded);
    if (!found) {
      if (std::optional<std::size_t> at = topic_at(info[i].folded)) found = Announcement{i, *at, std::nullopt};
    }
    if (found && !found->weight) found->weight = percent_after(set, d, i, i == found->paragraph ? found->offset : 0);
  }
  if (!criterion) return std::nullopt;
  return found;
}

std::string percent_text(double percent) { return text::format_percent(percent / 100); }

}  // namespace

void check_award_criterion(DocumentSet& set, std::size_t d) {
  std::vector<Unit> all = units(set.docs[d]);
  // Each announcement once, with the lot it is about (nullptr: no lot in particular).
  struct Found {
    Announcement a;
    const tender::Lot* lot;
  };
  std::vector<Found> found;
  std::map<int, bool> header_criterion;  // table -> its first row speaks of a criterion
  for (const Unit& u : all) {
    if (u.table > 0 && u.row == 1) {
      bool says = false;
      for (std::size_t i : u.paragraphs)
        says = says || says_criterion(set.views[d].paragraphs()[i].folded);
      header_criterion[u.table] = says;
    }
    if (std::optional<Announcement> a = announcement(set, d, u, u.table > 0 && header_criterion[u.table]))
      found.push_back({*a, set.views[d].lot_at(a->paragraph, a->offset)});
  }
  // A weight written about no lot in particular is wrong for a lot unless it is another lot's.
  auto another_lot_weighs = [&](const tender::Lot& lot, double percent) {
    for (const tender::Lot& other : set.tender.lots)
      if (&other != &lot && other.award_criterion && same_figure(other.award_criterion->weight.value * 100, percent))
        return true;
    return false;
  };
  for (const tender::Lot& lot : set.tender.lots) {
    if (!lot.award_criterion || !lot.has_clause()) continue;
    const double expected = lot.award_criterion->weight.value * 100;
    const std::string weight = percent_text(expected);
    const Found* right = nullptr;
    const Found* wrong = nullptr;
    const Found* unweighted = nullptr;
    for (const Found& f : found) {
      if (f.lot != &lot && f.lot != nullptr) continue;
      if (!f.a.weight) {
        if (unweighted == nullptr) unweighted = &f;
      } else if (same_figure(f.a.weight->number.value, expected)) {
        if (right == nullptr) right = &f;
      } else if (wrong == nullptr && (f.lot == &lot || !another_lot_weighs(lot, f.a.weight->number.value))) {
        wrong = &f;
      }
    }
    if (wrong != nullptr) {
      const Percent& p = *wrong->a.weight;
      set.add("doc-award-criterion", d, set.position(d, p.paragraph, p.number.begin),
          fmt::format("{} : le critère d'attribution relatif à l'insertion est pondéré à {} dans le document, à {} "
                      "dans le dossier",
                      lot_label(lot), percent_text(p.number.value), weight),
          fmt::format("écrivez « pondéré à {} », ou corrigez « award_criterion » dans le dossier", weight));
    } else if (right == nullptr && unweighted != nullptr) {
      set.add("doc-award-criterion", d, set.position(d, unweighted->a.paragraph, unweighted->a.offset),
          fmt::format("{} : le document annonce le critère d'attribution relatif à l'insertion sans sa pondération ; "
                      "le dossier prévoit {}",
                      lot_label(lot), weight),
          fmt::format("indiquez sa pondération : « … pondéré à {} »", weight));
    } else if (right == nullptr) {
      set.add("doc-award-criterion", d, {0, 0},
          fmt::format("{} : le document n'annonce pas le critère d'attribution relatif à l'insertion professionnelle "
                      "que prévoit le dossier, pondéré à {}",
                      lot_label(lot), weight),
          fmt::format("annoncez-le, en nommant le lot, en application des articles L. 2152-7 et R. 2152-7 du code de "
                      "la commande publique : « un critère relatif aux performances en matière d'insertion "
                      "professionnelle des publics en difficulté, pondéré à {} » (clausier draft le rédige)",
                      weight));
    }
  }
}

void check_notice_reservation(DocumentSet& set, std::size_t d) {
  auto reserved = [](const tender::Lot& lot) {
    const tender::Clause c = lot.clause.value;
    return c == tender::Clause::reserved_siae || c == tender::Clause::reserved_disability ||
           c == tender::Clause::reserved_both;
  };
  bool every_lot = true;
  for (const tender::Lot& lot : set.tender.lots) every_lot = every_lot && reserved(lot);
  const auto& info = set.views[d].paragraphs();
  for (const tender::Lot& lot : set.tender.lots) {
    if (!reserved(lot)) continue;
    bool said = false;
    for (std::size_t i = 0; i < info.size() && !said; ++i) {
      std::size_t end = 0;
      for (std::string_view word : {"réservé*", "réservation*", "reserve", "reservee*", "reservation*"}) {
        for (std::size_t at = find_folded(info[i].folded, word, 0, &end); at != std::string_view::npos && !said;
             at = find_folded(info[i].folded, word, end, &end)) {
          const tender::Lot* about = set.views[d].lot_at(i, at);
          said = about == &lot || (about == nullptr && every_lot);
        }
      }
    }
    if (!said)
      set.add("doc-notice-reservation", d, {0, 0},
          fmt::format("{} ({}) : l'avis ne mentionne pas la réservation du lot, que l'article R. 2113-7 du code de la "
                      "commande publique impose",
                      lot_label(lot), tender::short_label(lot.clause.value)),
          fmt::format("mentionnez la réservation en nommant le lot : « lot {} : {} » (clausier draft le rédige)",
                      lot.id.value, tender::label(lot.clause.value)));
  }
}

}  // namespace clausier::check::detail
