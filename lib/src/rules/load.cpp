// Reading rule files (lib/rules/*.yaml and the user's --rules files) into a RuleSet.
#include <fmt/format.h>

#include <algorithm>

#include "clausier/core/text.hpp"
#include "clausier/io/values.hpp"
#include "clausier/io/yaml.hpp"
#include "clausier/rules/rules.hpp"

namespace clausier::rules {

using io::MapReader;
using yaml::Node;

class TableLoader {
 public:
  TableLoader(RuleSet& rules, const std::string& path, bool builtin, Diagnostics& out)
      : rules_(rules), r_(path, out), builtin_(builtin) {}

  void load(const Node& root) {
    if (!r_.expect_kind(root, yaml::Kind::map, "le fichier de règles")) return;
    MapReader m(r_, root, "le fichier de règles");
    if (auto n = m.require("format", "clausier/rules/1")) r_.format_version(*n, "clausier/rules/1");
    table(m, "labour_shares", rules_.labour_shares_, &TableLoader::labour_share, &LabourShare::trade);
    table(m, "hourly_costs", rules_.hourly_costs_, &TableLoader::hourly_cost, &HourlyCost::id);
    table(m, "eu_thresholds", rules_.eu_thresholds_, &TableLoader::thresholds, &EuThresholds::from);
    table(m, "legal_references", rules_.legal_references_, &TableLoader::legal_reference, &LegalReference::id);
    table(m, "eligibility_criteria", rules_.criteria_, &TableLoader::criterion, &EligibilityCriterion::code);
    table(m, "outcomes", rules_.outcomes_, &TableLoader::outcome, &Outcome::situation);
    table(m, "programmes", rules_.programmes_, &TableLoader::programme, &Programme::id);
    table(m, "national_targets", rules_.national_targets_, &TableLoader::national_target, &NationalTarget::id);
    table(m, "method_defaults", rules_.method_defaults_, &TableLoader::method_defaults, &MethodDefaults::method);
    table(m, "obligations", rules_.obligations_, &TableLoader::obligation, &Obligation::id);
    table(m, "derogation_grounds", rules_.derogation_grounds_, &TableLoader::derogation_ground, &DerogationGround::id);
    table(m, "cpv_codes", rules_.cpv_codes_, &TableLoader::cpv_code, &CpvCode::digits);
    m.finish();
  }

 private:
  // Reads every row of one table; a row whose key exists replaces it, others are appended.
  template <class Row, class Key>
  void table(MapReader& m, std::string_view name, std::vector<Row>& rows, bool (TableLoader::*read_row)(MapReader&, Row&),
             Key Row::*key) {
    const Node* n = m.get(name);
    if (n == nullptr || !r_.expect_kind(*n, yaml::Kind::sequence, name)) return;
    for (const Node& item : n->items) {
      if (!r_.expect_kind(item, yaml::Kind::map, name)) continue;
      MapReader rm(r_, item, fmt::format("une ligne de {}", name));
      Row row;
      bool ok = (this->*read_row)(rm, row);
      ok = origin(rm, row.origin, item.pos) && ok;
      rm.finish();
      if (!ok) continue;
      auto same = std::find_if(rows.begin(), rows.end(), [&](const Row& other) { return other.*key == row.*key; });
      if (same != rows.end()) *same = std::move(row);
      else rows.push_back(std::move(row));
    }
  }

  bool origin(MapReader& m, Origin& o, Position pos) {
    o.file = r_.path();
    o.builtin = builtin_;
    o.pos = pos;
    bool ok = text(m, "source", o.source, "la publication d'où vient la valeur");
    if (auto n = m.get("url")) {
      if (n->is_scalar()) o.url = n->value;
    }
    if (auto n = m.require("verified", "true si la valeur a été vérifiée dans sa source, sinon false")) {
      auto v = r_.boolean(*n, "verified");
      if (v) o.verified = *v;
      else ok = false;
    } else {
      ok = false;
    }
    return ok;
  }

