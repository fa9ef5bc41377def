#include "clausier/check/tender_checks.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "clausier/core/text.hpp"
#include "clausier/tender/identifiers.hpp"
#include "clausier/text/french.hpp"

namespace clausier::check {

using namespace clausier::tender;

namespace {

constexpr RuleInfo catalogue[] = {
    {"io", Severity::error, Category::io, "le fichier ne peut pas être lu"},
    {"yaml-syntax", Severity::error, Category::input, "le fichier n'est pas du YAML valide"},
    {"yaml-duplicate-key", Severity::error, Category::input, "une clé apparaît deux fois dans le même tableau"},
    {"schema-required", Severity::error, Category::input, "un champ obligatoire manque"},
    {"schema-type", Severity::error, Category::input, "une valeur n'a pas le bon type"},
    {"schema-range", Severity::error, Category::input, "une valeur est hors des limites admises"},
    {"schema-enum", Severity::error, Category::input, "une valeur n'est pas l'une des valeurs admises"},
    {"schema-format", Severity::error, Category::input, "une valeur n'a pas la forme attendue (date, identifiant, SIRET, CPV)"},
    {"schema-unknown-key", Severity::error, Category::input, "une clé inconnue (faute de frappe ?)"},
    {"lot-id-unique", Severity::error, Category::input, "deux lots (ou deux tranches d'un lot) ont le même identifiant"},
    {"lot-dates-order", Severity::error, Category::input, "un lot se termine avant de commencer"},
    {"lot-tranches-sum", Severity::error, Category::input, "le montant d'un lot diffère de la somme de ses tranches"},
    {"lot-framework", Severity::error, Category::input, "le minimum d'un accord-cadre dépasse son maximum"},
    {"lot-method-field", Severity::error, Category::input, "un champ ne sert pas à la méthode de calcul du lot"},
    {"lot-award-criterion", Severity::error, Category::input, "un critère d'attribution social sur un lot sans clause"},
    {"event-award", Severity::error, Category::input, "des événements sur un lot qui n'est pas attribué"},
    {"event-field", Severity::error, Category::input, "un champ qui ne sert pas à ce type d'événement, ou deux qui s'excluent"},
    {"event-tranche", Severity::error, Category::input, "un événement nomme une tranche inconnue, ferme ou déjà affermie"},
    {"event-lot", Severity::error, Category::input,
     "un événement qui ne s'applique pas au lot (commandes hors accord-cadre, montant d'un lot en heures fixées)"},
    {"event-date", Severity::error, Category::input,
     "un événement daté avant la notification, hors de l'ordre des dates ou après la résiliation"},
    {"encoding", Severity::error, Category::input, "le fichier n'est pas encodé en UTF-8"},
    {"trade-unknown", Severity::error, Category::input, "un corps d'état absent des tables de règles"},
    {"derogation-ground-unknown", Severity::error, Category::input,
     "une dérogation nomme un cas absent de la table des cas de dérogation"},
    {"parameter-missing", Severity::error, Category::input, "un paramètre de calcul introuvable (taux, coût horaire, part de main-d'œuvre)"},
    {"override-lot", Severity::error, Category::input, "--set vise un lot qui n'existe pas (clausier hours)"},
    {"siret-luhn", Severity::error, Category::finding, "un SIRET dont la clé de contrôle est fausse"},
    {"cpv-check-digit", Severity::error, Category::finding, "un code CPV dont le chiffre de contrôle ne correspond pas à la nomenclature"},
    {"cpv-unknown", Severity::note, Category::finding, "un code CPV absent de l'extrait de nomenclature livré"},
    {"anru-rate", Severity::error, Category::finding,
     "les heures d'insertion de l'opération ANRU sont sous le taux minimum du programme"},
    {"anru-rate-lot", Severity::warning, Category::finding,
     "un lot ANRU sous le taux minimum, que l'opération atteint dans son ensemble"},
    {"anru-rate-unchecked", Severity::note, Category::finding, "un lot ANRU dont le taux ne peut être vérifié (heures fixées)"},
    {"facilitator-contact", Severity::error, Category::finding, "les coordonnées du facilitateur manquent (CCAG 2021)"},
    {"climate-social-consideration", Severity::error, Category::finding,
     "loi Climat et résilience : un lot sans considération sociale ni dérogation"},
    {"climate-value-incomplete", Severity::warning, Category::finding,
     "loi Climat et résilience : la valeur estimée ne compte pas tous les lots"},
    {"climate-derogation-ground", Severity::note, Category::finding,
     "loi Climat et résilience : une dérogation qui ne nomme pas le cas de l'article L. 2112-2-1"},
    {"climate-reserved-lot", Severity::note, Category::finding,
     "loi Climat et résilience : un lot réservé ou un marché d'insertion répond à l'obligation par sa nature"},
    {"notice-date-missing", Severity::warning, Category::finding, "sans date d'avis, l'obligation sociale ne peut être évaluée"},
    {"thresholds-unknown", Severity::warning, Category::finding, "aucun seuil européen connu à la date de l'avis"},
    {"derogation-unused", Severity::warning, Category::finding, "une dérogation sur un lot qui a une clause"},
    {"award-criterion-quantity", Severity::warning, Category::finding,
     "un critère d'attribution social intitulé comme une quantité, que les documents jugent sur la qualité"},
    {"labour-share-unverified", Severity::warning, Category::finding, "une part de main-d'œuvre non vérifiée dans sa source"},
    {"event-orders-maximum", Severity::warning, Category::finding,
     "des commandes cumulées au-delà du maximum de l'accord-cadre"},
};

class Checker {
 public:
  Checker(const Tender& t, const Resolution& res, const rules::RuleSet& rules, const hours::TenderResult* hours,
          Diagnostics& out)
      : t_(t), res_(res), rules_(rules), hours_(hours), out_(out) {}

