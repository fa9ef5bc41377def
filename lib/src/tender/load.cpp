#include "clausier/tender/load.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "clausier/core/text.hpp"
#include "clausier/io/files.hpp"
#include "clausier/io/yaml.hpp"
#include "clausier/text/french.hpp"
#include "events.hpp"

namespace clausier::tender {

namespace {

using io::MapReader;
using yaml::Node;

constexpr std::string_view format_v1 = "clausier/tender/1";

constexpr std::pair<std::string_view, BuyerKind> buyer_kinds[] = {
    {"central", BuyerKind::central}, {"local", BuyerKind::local}, {"network", BuyerKind::network}};
constexpr std::pair<std::string_view, Nature> natures[] = {
    {"works", Nature::works}, {"supplies", Nature::supplies}, {"services", Nature::services}};
constexpr std::pair<std::string_view, Programme> programmes[] = {
    {"anru-investment", Programme::anru_investment}, {"anru-gup", Programme::anru_gup}};
constexpr std::pair<std::string_view, Ccag> ccags[] = {{"travaux", Ccag::travaux}, {"fcs", Ccag::fcs},
                                                       {"pi", Ccag::pi},           {"tic", Ccag::tic},
                                                       {"moe", Ccag::moe},         {"mi", Ccag::mi}};
constexpr std::pair<std::string_view, Clause> clauses[] = {
    {"execution", Clause::execution},
    {"reserved-siae", Clause::reserved_siae},
    {"reserved-disability", Clause::reserved_disability},
    {"reserved-both", Clause::reserved_both},
    {"integration-object", Clause::integration_object},
    {"none", Clause::none}};
constexpr std::pair<std::string_view, Method> methods[] = {{"labour-cost", Method::labour_cost},
                                                           {"percent-of-hours", Method::percent_of_hours},
                                                           {"fixed", Method::fixed},
                                                           {"fte", Method::fte},
                                                           {"cleaning-pact", Method::cleaning_pact}};
constexpr std::pair<std::string_view, Rounding> roundings[] = {
    {"nearest", Rounding::nearest}, {"up", Rounding::up}, {"down", Rounding::down}};
constexpr std::pair<std::string_view, TrancheKind> tranche_kinds[] = {{"firm", TrancheKind::firm},
                                                                      {"optional", TrancheKind::optional}};
constexpr std::pair<std::string_view, FrameworkBasis> bases[] = {
    {"min", FrameworkBasis::min}, {"max", FrameworkBasis::max}, {"estimate", FrameworkBasis::estimate}};
constexpr std::pair<std::string_view, PenaltyCondition> conditions[] = {
    {"best-efforts", PenaltyCondition::best_efforts}, {"strict", PenaltyCondition::strict}};
constexpr std::pair<std::string_view, TrainingHours> training[] = {
    {"work-contracts", TrainingHours::work_contracts}, {"all", TrainingHours::all}, {"none", TrainingHours::none}};

class Loader {
 public:
  Loader(const std::string& path, Diagnostics& out) : r_(path, out) {}

