// Hours in draft documents: doc-hours-mismatch, doc-hours-words-digits, doc-hours-missing. The
// decisions these rules follow are at the head of document_checks.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/text/french.hpp"
#include "clausier/text/words.hpp"
#include "document_set.hpp"

namespace clausier::check::detail {
namespace {

double round2(double v) { return std::round(v * 100) / 100; }

const hours::TrancheResult* tranche_result(const hours::LotResult& r, const tender::Tranche* tr) {
  for (const hours::TrancheResult& t : r.tranches)
    if (t.tranche == tr) return &t;
  return nullptr;
}

bool matches(const hours::LotResult& r, const HourStatement& st) {
  double v = st.value();
  if (st.tranche != nullptr) {
    if (const hours::TrancheResult* tr = tranche_result(r, st.tranche))
      return same_figure(v, tr->hours) || (st.decimals && same_figure(v, round2(tr->raw_hours)));
  }
  if (same_figure(v, r.hours) || (st.decimals && same_figure(v, round2(r.raw_hours)))) return true;
  for (const hours::TrancheResult& tr : r.tranches)
    if (same_figure(v, tr.hours) || (st.decimals && same_figure(v, round2(tr.raw_hours)))) return true;
  return false;
}

std::string calculation(const hours::LotResult& r) {
  std::string s = text::format_hours(r.hours);
  if (!r.tranches.empty()) {
    std::vector<std::string> parts;
    for (const hours::TrancheResult& tr : r.tranches)
      parts.push_back(fmt::format("tranche {} : {}", tr.tranche->id.value, text::format_hours(tr.hours)));
    s += " (" + join(parts, ", ") + ")";
  }
  if (r.status == hours::Status::below_minimum)
    s += fmt::format(", sous le minimum de {} : la clause n'est pas mise en œuvre",
                     text::format_hours(r.params.minimum_hours.value));
  return s;
}

// The lots document `d` names, or is about by its headings and table rows (document_view.hpp).
std::set<const tender::Lot*> lots_named(const DocumentSet& set, std::size_t d) {
  std::set<const tender::Lot*> out;
  for (const ParagraphInfo& p : set.views[d].paragraphs()) {
    for (const LotMention& m : p.mentions) out.insert(m.lot);
    if (p.context != nullptr) out.insert(p.context);
  }
  return out;
}

// What the statements of one lot (or of the total) in one document say, checked.
struct Group {
  std::vector<const HourStatement*> wrong;  // in document order
  const HourStatement* first_disagree = nullptr;
};

}  // namespace

void check_hours(DocumentSet& set, std::size_t d) {
  std::map<std::size_t, Group> groups;  // key: index of the lot in the tender, lots.size() for the total
  auto index_of = [&](const tender::Lot* lot) { return static_cast<std::size_t>(lot - set.tender.lots.data()); };
  for (const HourStatement& st : set.statements[d]) {
    bool wrong = false;
    std::size_t key = 0;
    if (st.total) {
      if (set.hours.lots.empty()) continue;
      key = set.tender.lots.size();
      wrong = !same_figure(st.value(), set.hours.total_hours);
    } else {
      if (st.lot == nullptr) continue;
      const hours::LotResult* r = set.result(st.lot);
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
      if (seen.insert(st->paragraph).second) others.push_back(set.where(d, st->paragraph));
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
    if (key == set.tender.lots.size()) {
      label = "total des heures d'insertion";
      expected = text::format_hours(set.hours.total_hours);
      correct = set.hours.total_hours;
    } else {
      const hours::LotResult& r = *set.result(&set.tender.lots[key]);
      label = lot_label(set.tender.lots[key]);
      correct = r.hours;
      expected = calculation(r);
      if (first.tranche != nullptr) {
        if (const hours::TrancheResult* tr = tranche_result(r, first.tranche)) {
          label = fmt::format("tranche {} du {}", first.tranche->id.value, label);
          expected = text::format_hours(tr->hours);
          correct = tr->hours;
        }
      }
    }
    const document::Paragraph& p = set.docs[d].paragraphs[first.paragraph];
    std::string_view written = std::string_view(p.text).substr(first.begin, first.end - first.begin);
    if (first.disagree()) {
      set.add("doc-hours-words-digits", d, set.position(d, first.paragraph, first.begin),
          fmt::format("{} : {} : {} en lettres, {} en chiffres ; le calcul donne {}{}", label, quoted(written),
                      text::format_number(*first.words), text::format_number(*first.digits), expected, rest),
          fmt::format("écrivez le même nombre en lettres et en chiffres : {}", quoted(text::hours_in_words(correct))));
    } else {
      set.add("doc-hours-mismatch", d, set.position(d, first.paragraph, first.begin),
          fmt::format("{} : le document indique {} ({}), le calcul donne {}{}", label, text::format_hours(first.value()),
                      quoted(written), expected, rest),
          fmt::format("corrigez en {}, ou recalculez avec « clausier hours » si le dossier a changé",
                      quoted(text::hours_in_words(correct))));
    }
  }
}

void check_missing_hours(DocumentSet& set, const std::vector<std::size_t>& readers) {
  std::set<const tender::Lot*> stated;
  for (const auto& list : set.statements)
    for (const HourStatement& st : list)
      if (st.lot != nullptr) stated.insert(st.lot);
  for (const auto& list : set.percents)
    for (const PercentStatement& ps : list)
      if (ps.lot != nullptr && ps.lot->method.value == tender::Method::percent_of_hours) stated.insert(ps.lot);
  // The first reader that must state each lot's hours: a CCAP states every lot's; another piece (an
  // acte d'engagement for one lot) those of the lots it names, and the lot of a one-lot tender. One
  // that names no lot of several says nothing of them: the drafted acte d'engagement of a lot without
  // a clause is « sans objet » and names none.
  std::map<const tender::Lot*, std::size_t> judged_by;
  for (std::size_t d : readers) {
    const bool every = set.roles[d] == DocumentKind::ccap || set.tender.lots.size() == 1;
    const std::set<const tender::Lot*> named = every ? std::set<const tender::Lot*>{} : lots_named(set, d);
    for (const tender::Lot& lot : set.tender.lots)
      if (every || named.count(&lot) != 0) judged_by.emplace(&lot, d);
  }
  for (const tender::Lot& lot : set.tender.lots) {
    const hours::LotResult* r = set.result(&lot);
    auto judge = judged_by.find(&lot);
    if (judge == judged_by.end() || r == nullptr || r->status != hours::Status::ok || stated.count(&lot) != 0) continue;
    set.add("doc-hours-missing", judge->second, {0, 0},
        fmt::format("{} : aucun document n'indique son volume d'heures d'insertion ; le calcul donne {}",
                    lot_label(lot), calculation(*r)),
        fmt::format("indiquez-le, en lettres et en chiffres, en nommant le lot : « lot {} : … {} … » "
                    "(clausier draft le rédige)",
                    lot.id.value, text::hours_in_words(r->hours)));
  }
}

}  // namespace clausier::check::detail