  void run() {
    siret(t_.buyer.siret, "de l'acheteur");
    for (const Lot& lot : t_.lots) {
      if (lot.award && lot.award->contractor) siret(lot.award->contractor->siret, "du titulaire");
      cpv(lot);
      if (lot.derogation && clause_set(lot))
        add("derogation-unused", lot.derogation->pos,
            fmt::format("le lot {} a une clause ({}) : sa dérogation n'a pas d'effet", quoted(lot.id.value),
                        name(lot.clause.value)),
            "retirez « derogation », ou mettez « clause: none » si le lot n'a vraiment pas de clause");
      award_criterion(lot);
      orders_maximum(lot);
    }
    for (const ResolvedLot& r : res_.lots) labour_share(r);
    anru();
    facilitator();
    climate();
  }

 private:
  // Severity and category come from the catalogue; an id it does not list is a programming error.
  void add(std::string_view rule, Position pos, std::string message, std::string hint) {
    out_.push_back(make_diagnostic(catalogued(catalogue, rule), t_.path, pos, std::move(message), std::move(hint)));
  }

  // The drafted RC scores the quality of the insertion offer (R. 2152-7; the hours are fixed for all by the
  // clause, domain.md §2.2): a criterion titled as a number of hours or a share reads as the opposite.
  void award_criterion(const Lot& lot) {
    if (!lot.award_criterion || lot.award_criterion->description.empty()) return;
    const std::string& d = lot.award_criterion->description;
    std::string first = d.substr(0, d.find(' '));
    for (char& c : first) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    static constexpr std::string_view quantities[] = {"nombre", "part", "volume", "pourcentage", "taux", "quantité"};
    if (std::find(std::begin(quantities), std::end(quantities), first) == std::end(quantities)) return;
    add("award-criterion-quantity", lot.award_criterion->pos,
        fmt::format("lot {} : le critère d'attribution est intitulé comme une quantité ({}) ; le règlement de la "
                    "consultation rédigé par clausier draft le juge sur la qualité de l'offre d'insertion, le volume "
                    "d'heures étant fixé pour tous par la clause",
                    quoted(lot.id.value), quoted(d)),
        "intitulez-le d'après la qualité jugée, par exemple « Qualité des parcours d'insertion proposés »");
  }