  Tender read(const Node& root) {
    Tender t;
    t.path = r_.path();
    if (!r_.expect_kind(root, yaml::Kind::map, "le fichier de consultation")) return t;
    MapReader m(r_, root, "le fichier");
    if (auto n = m.require("format", "clausier/tender/1")) r_.format_version(*n, format_v1);
    if (auto n = m.require("id", "l'identifiant de la consultation, par exemple CARC-2026-014"))
      if (auto v = r_.identifier(*n, "id")) t.id = {*v, n->pos};
    if (auto n = m.require("title", "l'intitulé de la consultation"))
      if (auto v = r_.string(*n, "title")) t.title = *v;
    if (auto n = m.require("buyer", "l'acheteur (name, kind)")) read_buyer(*n, t.buyer);
    if (auto n = m.get("facilitator")) read_facilitator(*n, t.facilitator);
    if (auto n = m.require("nature", "works, supplies ou services"))
      if (auto v = r_.choice<Nature>(*n, "nature", natures)) t.nature = {*v, n->pos};
    set(m, "notice_date", t.notice_date, [&](const Node& n, std::string_view f) { return r_.date(n, f); });
    set(m, "programme", t.programme,
        [&](const Node& n, std::string_view f) { return r_.choice<Programme>(n, f, programmes); });
    set(m, "ccag", t.ccag, [&](const Node& n, std::string_view f) { return r_.choice<Ccag>(n, f, ccags); });
    if (auto n = m.get("parameters"); n && r_.expect_kind(*n, yaml::Kind::map, "parameters")) {
      std::size_t before = r_.error_count();
      MapReader pm(r_, *n, "parameters");
      read_parameters(pm, t.parameters);
      pm.finish();
      t.parameters.had_errors = r_.error_count() > before;
    }
    if (auto n = m.get("penalties")) read_penalties(*n, t.penalties);
    if (auto n = m.get("counting")) read_counting(*n, t.counting);
    if (auto n = m.require("lots", "la liste des lots")) read_lots(*n, t);
    m.finish();
    return t;
  }

 private:
  template <class T, class Convert>
  void set(MapReader& m, std::string_view key, Field<T>& out, Convert convert) {
    if (const Node* n = m.get(key))
      if (auto v = convert(*n, key)) out = Located<T>{*v, n->pos};
  }
  void number(MapReader& m, std::string_view key, Field<double>& out, io::Range range, std::string_view unit = {}) {
    set(m, key, out, [&](const Node& n, std::string_view f) { return r_.number(n, f, range, unit); });
  }
  void fraction(MapReader& m, std::string_view key, Field<double>& out) {
    set(m, key, out, [&](const Node& n, std::string_view f) { return r_.fraction(n, f); });
  }
  void text(MapReader& m, std::string_view key, Field<std::string>& out) {
    set(m, key, out, [&](const Node& n, std::string_view f) { return r_.string(n, f); });
  }
  void siret(MapReader& m, Field<std::string>& out) {
    // A SIRET is 14 digits; written unquoted it is a number, and leading zeros would be lost, so
    // the check (siret-luhn) looks at the text as written.
    set(m, "siret", out, [&](const Node& n, std::string_view f) -> std::optional<std::string> {
      auto v = r_.string(n, f);
      if (!v) return std::nullopt;
      std::string digits;
      for (char c : *v)
        if (c != ' ') digits += c;
      if (digits.size() != 14 || digits.find_first_not_of("0123456789") != std::string::npos) {
        r_.error("schema-format", n.pos,
                 fmt::format("« siret » doit compter 14 chiffres : {} ne convient pas", quoted(*v)),
                 "écrivez le SIRET entre guillemets, par exemple \"20006868700013\"");
        return std::nullopt;
      }
      return digits;
    });
  }


  // An address a message goes to: refused unless it is a plain addr-spec (local@domain.tld, no space,
  // no control character, no display name), so that nothing written here can add a header to a message.
  void email(MapReader& m, Field<std::string>& out) {
    set(m, "email", out, [&](const Node& n, std::string_view f) -> std::optional<std::string> {
      auto v = r_.string(n, f);
      if (!v) return std::nullopt;
      if (!io::plain_email_address(*v)) {
        r_.error("schema-format", n.pos,
                 fmt::format("« email » doit être une adresse électronique : {} ne convient pas", quoted(*v)),
                 "écrivez une seule adresse, sans nom ni espace, par exemple clauses@btp-sud.fr");
        return std::nullopt;
      }
      return v;
    });
  }

