// The report as JSON (formats.md section 7). Hours are written with 2 decimals at most, ratios with 4,
// rounded the way text/french.hpp rounds (15 significant digits, then half away from zero), whole
// numbers as integers. A suppressed cell is {"people": null, "hours": null, "suppressed": true}: its
// values are never written, nor a suppressed breakdown population.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

#include "clausier/io/json.hpp"
#include "clausier/report/buyers.hpp"
#include "clausier/report/render.hpp"
#include "clausier/text/french.hpp"
#include "clausier/track/pooling_json.hpp"
#include "masking.hpp"

namespace clausier::report {

namespace {

using nlohmann::ordered_json;

constexpr std::string_view format_name = "clausier/report/1";

ordered_json rounded(double v, int decimals) {
  std::string s = text::format_decimal(v, decimals, "");
  std::replace(s.begin(), s.end(), ',', '.');
  double out = 0;
  std::from_chars(s.data(), s.data() + s.size(), out);
  return io::json_number(out);
}
ordered_json hours(double v) { return rounded(v, 2); }
ordered_json ratio(const std::optional<double>& v) { return v ? rounded(*v, 4) : ordered_json(nullptr); }
ordered_json text_or_null(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }
ordered_json int_or_null(const std::optional<int>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }
ordered_json date_or_null(const std::optional<Date>& d) { return d ? ordered_json(io::iso(*d)) : ordered_json(nullptr); }

// Counts suppressed cells, for the note at the top of the document.
struct Writer {
  int suppressed = 0;

  // A count that is hidden with the people it would reveal: null when suppressed.
  ordered_json count(const Cell& c) {
    suppressed += c.suppressed ? 1 : 0;
    return c.suppressed ? ordered_json(nullptr) : ordered_json(c.people);
  }

  ordered_json people(const Cell& c, bool with_hours) {
    ordered_json j;
    j["people"] = c.suppressed ? ordered_json(nullptr) : ordered_json(c.people);
    if (with_hours) j["hours"] = c.suppressed ? ordered_json(nullptr) : hours(c.hours);
    j["suppressed"] = c.suppressed;
    suppressed += c.suppressed ? 1 : 0;
    return j;
  }

  ordered_json cell(const Cell& c, bool with_hours) {
    ordered_json j;
    j["key"] = c.key;
    j["label"] = c.label;
    j.update(people(c, with_hours));
    return j;
  }

  ordered_json breakdowns(const std::vector<Breakdown>& list) {
    ordered_json out = ordered_json::array();
    for (const Breakdown& b : list) {
      ordered_json j;
      j["id"] = b.id;
      j["title"] = b.title;
      j["multiple"] = b.multiple;
      j["population"] = b.population_suppressed ? ordered_json(nullptr) : ordered_json(b.population);
      j["cells"] = ordered_json::array();
      for (const Cell& c : b.cells) j["cells"].push_back(cell(c, b.has_hours));
      out.push_back(std::move(j));
    }
    return out;
  }

  ordered_json lot(const LotReport& l) {
    ordered_json j;
    j["id"] = l.id;
    j["title"] = l.title;
    j["trade"] = text_or_null(l.trade);
    j["clause"] = tender::name(l.clause);
    j["hours_status"] = hours::name(l.hours_status);
    j["tracking_status"] = l.tracking_status ? ordered_json(track::name(*l.tracking_status)) : ordered_json(nullptr);
    j["decp"] = l.decp;
    j["contractor"] = text_or_null(l.contractor);
    j["start"] = date_or_null(l.start);
    j["end"] = date_or_null(l.end);
    j["target_hours"] = l.has_target ? hours(l.target_hours) : ordered_json(nullptr);
    j["realised_hours"] = hours(l.realised_hours);
    j["achievement"] = ratio(l.achievement);
    j["over_hours"] = hours(l.over_hours);
    j["missing_hours"] = hours(l.missing_hours);
    j["participants"] = people(l.participants, false);
    j["breakdowns"] = breakdowns(l.breakdowns);
    j["years"] = ordered_json::array();
    for (const LotReport::Year& y : l.years)
      j["years"].push_back({{"year", y.year},
                            {"target_hours", hours(y.target_hours)},
                            {"realised_hours", hours(y.realised_hours)},
                            {"participants", people(y.participants, false)}});
    return j;
  }