  // Orders are recorded as they are placed (formats.md « Lot events »): beyond the framework's maximum the
  // buyer could not order without modifying the contract, so the figure is more likely a typing mistake.
  // Hours are still recomputed on it, as the CCAP says: a warning, not an error.
  void orders_maximum(const Lot& lot) {
    if (!lot.framework || !lot.framework->max) return;
    const double maximum = lot.framework->max->value;
    for (const Event& e : lot.events) {
      if (e.kind.value != EventKind::orders || !e.amount || e.amount->value <= maximum) continue;
      add("event-orders-maximum", e.amount->pos,
          fmt::format("lot {} : commandes cumulées de {} au {}, au-delà du maximum de l'accord-cadre ({}) ; les heures "
                      "dues sont recalculées sur ce montant",
                      quoted(lot.id.value), text::format_euros(e.amount->value), text::format_date_short(e.date.value),
                      text::format_euros(maximum)),
          "vérifiez le montant cumulé des commandes : au-delà du maximum, l'accord-cadre ne permet plus de commander "
          "sans modification du marché");
    }
  }

  // The computed result of a lot, when the tender could be computed.
  const hours::LotResult* computed(const Lot& lot) const {
    if (hours_ == nullptr) return nullptr;
    for (const auto& r : hours_->lots)
      if (r.lot == &lot) return &r;
    return nullptr;
  }
  // A clause is really set when the lot has one and its hours are not below the minimum (or no capacity).
  bool clause_set(const Lot& lot) const {
    const hours::LotResult* r = computed(lot);
    return lot.has_clause() && (r == nullptr || r->status == hours::Status::ok);
  }

  void siret(const Field<std::string>& s, std::string_view whose) {
    if (!s || siret_valid(s->value)) return;
    add("siret-luhn", s->pos, fmt::format("le SIRET {} {} a une clé de contrôle fausse", s->value, whose),
        "recopiez le SIRET depuis l'avis de situation INSEE ou annuaire-entreprises.data.gouv.fr");
  }

  void cpv(const Lot& lot) {
    if (!lot.cpv) return;
    const std::string& code = lot.cpv->value;
    const rules::CpvCode* known = rules_.cpv(std::string_view(code).substr(0, 8));
    if (known == nullptr) {
      add("cpv-unknown", lot.cpv->pos,
          fmt::format("code CPV {} absent de l'extrait de nomenclature livré : son chiffre de contrôle n'est pas vérifié",
                      code),
          "vérifiez-le dans la nomenclature officielle, ou ajoutez-le à un fichier --rules (table cpv_codes)");
    } else if (known->code != code) {
      add("cpv-check-digit", lot.cpv->pos,
          fmt::format("code CPV {} : le chiffre de contrôle de {} est {} ({})", code, code.substr(0, 8),
                      known->code.substr(9), known->label),
          fmt::format("écrivez \"{}\"", known->code));
    }
  }

  void labour_share(const ResolvedLot& r) {
    if (!r.labour_share || r.labour_share->source == Source::lot || !r.lot->trade) return;
    const rules::LabourShare* row = rules_.labour_share(r.lot->trade->value);
    if (row == nullptr || row->origin.verified) return;
    add("labour-share-unverified", r.lot->trade->pos,
        fmt::format("la part de main-d'œuvre de {} ({}) n'est pas vérifiée dans sa source ({})", quoted(row->trade),
                    row->share, row->origin.source),
        "confirmez la valeur, puis passez « verified: true » dans votre fichier de règles");
  }