  void read_buyer(const Node& n, Buyer& b) {
    if (!r_.expect_kind(n, yaml::Kind::map, "buyer")) return;
    MapReader m(r_, n, "buyer");
    if (auto v = m.require("name", "le nom de l'acheteur"))
      if (auto s = r_.string(*v, "name")) b.name = *s;
    if (auto v = m.get("kind"))
      if (auto k = r_.choice<BuyerKind>(*v, "kind", buyer_kinds)) b.kind = {*k, v->pos};
    siret(m, b.siret);
    m.finish();
  }

  void read_facilitator(const Node& n, std::optional<Facilitator>& out) {
    if (!r_.expect_kind(n, yaml::Kind::map, "facilitator")) return;
    Facilitator f;
    f.pos = n.pos;
    MapReader m(r_, n, "facilitator");
    text(m, "name", f.name);
    text(m, "organisation", f.organisation);
    text(m, "email", f.email);
    text(m, "phone", f.phone);
    m.finish();
    out = std::move(f);
  }

  void read_parameters(MapReader& m, Parameters& p) {
    number(m, "hourly_cost", p.hourly_cost, io::positive, "€/h");
    fraction(m, "rate", p.rate);
    fraction(m, "labour_share", p.labour_share);
    fraction(m, "percent", p.percent);
    set(m, "rounding", p.rounding,
        [&](const Node& n, std::string_view f) { return r_.choice<Rounding>(n, f, roundings); });
    number(m, "rounding_step", p.rounding_step, io::positive, "h");
    number(m, "minimum_hours", p.minimum_hours, io::non_negative, "h");
  }

  void read_penalties(const Node& n, std::optional<Penalties>& out) {
    if (!r_.expect_kind(n, yaml::Kind::map, "penalties")) return;
    Penalties p;
    p.pos = n.pos;
    MapReader m(r_, n, "penalties");
    number(m, "per_missing_hour", p.per_missing_hour, io::non_negative, "€");
    set(m, "condition", p.condition,
        [&](const Node& v, std::string_view f) { return r_.choice<PenaltyCondition>(v, f, conditions); });
    fraction(m, "cap_share", p.cap_share);
    number(m, "late_report_per_day", p.late_report_per_day, io::non_negative, "€");
    number(m, "late_final_report_per_day", p.late_final_report_per_day, io::non_negative, "€");
    m.finish();
    out = p;
  }

  void read_counting(const Node& n, std::optional<Counting>& out) {
    if (!r_.expect_kind(n, yaml::Kind::map, "counting")) return;
    Counting c;
    c.pos = n.pos;
    MapReader m(r_, n, "counting");
    set(m, "training_hours", c.training_hours,
        [&](const Node& v, std::string_view f) { return r_.choice<TrainingHours>(v, f, training); });
    set(m, "eligibility_validity_months", c.eligibility_validity_months,
        [&](const Node& v, std::string_view f) { return r_.integer(v, f, 1, 240); });
    set(m, "tolerance", c.tolerance,
        [&](const Node& v, std::string_view f) { return r_.fraction(v, f, io::Range{0, true, 1, false}); });
    m.finish();
    out = c;
  }

  void read_lots(const Node& n, Tender& t) {
    t.lots_pos = n.pos;
    if (!r_.expect_kind(n, yaml::Kind::sequence, "lots")) return;
    if (n.items.empty()) {
      r_.error("schema-range", n.pos, "« lots » est vide : au moins un lot attendu",
               "décrivez chaque lot (id, title, clause, amount…) ; un marché sans lots est un lot unique");
      return;
    }
    std::map<std::string, Position> seen;
    for (const Node& item : n.items) {
      Lot lot = read_lot(item);
      if (!lot.id.value.empty()) {
        auto [it, inserted] = seen.emplace(lot.id.value, lot.id.pos);
        if (!inserted)
          r_.error("lot-id-unique", lot.id.pos,
                   fmt::format("identifiant de lot {} déjà utilisé par le lot de la ligne {}", quoted(lot.id.value),
                               it->second.line),
                   "donnez à chaque lot son propre identifiant (1, 2, 3… ou 1a, 1b)");
      }
      t.lots.push_back(std::move(lot));
    }
  }