  ordered_json operation(const OperationReport& r) {
    ordered_json j;
    j["path"] = r.path;
    j["id"] = r.id;
    j["title"] = r.title;
    j["buyer"] = r.buyer;
    j["target_hours"] = hours(r.target_hours);
    j["realised_hours"] = hours(r.realised_hours);
    j["achievement"] = ratio(r.achievement);
    j["missing_hours"] = hours(r.shortfall.missing);
    j["over_hours"] = hours(r.shortfall.over);
    j["participants"] = people(r.participants, false);
    j["validated_participants"] = count(r.validated_participants);
    j["work_contracts"] = count(published_work_contracts(r.work_contracts, r.participants));
    j["lots"] = ordered_json::array();
    for (const LotReport& l : r.lots) j["lots"].push_back(lot(l));
    j["contractors"] = ordered_json::array();
    for (const ContractorReport& c : r.contractors)
      j["contractors"].push_back({{"name", c.name},
                                  {"lots", c.lots},
                                  {"target_hours", hours(c.target_hours)},
                                  {"realised_hours", hours(c.realised_hours)},
                                  {"achievement", ratio(c.achievement)},
                                  {"missing_hours", hours(c.shortfall.missing)},
                                  {"over_hours", hours(c.shortfall.over)}});
    j["breakdowns"] = breakdowns(r.breakdowns);
    j["months"] = ordered_json::array();
    for (const MonthRow& m : r.months)
      j["months"].push_back({{"month", m.month},
                             {"realised", hours(m.realised)},
                             {"cumulative", hours(m.cumulative)},
                             {"expected_cumulative", hours(m.expected_cumulative)}});
    ordered_json by_reason = ordered_json::array();
    for (const NotCountedTotal& n : r.not_counted)
      by_reason.push_back({{"reason", n.reason}, {"label", n.label}, {"rows", n.rows}, {"hours", hours(n.hours)}});
    j["not_counted"] = {{"rows", r.not_counted_rows}, {"hours", hours(r.not_counted_hours)}, {"by_reason", by_reason}};
    j["counting"] = {{"training_hours", r.counting.training_hours},
                     {"eligibility_validity_months", int_or_null(r.counting.validity_months)},
                     {"tolerance", io::json_number(r.counting.tolerance)}};
    return j;
  }

