#include "clausier/draft/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "clausier/check/tender_checks.hpp"
#include "clausier/hours/render.hpp"
#include "clausier/text/french.hpp"

namespace clausier::draft {

using namespace clausier::tender;
using nlohmann::ordered_json;

namespace {

std::string nature_label(Nature n) {
  switch (n) {
    case Nature::works: return "travaux";
    case Nature::supplies: return "fournitures";
    case Nature::services: return "services";
  }
  return "";
}

std::string basis_label(hours::Basis b) {
  switch (b) {
    case hours::Basis::amount: return "montant estimé du lot";
    case hours::Basis::tranches: return "montant des tranches";
    case hours::Basis::framework_min: return "montant minimum de l'accord-cadre";
    case hours::Basis::framework_max: return "montant maximum de l'accord-cadre";
    case hours::Basis::framework_estimate: return "montant estimé de l'accord-cadre";
    case hours::Basis::none: return "";
  }
  return "";
}

// "article L. 2112-2" must not break after "L.", nor "n° 2021-1104" after "n°": no-break spaces.
std::string unbreakable(std::string s) {
  for (std::string_view from : {"L. ", "R. ", "D. ", "n° "}) {
    std::string to = std::string(from.substr(0, from.size() - 1)) + "\u00A0";
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
      s.replace(pos, from.size(), to);
  }
  return s;
}

ordered_json reference(const rules::RuleSet& rules, std::string_view id) {
  const rules::LegalReference* r = rules.legal_reference(id);
  if (r == nullptr || !r->current) return {{"citation", ""}, {"courte", ""}};
  return {{"citation", unbreakable(r->citation)}, {"courte", unbreakable(r->short_name)}};
}

// Two articles of the same code in one citation: "articles L. 2152-7 et R. 2152-7 du code de la commande
// publique", preceded by its preposition ("des articles …", or "de l'article … et de l'article …" when
// the two rows do not share their code).
ordered_json joint_reference(const rules::RuleSet& rules, std::string_view first, std::string_view second) {
  const rules::LegalReference* a = rules.legal_reference(first);
  const rules::LegalReference* b = rules.legal_reference(second);
  if (a == nullptr || b == nullptr || !a->current || !b->current) return {{"application", ""}};
  constexpr std::string_view article = "article ";
  auto split = [&](const std::string& citation) -> std::pair<std::string, std::string> {
    std::size_t of = citation.find(" du ");
    if (citation.rfind(article, 0) != 0 || of == std::string::npos) return {};
    return {citation.substr(article.size(), of - article.size()), citation.substr(of)};
  };
  auto [a_number, a_code] = split(a->citation);
  auto [b_number, b_code] = split(b->citation);
  if (!a_code.empty() && a_code == b_code)
    return {{"application", unbreakable(fmt::format("des articles {} et {}{}", a_number, b_number, a_code))}};
  return {{"application", unbreakable(fmt::format("de l'{} et de l'{}", a->citation, b->citation))}};
}

std::string_view ccag_reference_id(Ccag c) {
  switch (c) {
    case Ccag::travaux: return "ccag-travaux";
    case Ccag::fcs: return "ccag-fcs";
    case Ccag::pi: return "ccag-pi";
    case Ccag::tic: return "ccag-tic";
    case Ccag::moe: return "ccag-moe";
    case Ccag::mi: return "ccag-mi";
  }
  return "";
}

std::string_view ccag_acronym(Ccag c) {
  switch (c) {
    case Ccag::travaux: return "CCAG-Travaux";
    case Ccag::fcs: return "CCAG-FCS";
    case Ccag::pi: return "CCAG-PI";
    case Ccag::tic: return "CCAG-TIC";
    case Ccag::moe: return "CCAG-MOE";
    case Ccag::mi: return "CCAG-MI";
  }
  return "";
}

std::string text_or_empty(const Field<std::string>& f) { return f ? f->value : std::string(); }

std::string euros_ht(double v) { return text::format_euros(v) + "\u00A0HT"; }

// The legal bases of a lot's clause, current articles only, from the rule table.
ordered_json lot_references(const rules::RuleSet& rules, const Lot& lot) {
  ordered_json refs = ordered_json::array();
  std::string clause(name(lot.clause.value));
  for (const auto& r : rules.legal_references()) {
    if (!r.current || !r.origin.verified) continue;
    bool applies = std::find(r.clauses.begin(), r.clauses.end(), clause) != r.clauses.end() ||
                   (lot.award_criterion && std::find(r.clauses.begin(), r.clauses.end(), award_criterion_code) != r.clauses.end());
    if (applies) refs.push_back({{"citation", unbreakable(r.citation)}, {"courte", unbreakable(r.short_name)}});
  }
  return refs;
}

// The calculation as the documents state it: hours' formula_text, said for the two methods it does
// not name.
std::string calculation(const hours::LotResult& r) {
  switch (r.lot->method.value) {
    case Method::fixed: return "nombre d'heures fixé par l'acheteur";
    case Method::cleaning_pact: return "méthode du PACT Propreté : " + hours::formula_text(r);
    default: return hours::formula_text(r);
  }
}

ordered_json lot_json(const hours::LotResult& r, const rules::RuleSet& rules, const ModelOptions& options) {
  const Lot& lot = *r.lot;
  const ResolvedLot& p = r.params;
  Clause c = lot.clause.value;
  ordered_json j;
  j["id"] = lot.id.value;
  j["intitule"] = lot.title;
  j["clause"] = std::string(name(c));
  j["clause_libelle"] = std::string(label(c));
  j["execution"] = c == Clause::execution;
  j["reserve_siae"] = c == Clause::reserved_siae;
  j["reserve_handicap"] = c == Clause::reserved_disability;
  j["reserve_les_deux"] = c == Clause::reserved_both;
  j["reserve"] = c == Clause::reserved_siae || c == Clause::reserved_disability || c == Clause::reserved_both;
  j["marche_insertion"] = c == Clause::integration_object;
  j["critere"] = lot.award_criterion.has_value();
  j["critere_poids"] = lot.award_criterion ? text::format_percent(lot.award_criterion->weight.value) : "";
  j["critere_description"] = lot.award_criterion ? lot.award_criterion->description : "";
  j["a_critere_description"] = lot.award_criterion && !lot.award_criterion->description.empty();
  j["methode"] = std::string(name(lot.method.value));
  j["methode_libelle"] = std::string(hours::french_label(lot.method.value));
  j["pourcentage_heures"] = lot.method.value == Method::percent_of_hours;
  j["heures"] = text::format_number(r.hours);
  j["heures_unite"] = text::format_hours(r.hours);
  j["heures_lettres"] = text::hours_words(r.hours, options.spelling);
  j["heures_texte"] = text::hours_in_words(r.hours, options.spelling);
  j["heures_brutes"] = text::format_number(r.raw_hours);
  j["calcul"] = r.status == hours::Status::no_clause ? std::string() : calculation(r);
  j["montant"] = r.amount ? euros_ht(*r.amount) : "";
  j["base_calcul"] = basis_label(r.basis);
  // The annex's columns multiply to the hours (amount × share × rate ÷ cost). The PACT Propreté takes the
  // share and the cost only through C = cost ÷ share, and adds P: shown, they would multiply to another
  // figure (960 hours for 240), so they are left blank, as for fixed hours, and the calculation below says it.
  const bool pact = lot.method.value == Method::cleaning_pact;
  j["part_main_oeuvre"] = p.labour_share && !pact ? text::format_percent(p.labour_share->value) : "";
  j["taux"] = p.rate ? text::format_percent(p.rate->value) : "";
  j["cout_horaire"] = p.hourly_cost && !pact ? text::format_number(p.hourly_cost->value) + "\u202F€/h" : "";
  j["minimum"] = text::format_hours(p.minimum_hours.value);
  j["statut"] = std::string(hours::name(r.status));
  j["statut_libelle"] = std::string(hours::french_label(r.status));
  j["sous_minimum"] = r.status == hours::Status::below_minimum;
  j["sans_capacite"] = r.status == hours::Status::no_capacity;
  ordered_json tranches = ordered_json::array();
  bool optional = false;
  for (const auto& t : r.tranches) {
    bool opt = t.tranche->kind == TrancheKind::optional;
    optional = optional || opt;
    tranches.push_back({{"id", t.tranche->id.value},
                        {"intitule", t.tranche->title},
                        {"a_intitule", !t.tranche->title.empty()},
                        {"type", opt ? "optionnelle" : "ferme"},
                        {"optionnelle", opt},
                        {"montant", euros_ht(t.tranche->amount.value)},
                        {"heures", text::format_number(t.hours)},
                        {"heures_texte", text::hours_in_words(t.hours, options.spelling)}});
  }
  j["tranches"] = tranches;
  j["a_tranches"] = !r.tranches.empty();
  j["tranches_optionnelles"] = optional;
  j["accord_cadre"] = lot.framework.has_value();
  j["accord_cadre_min"] = lot.framework && lot.framework->min ? euros_ht(lot.framework->min->value) : "";
  j["accord_cadre_max"] = lot.framework && lot.framework->max ? euros_ht(lot.framework->max->value) : "";
  j["dates"] = lot.start.has_value() && lot.end.has_value();
  j["debut"] = lot.start ? text::format_date_long(lot.start->value) : "";
  j["fin"] = lot.end ? text::format_date_long(lot.end->value) : "";
  std::string contractor = lot.award && lot.award->contractor ? lot.award->contractor->name : "";
  j["a_titulaire"] = !contractor.empty();
  j["titulaire"] = contractor;
  std::string contractor_siret =
      lot.award && lot.award->contractor && lot.award->contractor->siret ? lot.award->contractor->siret->value : "";
  j["a_titulaire_siret"] = !contractor_siret.empty();
  j["titulaire_siret"] = text::format_siret(contractor_siret);  // "482 150 935 00021"
  j["references"] = lot_references(rules, lot);
  j["a_derogation"] = lot.derogation.has_value();
  j["derogation"] = text_or_empty(lot.derogation);
  const rules::DerogationGround* ground =
      lot.derogation_ground ? rules.derogation_ground(lot.derogation_ground->value) : nullptr;
  j["a_motif"] = ground != nullptr;
  j["derogation_motif"] = ground ? ground->label : "";
  return j;
}

}  // namespace

bool valid_article_number(std::string_view s) {
  bool digit_before = false;
  for (char c : s) {
    if (c == '.' && !digit_before) return false;
    digit_before = c != '.';
    if (c != '.' && (c < '0' || c > '9')) return false;
  }
  return digit_before && s.size() <= 12;
}

std::vector<std::string> unavailable_references(const rules::RuleSet& rules) {
  std::vector<std::string> out;
  for (const char* id : {"ccp-l2112-2", "ccp-l2113-13", "ccp-l2113-12", "ccp-l2113-14", "ccp-r2113-7", "ccp-r2123-1",
                         "ccp-l2152-7", "ccp-r2152-7", "ccp-l2112-2-1", "loi-2021-1104-art35", "ccag-travaux",
                         "ccag-fcs", "ccag-pi", "ccag-tic", "ccag-moe", "ccag-mi"}) {
    const rules::LegalReference* r = rules.legal_reference(id);
    if (r == nullptr || !r->current) out.emplace_back(id);
  }
  return out;
}

nlohmann::ordered_json build_model(const hours::TenderResult& result, const rules::RuleSet& rules,
                                   const ModelOptions& options) {
  const Tender& t = *result.tender;
  ordered_json m;
  m["operation"] = {{"id", t.id.value},
                    {"intitule", t.title},
                    {"nature", std::string(name(t.nature.value))},
                    {"nature_libelle", nature_label(t.nature.value)},
                    {"travaux", t.nature.value == Nature::works}};
  m["acheteur"] = {{"nom", t.buyer.name}, {"siret", text::format_siret(text_or_empty(t.buyer.siret))}};
  const Facilitator* f = t.facilitator ? &*t.facilitator : nullptr;
  m["facilitateur"] = {{"present", f != nullptr},
                       {"nom", f ? text_or_empty(f->name) : ""},
                       {"organisation", f ? text_or_empty(f->organisation) : ""},
                       {"email", f ? text_or_empty(f->email) : ""},
                       {"telephone", f ? text_or_empty(f->phone) : ""},
                       {"a_nom", f != nullptr && f->name.has_value()},
                       {"a_organisation", f != nullptr && f->organisation.has_value()},
                       {"a_email", f != nullptr && f->email.has_value()},
                       {"a_telephone", f != nullptr && f->phone.has_value()}};
  m["avis"] = {{"present", t.notice_date.has_value()},
               {"date", t.notice_date ? text::format_date_long(t.notice_date->value) : ""}};
  const rules::Programme* prog = t.programme ? rules.programme(name(t.programme->value)) : nullptr;
  m["programme"] = {{"present", prog != nullptr},
                    {"anru", prog != nullptr},
                    {"libelle", prog ? prog->label : ""},
                    {"charte", prog ? prog->charter : ""},
                    {"taux_minimum", prog ? text::format_percent(prog->minimum_rate) : ""},
                    {"perimetre", prog ? prog->scope : ""},
                    {"a_perimetre", prog != nullptr && !prog->scope.empty()}};
  const Ccag ccag = ccag_of(t);
  m["ccag"] = {{"code", std::string(name(ccag))}, {"sigle", std::string(ccag_acronym(ccag))}};
  m["article"] = options.article.empty() ? std::string("X") : options.article;

  ordered_json lots = ordered_json::array(), with = ordered_json::array(), below = ordered_json::array(),
               without = ordered_json::array();
  bool criterion = false, execution = false, reserved = false, integration = false, not_reserved = false;
  bool reserved_siae = false, reserved_disability = false;  // the people of the reserved lots
  int reserved_lots = 0, other_lots = 0;
  for (const auto& r : result.lots) {
    if (!options.lots.empty() &&
        std::find(options.lots.begin(), options.lots.end(), r.lot->id.value) == options.lots.end())
      continue;
    ordered_json lot = lot_json(r, rules, options);
    lots.push_back(lot);
    if (r.status == hours::Status::ok) {
      with.push_back(lot);
      criterion = criterion || r.lot->award_criterion.has_value();
      Clause c = r.lot->clause.value;
      execution = execution || c == Clause::execution;
      bool lot_reserved = c == Clause::reserved_siae || c == Clause::reserved_disability || c == Clause::reserved_both;
      reserved = reserved || lot_reserved;
      ++(lot_reserved ? reserved_lots : other_lots);
      reserved_siae = reserved_siae || c == Clause::reserved_siae || c == Clause::reserved_both;
      reserved_disability = reserved_disability || c == Clause::reserved_disability || c == Clause::reserved_both;
      not_reserved = not_reserved || !lot_reserved;
      integration = integration || c == Clause::integration_object;
    } else if (r.status == hours::Status::no_clause) {
      without.push_back(lot);
    } else {
      below.push_back(lot);
    }
  }
  m["a_lots_avec_clause"] = !with.empty();
  // The review clause names only the events that can happen to these lots (optional tranches, orders).
  m["a_tranches_optionnelles"] = std::any_of(with.begin(), with.end(), [](const ordered_json& l) { return l["tranches_optionnelles"].get<bool>(); });
  m["a_accord_cadre"] = std::any_of(with.begin(), with.end(), [](const ordered_json& l) { return l["accord_cadre"].get<bool>(); });
  m["a_pourcentage_heures"] =
      std::any_of(with.begin(), with.end(), [](const ordered_json& l) { return l["pourcentage_heures"].get<bool>(); });
  // Fixed hours and FTE are not computed on an amount: an amount event cannot recompute them (the
  // loader refuses it, event-lot), the amendment or the termination gives the hours.
  m["a_heures_sans_montant"] = std::any_of(with.begin(), with.end(), [](const ordered_json& l) {
    return l["methode"] == name(Method::fixed) || l["methode"] == name(Method::fte);
  });
  m["a_lots_sous_minimum"] = !below.empty();
  m["a_lots_sans_clause"] = !without.empty();
  m["plusieurs_lots"] = t.lots.size() > 1;
  m["a_critere"] = criterion;
  m["a_execution"] = execution;
  m["a_reserve"] = reserved;
  m["a_non_reserve"] = not_reserved;
  m["plusieurs_lots_reserves"] = reserved_lots > 1;
  m["plusieurs_lots_non_reserves"] = other_lots > 1;
  m["reserve_personnes"] = reserved_siae && reserved_disability ? "salariés en parcours d'insertion ou travailleurs handicapés"
                           : reserved_disability                ? "travailleurs handicapés"
                           : reserved_siae                      ? "salariés en parcours d'insertion"
                                                                : "";
  m["reserve_travailleurs"] = reserved_siae && reserved_disability ? "défavorisés ou handicapés"
                              : reserved_disability                ? "handicapés"
                              : reserved_siae                      ? "défavorisés"
                                                                   : "";
  m["a_marche_insertion"] = integration;
  m["plusieurs_lots_avec_clause"] = with.size() > 1;
  m["lots"] = lots;
  m["lots_avec_clause"] = with;
  m["lots_sous_minimum"] = below;
  m["lots_sans_clause"] = without;
  const double total = hours::total_hours(result.lots, options.lots);
  m["total_heures"] = text::format_number(total);
  m["total_heures_texte"] = text::hours_in_words(total, options.spelling);

  ordered_json publics = ordered_json::array();
  for (const auto& c : rules.eligibility_criteria()) {
    if (c.city_policy && prog == nullptr) continue;  // a public of city-policy (ANRU) operations only
    publics.push_back({{"code", c.code},
                       {"libelle", c.definition.empty() ? c.label : c.definition},
                       {"validation_facilitateur", c.note_required}});
  }
  m["publics"] = publics;
  m["references"] = {{"execution", reference(rules, "ccp-l2112-2")},
                     {"reserve_siae", reference(rules, "ccp-l2113-13")},
                     {"reserve_handicap", reference(rules, "ccp-l2113-12")},
                     {"reserve_les_deux", reference(rules, "ccp-l2113-14")},
                     {"seuil_reserve", reference(rules, "ccp-r2113-7")},
                     {"insertion", reference(rules, "ccp-r2123-1")},
                     {"critere_l", reference(rules, "ccp-l2152-7")},
                     {"critere_r", reference(rules, "ccp-r2152-7")},
                     {"critere", joint_reference(rules, "ccp-l2152-7", "ccp-r2152-7")},
                     {"ccag", reference(rules, ccag_reference_id(ccag))},
                     {"climat", reference(rules, "ccp-l2112-2-1")},
                     {"reexamen", reference(rules, "ccp-r2194-1")},
                     {"loi_climat", reference(rules, "loi-2021-1104-art35")}};

  const Penalties* pen = t.penalties ? &*t.penalties : nullptr;
  auto money = [](const Field<double>& v) { return v ? euros_ht(v->value) : std::string(); };
  m["penalites"] = {{"present", pen != nullptr && pen->per_missing_hour.has_value()},
                    {"par_heure", pen ? money(pen->per_missing_hour) : ""},
                    {"moyens", pen == nullptr || !pen->condition || pen->condition->value == PenaltyCondition::best_efforts},
                    {"stricte", pen != nullptr && pen->condition && pen->condition->value == PenaltyCondition::strict},
                    {"plafond_present", pen != nullptr && pen->cap_share.has_value()},
                    {"plafond", pen && pen->cap_share ? text::format_percent(pen->cap_share->value) : ""},
                    {"retard_rapport_present", pen != nullptr && pen->late_report_per_day.has_value()},
                    {"retard_rapport", pen ? money(pen->late_report_per_day) : ""},
                    {"retard_bilan_present", pen != nullptr && pen->late_final_report_per_day.has_value()},
                    {"retard_bilan", pen ? money(pen->late_final_report_per_day) : ""}};
  const Counting* cnt = t.counting ? &*t.counting : nullptr;
  TrainingHours training = cnt && cnt->training_hours ? cnt->training_hours->value : TrainingHours::work_contracts;
  m["comptage"] = {{"formation_contrats", training == TrainingHours::work_contracts},
                   {"formation_toutes", training == TrainingHours::all},
                   {"formation_aucune", training == TrainingHours::none},
                   {"validite", cnt != nullptr && cnt->eligibility_validity_months.has_value()},
                   {"validite_mois", cnt && cnt->eligibility_validity_months
                                         ? std::to_string(cnt->eligibility_validity_months->value)
                                         : ""}};
  m["climat"] = {{"applicable", check::climate_obligation_applies(t, rules)}};
  m["regles"] = {{"version", rules.version()}};
  return m;
}

}  // namespace clausier::draft