  bool text(MapReader& m, std::string_view key, std::string& out, std::string_view expected) {
    const Node* n = m.require(key, expected);
    if (n == nullptr) return false;
    auto v = r_.string(*n, key);
    if (v) out = *v;
    return v.has_value();
  }
  bool optional_text(MapReader& m, std::string_view key, std::string& out) {
    const Node* n = m.get(key);
    if (n == nullptr) return true;
    auto v = r_.string(*n, key);
    if (v) out = *v;
    return v.has_value();
  }
  bool number(MapReader& m, std::string_view key, double& out, io::Range range, std::string_view unit = {}) {
    const Node* n = m.require(key, "un nombre");
    if (n == nullptr) return false;
    auto v = r_.number(*n, key, range, unit);
    if (v) out = *v;
    return v.has_value();
  }
  bool optional_number(MapReader& m, std::string_view key, std::optional<double>& out, io::Range range) {
    const Node* n = m.get(key);
    if (n == nullptr) return true;
    out = r_.number(*n, key, range);
    return out.has_value();
  }
  bool fraction(MapReader& m, std::string_view key, double& out) {
    const Node* n = m.require(key, "une fraction, par exemple 0.50");
    if (n == nullptr) return false;
    auto v = r_.fraction(*n, key);
    if (v) out = *v;
    return v.has_value();
  }
  bool date(MapReader& m, std::string_view key, Date& out) {
    const Node* n = m.require(key, "une date AAAA-MM-JJ");
    if (n == nullptr) return false;
    auto v = r_.date(*n, key);
    if (v) out = *v;
    return v.has_value();
  }
  bool list(MapReader& m, std::string_view key, std::vector<std::string>& out) {
    const Node* n = m.get(key);
    if (n == nullptr) return true;
    auto v = r_.strings(*n, key);
    if (v) out = *v;
    return v.has_value();
  }