  ordered_json group(const GroupReport& g) {
    ordered_json j;
    j["key"] = g.key;
    j["label"] = g.label;
    j["operations"] = g.operations;
    j["contracts_with_clause"] = g.contracts_with_clause;
    j["target_hours"] = g.has_target ? hours(g.target_hours) : ordered_json(nullptr);
    j["realised_hours"] = g.hours_suppressed ? ordered_json(nullptr) : hours(g.realised_hours);
    j["missing_hours"] = g.has_target ? hours(g.shortfall.missing) : ordered_json(nullptr);
    j["over_hours"] = g.has_target ? hours(g.shortfall.over) : ordered_json(nullptr);
    j["fte"] = g.hours_suppressed ? ordered_json(nullptr) : ordered_json(g.fte);
    j["participants"] = people(g.participants, false);
    j["work_contracts"] = count(published_work_contracts(g.work_contracts, g.participants));
    j["breakdowns"] = breakdowns(g.breakdowns);
    return j;
  }
};

ordered_json head(std::string_view kind, const CountingInfo& counting, Date as_of) {
  ordered_json doc;
  doc["format"] = format_name;
  doc["kind"] = kind;
  doc["rules"] = {{"version", counting.rules_version}, {"sha256", counting.rules_sha256}};
  doc["as_of"] = io::iso(as_of);
  return doc;
}

// The privacy note: how many cells are hidden and why (issue 6, item 4).
void add_privacy(ordered_json& doc, int min_cell, int suppressed) {
  doc["min_cell"] = min_cell;
  doc["suppressed_cells"] = suppressed;
  doc["privacy_note"] =
      suppressed == 0 ? ordered_json(nullptr) : ordered_json(detail::json_privacy_note(suppressed, min_cell));
}

std::string dump(const ordered_json& doc) { return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n"; }

}  // namespace

std::string render_json(const OperationReport& r) {
  Writer w;
  ordered_json operation = w.operation(r);
  ordered_json doc = head("operation", r.counting, r.as_of);
  add_privacy(doc, r.min_cell, w.suppressed);
  doc["operations"] = ordered_json::array({std::move(operation)});
  return dump(doc);
}

std::string render_json(const Consolidation& c) {
  Writer w;
  ordered_json total = w.group(c.total);
  ordered_json groups = ordered_json::array();
  for (const GroupReport& g : c.groups) groups.push_back(w.group(g));
  ordered_json doc = head("consolidation", c.counting, c.as_of);
  add_privacy(doc, c.min_cell, w.suppressed);
  doc["group_by"] = std::string(name(c.group_by));
  doc["operations"] = ordered_json::array();
  for (const OperationLine& o : c.operations)
    doc["operations"].push_back({{"path", o.path},
                                 {"id", o.id},
                                 {"title", o.title},
                                 {"buyer", o.buyer},
                                 {"lots_with_clause", o.lots_with_clause},
                                 {"target_hours", hours(o.target_hours)},
                                 {"realised_hours", hours(o.realised_hours)},
                                 {"missing_hours", hours(o.shortfall.missing)},
                                 {"over_hours", hours(o.shortfall.over)}});
  doc["total"] = std::move(total);
  doc["groups"] = std::move(groups);
  doc["pooling"] = ordered_json::array();
  for (const AgreementLine& a : c.agreements) doc["pooling"].push_back(track::agreement_json(a.agreement, a.tracking));
  return dump(doc);
}

std::string render_json(const ParticipantSheet& s) {
  ordered_json doc = head("participant", s.counting, s.as_of);
  doc["operation"] = {{"id", s.operation_id}, {"title", s.operation_title}, {"buyer", s.buyer}};
  doc["ref"] = s.ref;
  doc["sex"] = code(s.sex);
  doc["birth_year"] = s.birth_year;
  doc["age_at_validation"] = s.age_at_validation;
  doc["age_band"] = code(s.age_band);
  doc["education_level"] = int_or_null(s.education_level);
  doc["criteria"] = s.criteria;
  doc["validated_on"] = io::iso(s.validated_on);
  doc["validity_end"] = date_or_null(s.validity_end);
  doc["first_month"] = text_or_null(s.first_month);
  doc["last_month"] = text_or_null(s.last_month);
  doc["work_hours"] = hours(s.work_hours);
  doc["training_hours"] = hours(s.training_hours);
  doc["counted_hours"] = hours(s.counted_hours);
  doc["lots"] = s.lots;
  doc["routes"] = ordered_json::array();
  for (track::Route r : s.routes) doc["routes"].push_back(track::name(r));
  doc["contracts"] = ordered_json::array();
  for (track::Contract c : s.contracts) doc["contracts"].push_back(track::name(c));
  doc["employers"] = s.employers;
  doc["months"] = ordered_json::array();
  for (const SheetMonth& m : s.months)
    doc["months"].push_back({{"month", m.month},
                             {"lot", m.lot},
                             {"route", track::name(m.route)},
                             {"contract", track::name(m.contract)},
                             {"employer", m.employer},
                             {"work_hours", hours(m.work_hours)},
                             {"training_hours", hours(m.training_hours)},
                             {"counted_hours", hours(m.counted_hours)},
                             {"not_counted_reason", text_or_null(m.not_counted_reason)}});
  auto situation = [](const std::optional<KnownSituation>& v) {
    if (!v) return ordered_json(nullptr);
    return ordered_json{{"date", io::iso(v->date)}, {"situation", v->code}, {"category", code(v->category)}};
  };
  doc["exit"] = situation(s.exit);
  doc["follow_up"] = situation(s.follow_up);
  doc["counting"] = {{"training_hours", s.counting.training_hours},
                     {"eligibility_validity_months", int_or_null(s.counting.validity_months)}};
  return dump(doc);
}

std::string render_json(const BuyerIndicators& b) {
  using io::json_number;
  ordered_json doc = head("buyer-indicators", b.counting, b.as_of);
  add_privacy(doc, b.min_cell, b.suppressed_cells);
  doc["year"] = b.year ? ordered_json(*b.year) : ordered_json(nullptr);
  doc["national_target"] = json_number(b.national_target);
  doc["buyers"] = ordered_json::array();
  for (const BuyerYear& r : b.rows) {
    ordered_json j;
    j["buyer"] = r.buyer;
    j["year"] = r.year;
    j["operations"] = r.operations;
    j["lots_notified"] = r.lots_notified;
    j["lots_with_social_consideration"] = r.lots_with_social_consideration;
    j["social_consideration_share"] = rounded(r.social_consideration_share, 4);
    j["meets_national_target"] = r.social_consideration_share >= b.national_target;
    j["reserved_lots"] = r.reserved_lots;
    j["reserved_amount"] = rounded(r.reserved_amount, 2);
    j["target_hours"] = hours(r.target_hours);
    j["realised_hours"] = hours(r.realised_hours);
    j["missing_hours"] = hours(r.shortfall.missing);
    j["over_hours"] = hours(r.shortfall.over);
    j["participants"] = {{"people", r.participants.suppressed ? ordered_json(nullptr) : ordered_json(r.participants.people)},
                         {"suppressed", r.participants.suppressed}};
    doc["buyers"].push_back(std::move(j));
  }
  return dump(doc);
}

}  // namespace clausier::report