  Lot read_lot(const Node& n) {
    Lot lot;
    lot.pos = n.pos;
    if (!r_.expect_kind(n, yaml::Kind::map, "lot")) return lot;
    const Node* id_node = n.find("id");
    std::string where =
        id_node != nullptr && id_node->is_scalar() ? fmt::format("le lot {}", quoted(id_node->value)) : "le lot";
    std::size_t before = r_.error_count();
    MapReader m(r_, n, where);
    if (auto v = m.require("id", "l'identifiant du lot, par exemple 1"))
      if (auto s = r_.identifier(*v, "id")) lot.id = {*s, v->pos};
    if (auto v = m.require("title", "l'intitulé du lot"))
      if (auto s = r_.string(*v, "title")) lot.title = *s;
    bool clause_known = false;
    if (auto v = m.require("clause", "execution, reserved-siae, reserved-disability, reserved-both, "
                                     "integration-object ou none"))
      if (auto c = r_.choice<Clause>(*v, "clause", clauses)) {
        lot.clause = {*c, v->pos};
        clause_known = true;
      }
    lot.method.pos = n.pos;
    if (auto v = m.get("method")) {
      if (auto k = r_.choice<Method>(*v, "method", methods)) lot.method = {*k, v->pos};
      lot.method_given = true;
    }
    text(m, "trade", lot.trade);
    set(m, "cpv", lot.cpv, [&](const Node& v, std::string_view f) { return cpv(v, f); });
    number(m, "amount", lot.amount, io::amount, "€");
    set(m, "start", lot.start, [&](const Node& v, std::string_view f) { return r_.date(v, f); });
    set(m, "end", lot.end, [&](const Node& v, std::string_view f) { return r_.date(v, f); });
    if (auto v = m.get("award")) read_award(*v, lot.award);
    read_parameters(m, lot.params);
    number(m, "hours", lot.hours, io::positive, "h");
    number(m, "fte", lot.fte, io::positive, "ETP");
    number(m, "months", lot.months, io::positive, "mois");
    number(m, "transferred_staff_monthly_hours", lot.transferred_staff_monthly_hours, io::non_negative, "h/mois");
    if (auto v = m.get("tranches")) read_tranches(*v, lot);
    if (auto v = m.get("framework")) read_framework(*v, lot.framework);
    if (auto v = m.get("award_criterion")) read_award_criterion(*v, lot.award_criterion);
    if (auto v = m.get("derogation")) read_derogation(*v, lot);
    const Node* events = m.get("events");
    m.finish();
    lot.params.had_errors = r_.error_count() > before;
    check_lot(lot, n, clause_known, where);
    if (events != nullptr) detail::read_events(r_, *events, lot, where);
    return lot;
  }

  std::optional<std::string> cpv(const Node& n, std::string_view field) {
    auto v = r_.string(n, field);
    if (!v) return std::nullopt;
    const std::string& s = *v;
    bool ok = s.size() == 10 && s[8] == '-' && s.find_first_not_of("0123456789-") == std::string::npos &&
              s.find('-') == 8;
    if (!ok) {
      r_.error("schema-format", n.pos,
               fmt::format("« cpv » doit avoir la forme NNNNNNNN-N (8 chiffres, un tiret, le chiffre de contrôle) : "
                           "{} ne convient pas",
                           quoted(s)),
               "recopiez le code de la nomenclature CPV, par exemple \"45210000-2\"");
      return std::nullopt;
    }
    return s;
  }