  // The charter's rate is a target across the operation (domain.md §10): reserved hours ÷ estimated
  // hours worked (amount × labour share ÷ hourly cost) of its lots with a clause. Reserved hours are
  // taken before rounding, as the lot rates are: lots all at the minimum must not put the operation
  // under it by their rounding (333,33 hours rounded to 333 is 4,995 % of 6 666,67). The operation below it
  // is the error; a lot below it while the operation reaches it is a warning. Lots whose hours worked
  // cannot be estimated (fixed hours, FTE) get a note and stay out of both sums. The message gives the reserved
  // hours as summed (473,33), so that they divided by the hours worked give the rate it states.
  void anru() {
    if (!t_.programme) return;
    const rules::Programme* p = rules_.programme(name(t_.programme->value));
    if (p == nullptr) return;
    struct Below {
      const ResolvedLot* r;
      Position pos;
    };
    std::vector<Below> below;
    double reserved = 0, worked = 0;
    for (const ResolvedLot& r : res_.lots) {
      const Lot& lot = *r.lot;
      if (!lot.has_clause()) continue;
      if (!r.rate) {
        Method m = lot.method.value;
        if (m == Method::fixed || m == Method::fte)
          add("anru-rate-unchecked", lot.method.pos,
              fmt::format("lot {} : avec la méthode {}, le taux minimum ANRU de {} des heures ne peut être vérifié ici",
                          quoted(lot.id.value), name(m), percent(p->minimum_rate)),
              "vérifiez que les heures fixées atteignent ce taux des heures travaillées du lot");
        continue;
      }
      if (const hours::LotResult* c = computed(lot); c && c->amount && r.labour_share && r.hourly_cost) {
        worked += *c->amount * r.labour_share->value / r.hourly_cost->value;
        if (c->status == hours::Status::ok) reserved += c->raw_hours;
      }
      if (r.rate->value + 1e-12 < p->minimum_rate) below.push_back({&r, r.rate->pos.line > 0 ? r.rate->pos : lot.pos});
    }
    const bool judged = hours_ != nullptr && worked > 0;
    const double rate = judged ? reserved / worked : 0;
    std::string programme = fmt::format("programme {} ({})", quoted(p->id), p->charter);
    // Raw hours have 6 decimals: a rate 1e-6 short of the minimum is that rounding, not a shortfall.
    if (judged && rate + 1e-6 < p->minimum_rate) {
      std::vector<std::string> lots;
      for (const Below& b : below)
        lots.push_back(fmt::format("{} ({})", quoted(b.r->lot->id.value), percent(b.r->rate->value)));
      add("anru-rate", t_.programme->pos,
          fmt::format("opération ANRU : {} d'insertion pour {} travaillées estimées sur les lots avec clause, soit {}, "
                      "sous le minimum de {} du {}{}",
                      text::format_hours(reserved), text::format_hours(worked, 0), percent(rate),
                      percent(p->minimum_rate), programme,
                      lots.empty() ? std::string() : fmt::format(" ; lots sous ce taux : {}", join(lots, ", "))),
          fmt::format("relevez le taux des lots (« rate ») pour atteindre {} des heures travaillées de l'opération",
                      percent(p->minimum_rate)));
      return;
    }
    for (const Below& b : below)
      add("anru-rate-lot", b.pos,
          fmt::format("lot {} : taux d'insertion {} inférieur au minimum de {} du {}{}", quoted(b.r->lot->id.value),
                      percent(b.r->rate->value), percent(p->minimum_rate), programme,
                      judged ? fmt::format(" ; l'opération l'atteint ({} des heures travaillées estimées), et la charte "
                                           "l'apprécie sur l'ensemble des opérations",
                                           percent(rate))
                             : std::string()),
          fmt::format("aucune correction n'est exigée si l'opération atteint {} ; sinon portez le taux du lot à {}",
                      percent(p->minimum_rate), p->minimum_rate));
  }

  static std::string percent(double fraction) { return text::format_percent(fraction); }

