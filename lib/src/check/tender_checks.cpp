#include "clausier/check/tender_checks.hpp"

#include <fmt/format.h>

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
    {"encoding", Severity::error, Category::input, "le fichier n'est pas encodé en UTF-8"},
    {"trade-unknown", Severity::error, Category::input, "un corps d'état absent des tables de règles"},
    {"parameter-missing", Severity::error, Category::input, "un paramètre de calcul introuvable (taux, coût horaire, part de main-d'œuvre)"},
    {"override-lot", Severity::error, Category::input, "--set vise un lot qui n'existe pas (clausier hours)"},
    {"siret-luhn", Severity::error, Category::finding, "un SIRET dont la clé de contrôle est fausse"},
    {"cpv-check-digit", Severity::error, Category::finding, "un code CPV dont le chiffre de contrôle ne correspond pas à la nomenclature"},
    {"cpv-unknown", Severity::note, Category::finding, "un code CPV absent de l'extrait de nomenclature livré"},
    {"anru-rate", Severity::error, Category::finding, "un taux d'insertion sous le minimum du programme ANRU"},
    {"anru-rate-unchecked", Severity::note, Category::finding, "un lot ANRU dont le taux ne peut être vérifié (heures fixées)"},
    {"facilitator-contact", Severity::error, Category::finding, "les coordonnées du facilitateur manquent (CCAG 2021)"},
    {"climate-social-consideration", Severity::error, Category::finding,
     "loi Climat et résilience : un lot sans considération sociale ni dérogation"},
    {"climate-value-incomplete", Severity::warning, Category::finding,
     "loi Climat et résilience : la valeur estimée ne compte pas tous les lots"},
    {"notice-date-missing", Severity::warning, Category::finding, "sans date d'avis, l'obligation sociale ne peut être évaluée"},
    {"thresholds-unknown", Severity::warning, Category::finding, "aucun seuil européen connu à la date de l'avis"},
    {"derogation-unused", Severity::warning, Category::finding, "une dérogation sur un lot qui a une clause"},
    {"labour-share-unverified", Severity::warning, Category::finding, "une part de main-d'œuvre non vérifiée dans sa source"},
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

  void anru() {
    if (!t_.programme) return;
    const rules::Programme* p = rules_.programme(name(t_.programme->value));
    if (p == nullptr) return;
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
      if (r.rate->value + 1e-12 >= p->minimum_rate) continue;
      Position pos = r.rate->pos.line > 0 ? r.rate->pos : lot.pos;
      add("anru-rate", pos,
          fmt::format("lot {} : taux d'insertion {} inférieur au minimum de {} du programme {} ({})",
                      quoted(lot.id.value), percent(r.rate->value), percent(p->minimum_rate), quoted(p->id), p->charter),
          fmt::format("portez le taux du lot à {} au moins", p->minimum_rate));
    }
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