  void read_award(const Node& n, std::optional<Award>& out) {
    if (!r_.expect_kind(n, yaml::Kind::map, "award")) return;
    Award a;
    a.pos = n.pos;
    MapReader m(r_, n, "award");
    if (auto c = m.get("contractor"); c && r_.expect_kind(*c, yaml::Kind::map, "contractor")) {
      Contractor k;
      MapReader cm(r_, *c, "contractor");
      if (auto v = cm.require("name", "la raison sociale du titulaire"))
        if (auto s = r_.string(*v, "name")) k.name = *s;
      siret(cm, k.siret);
      email(cm, k.email);
      cm.finish();
      a.contractor = std::move(k);
    }
    set(m, "notified", a.notified, [&](const Node& v, std::string_view f) { return r_.date(v, f); });
    m.finish();
    out = std::move(a);
  }

  void read_tranches(const Node& n, Lot& lot) {
    if (!r_.expect_kind(n, yaml::Kind::sequence, "tranches")) return;
    if (n.items.empty()) {
      r_.error("schema-range", n.pos, "« tranches » est vide : au moins une tranche attendue",
               "retirez « tranches » ou décrivez la tranche ferme");
      return;
    }
    std::map<std::string, Position> seen;
    for (const Node& item : n.items) {
      if (!r_.expect_kind(item, yaml::Kind::map, "tranche")) continue;
      Tranche tr;
      tr.pos = item.pos;
      MapReader m(r_, item, "la tranche");
      if (auto v = m.require("id", "l'identifiant de la tranche, par exemple TF ou TO1"))
        if (auto s = r_.identifier(*v, "id")) tr.id = {*s, v->pos};
      if (auto v = m.require("kind", "firm ou optional"))
        if (auto k = r_.choice<TrancheKind>(*v, "kind", tranche_kinds)) tr.kind = *k;
      if (auto v = m.require("amount", "le montant de la tranche en € HT"))
        if (auto a = r_.number(*v, "amount", io::amount, "€")) tr.amount = {*a, v->pos};
      if (auto v = m.get("title"))
        if (auto s = r_.string(*v, "title")) tr.title = *s;
      m.finish();
      if (!tr.id.value.empty()) {
        auto [it, inserted] = seen.emplace(tr.id.value, tr.id.pos);
        if (!inserted)
          r_.error("lot-id-unique", tr.id.pos,
                   fmt::format("identifiant de tranche {} déjà utilisé ligne {}", quoted(tr.id.value), it->second.line),
                   "donnez à chaque tranche son propre identifiant (TF, TO1, TO2…)");
      }
      lot.tranches.push_back(std::move(tr));
    }
  }

  void read_framework(const Node& n, std::optional<Framework>& out) {
    if (!r_.expect_kind(n, yaml::Kind::map, "framework")) return;
    Framework f;
    f.pos = n.pos;
    MapReader m(r_, n, "framework");
    number(m, "min", f.min, io::amount_or_zero, "€");
    number(m, "max", f.max, io::amount, "€");
    f.basis.pos = n.pos;
    if (auto v = m.require("basis", "min, max ou estimate"))
      if (auto b = r_.choice<FrameworkBasis>(*v, "basis", bases)) f.basis = {*b, v->pos};
    m.finish();
    out = f;
  }

  // `derogation: "justification"`, or `derogation: { ground: insufficient-link, reason: "…" }` to name the
  // case of L. 2112-2-1 it relies on (the ground is looked up in the rule tables by tender::resolve).
  void read_derogation(const Node& n, Lot& lot) {
    if (n.kind != yaml::Kind::map) {
      if (auto s = r_.string(n, "derogation")) lot.derogation = Located<std::string>{*s, n.pos};
      return;
    }
    MapReader m(r_, n, "derogation");
    if (auto v = m.require("ground", "le cas de dérogation, par exemple execution-difficulty"))
      if (auto s = r_.identifier(*v, "ground")) lot.derogation_ground = Located<std::string>{*s, v->pos};
    if (auto v = m.require("reason", "la justification de la dérogation, pour le dossier de consultation"))
      if (auto s = r_.string(*v, "reason")) lot.derogation = Located<std::string>{*s, v->pos};
    m.finish();
  }