  bool labour_share(MapReader& m, LabourShare& row) {
    bool ok = text(m, "trade", row.trade, "le code du corps d'état, par exemple painting");
    ok = text(m, "label", row.label, "le libellé en français") && ok;
    return fraction(m, "share", row.share) && ok;
  }
  bool hourly_cost(MapReader& m, HourlyCost& row) {
    bool ok = text(m, "id", row.id, "un identifiant");
    ok = text(m, "label", row.label, "le libellé en français") && ok;
    ok = number(m, "value", row.value, io::positive, "€/h") && ok;
    ok = optional_text(m, "scope", row.scope) && ok;
    if (const Node* n = m.require("year", "l'année de référence")) {
      auto y = r_.integer(*n, "year", 1990, 2100);
      if (y) row.year = *y;
      ok = y.has_value() && ok;
    } else {
      ok = false;
    }
    return ok;
  }
  bool thresholds(MapReader& m, EuThresholds& row) {
    bool ok = date(m, "from", row.from);
    ok = date(m, "to", row.to) && ok;
    ok = number(m, "works", row.works, io::positive, "€") && ok;
    ok = number(m, "supplies_services_central", row.supplies_services_central, io::positive, "€") && ok;
    ok = number(m, "supplies_services_local", row.supplies_services_local, io::positive, "€") && ok;
    return number(m, "supplies_services_network", row.supplies_services_network, io::positive, "€") && ok;
  }
  bool legal_reference(MapReader& m, LegalReference& row) {
    bool ok = text(m, "id", row.id, "un identifiant, par exemple ccp-l2112-2");
    ok = text(m, "citation", row.citation, "la citation complète en français") && ok;
    ok = text(m, "short", row.short_name, "la forme courte, par exemple L. 2112-2 CCP") && ok;
    ok = text(m, "subject", row.subject, "l'objet de l'article") && ok;
    std::string status;
    if (const Node* n = m.require("status", "current ou obsolete")) {
      static constexpr std::string_view allowed[] = {"current", "obsolete"};
      auto v = r_.choice_text(*n, "status", allowed);
      if (v) row.current = *v == "current";
      ok = v.has_value() && ok;
    } else {
      ok = false;
    }
    ok = list(m, "clauses", row.clauses) && ok;
    return list(m, "replaced_by", row.replaced_by) && ok;
  }
  bool criterion(MapReader& m, EligibilityCriterion& row) {
    bool ok = text(m, "code", row.code, "le code du critère, par exemple rsa");
    ok = text(m, "label", row.label, "le libellé en français") && ok;
    ok = optional_text(m, "definition", row.definition) && ok;
    ok = flag(m, "note_required", row.note_required) && ok;
    return flag(m, "city_policy", row.city_policy) && ok;
  }
  bool flag(MapReader& m, std::string_view key, bool& out) {
    const Node* n = m.get(key);
    if (n == nullptr) return true;
    auto v = r_.boolean(*n, key);
    if (v) out = *v;
    return v.has_value();
  }
  bool outcome(MapReader& m, Outcome& row) {
    bool ok = text(m, "situation", row.situation, "le code de la situation, par exemple cdi");
    ok = text(m, "label", row.label, "le libellé en français") && ok;
    if (const Node* n = m.require("category", "durable, transition, positive, neutral ou other")) {
      static constexpr std::string_view allowed[] = {"durable", "transition", "positive", "neutral", "other"};
      auto v = r_.choice_text(*n, "category", allowed);
      if (v) row.category = *v;
      ok = v.has_value() && ok;
    } else {
      ok = false;
    }
    return ok;
  }
  bool programme(MapReader& m, Programme& row) {
    bool ok = text(m, "id", row.id, "le code du programme, par exemple anru-investment");
    ok = text(m, "label", row.label, "le libellé en français") && ok;
    ok = optional_text(m, "charter", row.charter) && ok;
    ok = optional_text(m, "scope", row.scope) && ok;
    return fraction(m, "minimum_rate", row.minimum_rate) && ok;
  }
  bool national_target(MapReader& m, NationalTarget& row) {
    bool ok = text(m, "id", row.id, "l'identifiant de l'objectif, par exemple pnad-social");
    ok = text(m, "label", row.label, "le libellé en français") && ok;
    return fraction(m, "share", row.share) && ok;
  }
  bool method_defaults(MapReader& m, MethodDefaults& row) {
    bool ok = text(m, "method", row.method, "le nom de la méthode, par exemple cleaning-pact");
    ok = optional_number(m, "hourly_cost", row.hourly_cost, io::positive) && ok;
    if (const Node* n = m.get("labour_share")) {
      row.labour_share = r_.fraction(*n, "labour_share");
      ok = row.labour_share.has_value() && ok;
    }
    return optional_number(m, "minimum_hours", row.minimum_hours, io::non_negative) && ok;
  }
  bool cpv_code(MapReader& m, CpvCode& row) {
    bool ok = text(m, "code", row.code, "le code CPV complet, par exemple 45210000-2");
    if (ok && (row.code.size() != 10 || row.code[8] != '-')) {
      r_.error("schema-format", m.node().pos, fmt::format("code CPV {} : forme NNNNNNNN-N attendue", quoted(row.code)));
      ok = false;
    }
    if (ok) row.digits = row.code.substr(0, 8);
    return text(m, "label", row.label, "le libellé en français") && ok;
  }
  bool obligation(MapReader& m, Obligation& row) {
    bool ok = text(m, "id", row.id, "un identifiant");
    ok = text(m, "label", row.label, "le libellé en français") && ok;
    ok = text(m, "reference", row.reference, "l'identifiant de la référence juridique") && ok;
    return date(m, "effective", row.effective) && ok;
  }
  bool derogation_ground(MapReader& m, DerogationGround& row) {
    bool ok = text(m, "id", row.id, "un identifiant, par exemple ready-made-solution");
    ok = text(m, "label", row.label, "le cas de dérogation, dans les termes de l'article") && ok;
    return text(m, "reference", row.reference, "l'identifiant de la référence juridique") && ok;
  }

  RuleSet& rules_;
  io::Reader r_;
  bool builtin_;
};

Diagnostics RuleSet::parse(File& f) {
  f.parsed = true;
  yaml::Document doc = yaml::parse(f.text, f.name);
  Diagnostics diags = std::move(doc.diagnostics);
  if (doc.root) TableLoader(*this, f.name, f.builtin, diags).load(*doc.root);
  return diags;
}

Diagnostics RuleSet::add_file(const std::string& path, std::string_view text) {
  need_all();  // a user row replaces a built-in one: the built-in ones must be there first
  files_.push_back({path, std::string(text), false, false});
  has_user_files_ = true;
  return parse(files_.back());
}

}  // namespace clausier::rules