  void facilitator() {
    const Lot* first = nullptr;
    for (const Lot& lot : t_.lots)
      if (lot.has_clause()) {
        first = &lot;
        break;
      }
    if (first == nullptr) return;
    if (!t_.facilitator) {
      add("facilitator-contact", first->clause.pos,
          fmt::format("le lot {} a une clause mais le facilitateur n'est pas indiqué (contenu minimal du CCAG 2021)",
                      quoted(first->id.value)),
          "ajoutez « facilitator: » avec name, organisation, email et phone");
      return;
    }
    const Facilitator& f = *t_.facilitator;
    std::vector<std::string> missing;
    if (!f.name) missing.emplace_back("name");
    if (!f.email && !f.phone) missing.emplace_back("email ou phone");
    if (missing.empty()) return;
    add("facilitator-contact", f.pos,
        fmt::format("coordonnées du facilitateur incomplètes : {} manquant (contenu minimal du CCAG 2021)",
                    join(missing, ", ")),
        "les entreprises doivent pouvoir joindre le facilitateur : indiquez son nom et un e-mail ou un téléphone");
  }

  void climate() {
    const rules::Obligation* obligation = rules_.obligation("climate-resilience-social");
    if (obligation == nullptr) return;
    bool some_lot_without = false;
    for (const Lot& lot : t_.lots) some_lot_without = some_lot_without || (!clause_set(lot) && !lot.derogation);
    if (!t_.notice_date) {
      if (some_lot_without)
        add("notice-date-missing", t_.id.pos,
            "sans « notice_date », l'obligation de considération sociale (loi Climat et résilience) ne peut être évaluée",
            "ajoutez la date d'envoi de l'avis : « notice_date: 2026-09-15 »");
      return;
    }
    Date notice = t_.notice_date->value;
    if (notice < obligation->effective) return;
    const rules::EuThresholds* th = rules_.thresholds_on(notice);
    if (th == nullptr) {
      if (!some_lot_without) return;
      add("thresholds-unknown", t_.notice_date->pos,
          fmt::format("aucun seuil européen connu au {} : l'obligation sociale n'est pas évaluée",
                      text::format_date_long(notice)),
          "ajoutez la période de seuils avec --rules (table eu_thresholds)");
      return;
    }
    double threshold = applicable_threshold(t_, *th);
    EstimatedValue value = estimated_value(t_);
    if (value.total < threshold) {
      if (!value.complete && some_lot_without)
        add("climate-value-incomplete", t_.lots_pos,
            fmt::format("valeur estimée de {} HT sous le seuil de {} HT, mais un lot n'a pas de montant : "
                        "l'obligation de la loi Climat et résilience peut s'appliquer",
                        text::format_euros(value.total, 0), text::format_euros(threshold, 0)),
            "indiquez « amount » (ou « framework: max ») pour chaque lot");
      return;
    }
    std::string context = fmt::format("avis du {}, valeur estimée {} HT, au moins le seuil européen de {} HT ({})",
                                      text::format_date_long(notice), text::format_euros(value.total, 0),
                                      text::format_euros(threshold, 0), reference(obligation->reference));
    for (const Lot& lot : t_.lots) {
      climate_notes(lot, obligation->reference);
      if (clause_set(lot) || lot.derogation) continue;
      const hours::LotResult* r = computed(lot);
      if (lot.has_clause() && r != nullptr)
        add("climate-social-consideration", lot.clause.pos,
            fmt::format("lot {} : sa clause n'est pas mise en œuvre ({}, {}) et il n'a pas de dérogation ; {}",
                        quoted(lot.id.value), hours::french_label(r->status),
                        r->status == hours::Status::below_minimum
                            ? fmt::format("{} pour un minimum de {}", text::format_hours(r->hours),
                                          text::format_hours(r->params.minimum_hours.value))
                            : std::string("le personnel repris absorbe toute la main-d'œuvre"),
                        context),
            "augmentez le taux ou baissez « minimum_hours », ou justifiez la dérogation : « derogation: \"motif\" »");
      else
        add("climate-social-consideration", lot.clause.pos,
            fmt::format("lot {} sans considération sociale ni dérogation : {}", quoted(lot.id.value), context),
            "donnez une clause au lot, ou justifiez la dérogation : « derogation: \"motif\" »");
    }
  }