  void read_award_criterion(const Node& n, std::optional<AwardCriterion>& out) {
    if (!r_.expect_kind(n, yaml::Kind::map, "award_criterion")) return;
    AwardCriterion c;
    c.pos = n.pos;
    MapReader m(r_, n, "award_criterion");
    if (auto v = m.require("weight", "la pondération du critère, par exemple 0.10"))
      if (auto w = r_.fraction(*v, "weight")) c.weight = {*w, v->pos};
    if (auto v = m.get("description"))
      if (auto s = r_.string(*v, "description")) c.description = *s;
    m.finish();
    out = c;
  }

  // Rules between the fields of one lot: what each method needs, and what it cannot use. A key that is
  // present but invalid was reported already: only absent keys count as missing, so one mistake gives
  // one message.
  void check_lot(const Lot& lot, const Node& n, bool clause_known, const std::string& where) {
    Method method = lot.method.value;
    auto misplaced = [&](const auto& field, std::string_view key, std::string_view used_by) {
      if (field)
        r_.error("lot-method-field", field->pos,
                 fmt::format("{} ne sert qu'à la méthode {} ; {} utilise la méthode {}", quoted(key), used_by, where,
                             name(method)),
                 fmt::format("retirez « {} », ou indiquez « method: {} »", key, used_by));
    };
    if (method != Method::fixed) misplaced(lot.hours, "hours", "fixed");
    if (method != Method::fte) misplaced(lot.fte, "fte", "fte");
    if (method != Method::fte && method != Method::cleaning_pact) misplaced(lot.months, "months", "fte ou cleaning-pact");
    if (method != Method::cleaning_pact)
      misplaced(lot.transferred_staff_monthly_hours, "transferred_staff_monthly_hours", "cleaning-pact");

    auto need = [&](bool present, std::string_view key, std::string_view what) {
      if (!present && n.find(key) == nullptr)
        r_.error("schema-required", lot.pos,
                 fmt::format("{} (méthode {}) : champ {} manquant ({})", where, name(method), quoted(key), what),
                 fmt::format("ajoutez « {}: … » au lot", key));
    };
    if ((clause_known && lot.has_clause()) || lot.method_given) {
      switch (method) {
        case Method::fixed: need(lot.hours.has_value(), "hours", "le nombre d'heures réservées"); break;
        case Method::fte:
          need(lot.fte.has_value(), "fte", "le nombre d'équivalents temps plein");
          need(lot.months.has_value(), "months", "la durée en mois");
          break;
        case Method::cleaning_pact:
          need(lot.amount.has_value(), "amount", "le chiffre d'affaires estimé du lot en € HT");
          need(lot.months.has_value(), "months", "la durée du lot en mois");
          break;
        case Method::labour_cost:
        case Method::percent_of_hours:
          need(lot.amount || !lot.tranches.empty() || lot.framework || n.find("tranches") || n.find("framework"), "amount",
               "le montant en € HT, ou « tranches », ou « framework »");
          break;
      }
    }
    if (const Node* tranches = n.find("tranches")) {
      if (method != Method::labour_cost && method != Method::percent_of_hours)
        r_.error("lot-method-field", tranches->pos,
                 fmt::format("« tranches » ne sert qu'aux méthodes labour-cost et percent-of-hours ; {} utilise la "
                             "méthode {}",
                             where, name(method)),
                 "retirez « tranches », ou changez de méthode");
      if (n.find("framework") != nullptr)
        r_.error("lot-framework", tranches->pos,
                 fmt::format("{} a à la fois des tranches et un accord-cadre (framework) : choisissez l'un des deux", where),
                 "un accord-cadre à bons de commande se décrit par « framework: {min, max, basis} »");
    }
    if (lot.amount && !lot.tranches.empty()) {
      const double sum = lot.tranches_amount();
      if (std::fabs(sum - lot.amount->value) > 0.005)
        r_.error("lot-tranches-sum", lot.amount->pos,
                 fmt::format("le montant du lot ({} HT) diffère de la somme de ses tranches ({} HT)",
                             text::format_euros(lot.amount->value), text::format_euros(sum)),
                 "corrigez le montant, ou retirez « amount » : la somme des tranches suffit");
    }
    if (lot.framework) check_framework(lot, *lot.framework, where);
    if (lot.start && lot.end && lot.end->value < lot.start->value)
      r_.error("lot-dates-order", lot.end->pos,
               fmt::format("{} se termine le {}, avant de commencer le {}", where,
                           text::format_date_long(lot.end->value), text::format_date_long(lot.start->value)),
               "vérifiez « start » et « end » : la fin vient après le début");
    if (!lot.has_clause() && lot.award_criterion)
      r_.error("lot-award-criterion", lot.award_criterion->pos,
               fmt::format("{} n'a pas de clause (clause: none) mais a un critère d'attribution social", where),
               "retirez « award_criterion », ou donnez une clause au lot");
  }

  void check_framework(const Lot& lot, const Framework& f, const std::string& where) {
    if (f.min && f.max && f.min->value > f.max->value)
      r_.error("lot-framework", f.min->pos,
               fmt::format("{} : le minimum de l'accord-cadre ({} HT) dépasse son maximum ({} HT)", where,
                           text::format_euros(f.min->value), text::format_euros(f.max->value)),
               "vérifiez « min » et « max »");
    auto need = [&](bool present, std::string_view key, std::string_view basis) {
      if (!present)
        r_.error("schema-required", f.basis.pos,
                 fmt::format("{} : « basis: {} » demande {}", where, basis, quoted(key)),
                 fmt::format("ajoutez « {}: … »", key));
    };
    switch (f.basis.value) {
      case FrameworkBasis::min: need(f.min.has_value(), "min", "min"); break;
      case FrameworkBasis::max: need(f.max.has_value(), "max", "max"); break;
      case FrameworkBasis::estimate: need(lot.amount.has_value(), "amount", "estimate"); break;
    }
  }

  io::Reader r_;
};

}  // namespace

LoadResult parse_tender(std::string_view text, const std::string& path) {
  LoadResult result;
  yaml::Document doc = yaml::parse(text, path);
  result.diagnostics = std::move(doc.diagnostics);
  if (!doc.root) {
    if (result.diagnostics.empty())
      result.diagnostics.push_back({"schema-required", Severity::error, Category::input, path, {},
                                    "le fichier est vide : une consultation attendue",
                                    "commencez par « format: clausier/tender/1 », puis id, title, buyer, nature, lots"});
    return result;
  }
  Loader loader(path, result.diagnostics);
  result.tender = loader.read(*doc.root);
  sort_diagnostics(result.diagnostics);
  return result;
}

std::string tender_path(const std::string& argument) {
  if (argument == stdin_argument) return std::string(stdin_name);
  if (io::is_directory(argument)) {
    std::string dir = argument;
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    return dir + "/tender.yaml";
  }
  return argument;
}

std::string stdin_usage_error(const std::vector<std::string>& arguments) {
  if (std::count(arguments.begin(), arguments.end(), stdin_argument) < 2) return {};
  return "« - » (l'entrée standard) ne se lit qu'une fois : donnez-le une seule fois";
}

LoadedFile load_tender(const std::string& argument) {
  LoadedFile file;
  std::string path = tender_path(argument);
  const bool from_stdin = argument == stdin_argument;
  io::ReadResult read = from_stdin ? io::read_standard_input(path, io::tender_file) : io::read_file(path, io::tender_file);
  if (!read.text) {
    if (!read.error.hint.empty() && !from_stdin) read.error.hint += ", ou donnez le dossier de l'opération (qui contient tender.yaml)";
    file.result.diagnostics.push_back(std::move(read.error));
    return file;
  }
  file.source.emplace(path, std::move(*read.text));
  file.result = parse_tender(file.source->text(), path);
  return file;
}

}  // namespace clausier::tender