  // What the obligation accepts, said rather than passed over: a reserved lot or an integration-object
  // lot meets it by its nature; a derogation should name the case of the article it relies on.
  void climate_notes(const Lot& lot, const std::string& reference_id) {
    Clause c = lot.clause.value;
    if (clause_set(lot) && c != Clause::execution) {
      add("climate-reserved-lot", lot.clause.pos,
          fmt::format("lot {} ({}) : la considération sociale exigée par {} tient à la nature du marché ; le CCAP "
                      "rédigé par clausier draft en fait aussi une condition d'exécution (heures d'insertion{})",
                      quoted(lot.id.value), name(c), reference(reference_id),
                      c == Clause::integration_object ? "" : ", maintien de la proportion de 50 % de l'article R. 2113-7"),
          "rien à corriger ; si le CCAP est rédigé à la main, vérifiez qu'il le dit");
    } else if (!clause_set(lot) && lot.derogation && !lot.derogation_ground) {
      std::vector<std::string> grounds;
      for (const auto& g : rules_.derogation_grounds()) grounds.push_back(g.id);
      add("climate-derogation-ground", lot.derogation->pos,
          fmt::format("lot {} : la dérogation ne nomme pas le cas de {} sur lequel elle repose ; cas prévus : {}",
                      quoted(lot.id.value), reference(reference_id), join(grounds, ", ")),
          "écrivez « derogation: { ground: …, reason: \"…\" } » : le dossier de consultation doit justifier le cas");
    }
  }

  std::string reference(const std::string& id) const {
    const rules::LegalReference* ref = rules_.legal_reference(id);
    return ref != nullptr ? ref->short_name : id;
  }

  const Tender& t_;
  const Resolution& res_;
  const rules::RuleSet& rules_;
  const hours::TenderResult* hours_;
  Diagnostics& out_;
};

}  // namespace

std::span<const RuleInfo> rule_catalogue() { return catalogue; }

EstimatedValue estimated_value(const Tender& t) {
  EstimatedValue v;
  for (const Lot& lot : t.lots) {
    if (!lot.tranches.empty()) {
      v.total += lot.tranches_amount();
    } else if (lot.framework && lot.framework->max) {
      v.total += lot.framework->max->value;
    } else if (lot.amount) {
      v.total += lot.amount->value;
    } else {
      v.complete = false;
    }
  }
  return v;
}

double applicable_threshold(const Tender& t, const rules::EuThresholds& th) {
  if (t.nature.value == Nature::works) return th.works;
  switch (t.buyer.kind.value) {
    case BuyerKind::central: return th.supplies_services_central;
    case BuyerKind::network: return th.supplies_services_network;
    case BuyerKind::local: return th.supplies_services_local;
  }
  return th.supplies_services_local;
}

bool climate_obligation_applies(const Tender& t, const rules::RuleSet& rules) {
  const rules::Obligation* o = rules.obligation("climate-resilience-social");
  if (o == nullptr || !t.notice_date || t.notice_date->value < o->effective) return false;
  const rules::EuThresholds* th = rules.thresholds_on(t.notice_date->value);
  return th != nullptr && estimated_value(t).total >= applicable_threshold(t, *th);
}

Diagnostics check_tender(const Tender& t, const Resolution& resolution, const rules::RuleSet& rules,
                         const hours::TenderResult* hours) {
  Diagnostics out;
  Checker(t, resolution, rules, hours, out).run();
  return out;
}

}  // namespace clausier::check
