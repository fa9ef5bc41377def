#include "clausier/track/pooling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "clausier/core/text.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/hours/target.hpp"
#include "clausier/io/files.hpp"
#include "clausier/io/yaml.hpp"

namespace clausier::track {

namespace {

constexpr std::string_view format_v1 = "clausier/pooling/1";

// In the order of docs/track.md (section « Les conventions de globalisation »).
constexpr RuleInfo catalogue[] = {
    {"pooling-unknown-lot", Severity::error, Category::input,
     "une convention de globalisation nomme une opération ou un lot que le portefeuille ne contient pas"},
    {"pooling-lot-twice", Severity::error, Category::input, "un lot dans deux conventions de globalisation (ou deux fois dans une)"},
    {"pooling-contractor", Severity::error, Category::input,
     "un lot d'une convention de globalisation n'est pas tenu par le titulaire de la convention"},
    {"portfolio-folder-ignored", Severity::note, Category::finding,
     "un sous-dossier d'un portefeuille sans tender.yaml : ce n'est pas une opération, il n'est pas lu"},
    {"reminder-no-address", Severity::note, Category::finding,
     "un titulaire à qui des rappels sont dus n'a pas d'adresse (award.contractor.email) : aucun message ne lui est écrit"},
};

const RuleInfo& rule(std::string_view id) { return catalogued(catalogue, id); }

class Loader {
 public:
  Loader(const std::string& path, Diagnostics& out) : r_(path, out) {}

  Pooling read(const yaml::Node& root) {
    Pooling p;
    p.path = r_.path();
    if (!r_.expect_kind(root, yaml::Kind::map, "le fichier des conventions")) return p;
    io::MapReader m(r_, root, "le fichier");
    if (auto n = m.require("format", std::string(format_v1))) r_.format_version(*n, format_v1);
    if (auto n = m.require("agreements", "la liste des conventions (id, contractor, signed, lots)");
        n && r_.expect_kind(*n, yaml::Kind::sequence, "agreements")) {
      if (n->items.empty())
        r_.error("schema-range", n->pos, "« agreements » est vide : au moins une convention attendue",
                 "ajoutez une convention, ou retirez le fichier pooling.yaml");
      for (const yaml::Node& a : n->items) read_agreement(a, p);
    }
    m.finish();
    return p;
  }

 private:
  void read_agreement(const yaml::Node& n, Pooling& p) {
    if (!r_.expect_kind(n, yaml::Kind::map, "une convention")) return;
    Agreement a;
    a.pos = n.pos;
    io::MapReader m(r_, n, "une convention");
    if (auto v = m.require("id", "l'identifiant de la convention, par exemple GLOB-2027-01"))
      if (auto s = r_.identifier(*v, "id")) a.id = {*s, v->pos};
    if (auto c = m.require("contractor", "le titulaire (name, siret)"); c && r_.expect_kind(*c, yaml::Kind::map, "contractor")) {
      io::MapReader cm(r_, *c, "contractor");
      if (auto v = cm.require("name", "la raison sociale du titulaire"))
        if (auto s = r_.string(*v, "name")) a.contractor = *s;
      if (auto v = cm.get("siret")) read_siret(*v, a);
      cm.finish();
    }
    if (auto v = m.require("signed", "la date de signature, par exemple 2027-01-15"))
      if (auto d = r_.date(*v, "signed")) a.signed_on = {*d, v->pos};
    if (auto v = m.require("lots", "la liste des lots, OPERATION/LOT"); v && r_.expect_kind(*v, yaml::Kind::sequence, "lots")) {
      if (v->items.size() < 2)
        r_.error("schema-range", v->pos, "« lots » : une convention réunit au moins deux lots",
                 "nommez chaque lot de la convention sous la forme OPERATION/LOT, par exemple CARC-2026-014/1");
      for (const yaml::Node& l : v->items) read_lot(l, a);
    }
    m.finish();
    p.agreements.push_back(std::move(a));
  }

  void read_siret(const yaml::Node& v, Agreement& a) {
    auto s = r_.string(v, "siret");
    if (!s) return;
    std::string digits;
    for (char c : *s)
      if (c != ' ') digits += c;
    if (digits.size() != 14 || digits.find_first_not_of("0123456789") != std::string::npos) {
      r_.error("schema-format", v.pos, fmt::format("« siret » doit compter 14 chiffres : {} ne convient pas", quoted(*s)),
               "écrivez le SIRET entre guillemets, par exemple \"48215093500021\"");
      return;
    }
    a.siret = io::Located<std::string>{digits, v.pos};
  }

  void read_lot(const yaml::Node& n, Agreement& a) {
    auto s = r_.string(n, "lots");
    if (!s) return;
    auto slash = s->find('/');
    std::string_view op = std::string_view(*s).substr(0, slash);
    std::string_view lot = slash == std::string::npos ? std::string_view{} : std::string_view(*s).substr(slash + 1);
    if (slash == std::string::npos || !io::is_identifier(op) || !io::is_identifier(lot)) {
      r_.error("schema-format", n.pos, fmt::format("lot de convention {} : OPERATION/LOT attendu", quoted(*s)),
               "l'identifiant de l'opération (id de son tender.yaml), une barre oblique, l'identifiant du lot : "
               "CARC-2026-014/1");
      return;
    }
    a.lots.push_back({n.pos, std::string(op), std::string(lot)});
  }

  io::Reader r_;
};

double round6(double v) { return hours::round6(v); }

// A contractor is the agreement's when both SIRETs are written and equal, or else when the names are.
bool held_by(const tender::Lot& lot, const Agreement& a) {
  if (!lot.award || !lot.award->contractor) return false;
  const tender::Contractor& c = *lot.award->contractor;
  if (a.siret && c.siret) return a.siret->value == c.siret->value;
  return c.name == a.contractor;
}

}  // namespace

PoolingFile parse_pooling(std::string_view text, const std::string& path) {
  PoolingFile file;
  yaml::Document doc = yaml::parse(text, path);
  file.diagnostics = std::move(doc.diagnostics);
  if (!doc.root) {
    if (file.diagnostics.empty())
      file.diagnostics.push_back({"schema-required", Severity::error, Category::input, path, {},
                                  "le fichier est vide : des conventions de globalisation attendues",
                                  "commencez par « format: clausier/pooling/1 », puis agreements"});
    return file;
  }
  Loader loader(path, file.diagnostics);
  Pooling p = loader.read(*doc.root);
  sort_diagnostics(file.diagnostics);
  if (file.diagnostics.empty()) file.pooling = std::move(p);
  return file;
}

PoolingFile load_pooling(const std::string& path) {
  io::ReadResult read = io::read_file(path);
  if (!read.text) {
    PoolingFile file;
    file.diagnostics.push_back(std::move(read.error));
    return file;
  }
  return parse_pooling(*read.text, path);
}

Diagnostics check_pooling(const Pooling& pooling, std::span<const tender::Tender* const> tenders) {
  Diagnostics out;
  std::map<std::string, std::string> holder;  // OPERATION/LOT -> the agreement that pools it
  for (const Agreement& a : pooling.agreements) {
    for (const PooledLot& l : a.lots) {
      auto t = std::find_if(tenders.begin(), tenders.end(), [&](const tender::Tender* x) { return x->id.value == l.operation; });
      const tender::Lot* lot = t == tenders.end() ? nullptr : (*t)->find_lot(l.lot);
      if (lot == nullptr) {
        out.push_back(make_diagnostic(
            rule("pooling-unknown-lot"), pooling.path, l.pos,
            t == tenders.end()
                ? fmt::format("convention {} : aucune opération du portefeuille n'a l'identifiant {}", a.id.value,
                              quoted(l.operation))
                : fmt::format("convention {} : l'opération {} n'a pas de lot {}", a.id.value, l.operation, quoted(l.lot)),
            "nommez le lot par l'id du tender.yaml de son opération et l'id du lot : OPERATION/LOT"));
        continue;
      }
      auto [it, inserted] = holder.emplace(l.text(), a.id.value);
      if (!inserted) {
        out.push_back(make_diagnostic(
            rule("pooling-lot-twice"), pooling.path, l.pos,
            it->second == a.id.value ? fmt::format("convention {} : le lot {} est nommé deux fois", a.id.value, l.text())
                                     : fmt::format("le lot {} est déjà dans la convention {} : un lot n'est globalisé "
                                                   "qu'une fois", l.text(), it->second),
            "un lot ne relève que d'une convention : retirez-le de l'une des deux"));
        continue;
      }
      if (!held_by(*lot, a)) {
        std::string holder_name =
            lot->award && lot->award->contractor ? quoted(lot->award->contractor->name) : std::string("aucun titulaire (lot non attribué)");
        out.push_back(make_diagnostic(
            rule("pooling-contractor"), pooling.path, l.pos,
            fmt::format("convention {} : le lot {} est tenu par {}, pas par {}", a.id.value, l.text(), holder_name,
                        quoted(a.contractor)),
            "une convention ne réunit que des lots de son titulaire : même SIRET dans award.contractor des deux "
            "fichiers, ou à défaut la même raison sociale"));
      }
    }
  }
  sort_diagnostics(out);
  return out;
}

std::span<const RuleInfo> pooling_rule_catalogue() { return catalogue; }

AgreementTracking track_agreement(const Agreement& agreement, std::span<const PooledLotTracking> lots, io::Date as_of) {
  AgreementTracking out;
  out.agreement = &agreement;
  out.in_force = agreement.signed_on.value <= as_of;
  double tolerance = 1;
  bool all_ended = true, any_started = false;
  for (const PooledLotTracking& p : lots) {
    const LotTracking& l = *p.lot;
    out.target_hours += l.target_hours;
    out.counted_hours += l.counted_hours;
    out.expected_hours += l.expected_hours;
    const tender::Tender& t = *p.tender;
    tolerance = std::min(tolerance, t.counting && t.counting->tolerance ? t.counting->tolerance->value : 0.0);
    all_ended = all_ended && l.end && as_of >= *l.end;
    any_started = any_started || (l.tracked && l.status != LotStatus::not_started);
    out.lots.push_back({p.operation, l.lot->lot->id.value, l.target_hours, l.counted_hours, l.missing_hours, l.penalty_exposure});
  }
  out.target_hours = round6(out.target_hours);
  out.counted_hours = round6(out.counted_hours);
  out.expected_hours = round6(out.expected_hours);
  if (!out.in_force) {
    for (const auto& s : out.lots) {
      out.missing_hours += s.missing_hours;
      out.penalty_exposure += s.penalty_exposure;
    }
    for (const PooledLotTracking& p : lots) out.over_hours += p.lot->over_hours;
    out.missing_hours = round6(out.missing_hours);
    out.over_hours = round6(out.over_hours);
    out.penalty_exposure = round6(out.penalty_exposure);
    return out;
  }
  out.missing_hours = round6(std::max(0.0, out.target_hours - out.counted_hours));
  out.over_hours = round6(std::max(0.0, out.counted_hours - out.target_hours));
  for (std::size_t i = 0; i < lots.size(); ++i) {
    AgreementTracking::Share& s = out.lots[i];
    const tender::Tender& t = *lots[i].tender;
    s.missing_hours = out.target_hours > 0 ? round6(out.missing_hours * s.target_hours / out.target_hours) : 0;
    s.penalty_exposure = 0;
    if (t.penalties && t.penalties->per_missing_hour) {
      double exposure = s.missing_hours * t.penalties->per_missing_hour->value;
      std::optional<double> amount = hours::target_at(*lots[i].lot->lot, as_of).amount;
      if (t.penalties->cap_share && amount) exposure = std::min(exposure, t.penalties->cap_share->value * *amount);
      s.penalty_exposure = round6(exposure);
    }
    out.penalty_exposure += s.penalty_exposure;
  }
  out.penalty_exposure = round6(out.penalty_exposure);
  // The lots' own rule, on the sums: once every lot has ended there is nothing left to catch up.
  if (out.target_hours > 0 && out.counted_hours >= out.target_hours) out.status = LotStatus::complete;
  else if (!any_started) out.status = LotStatus::not_started;
  else if (out.counted_hours < out.expected_hours * (all_ended ? 1 : 1 - tolerance)) out.status = LotStatus::behind;
  else out.status = LotStatus::on_track;
  return out;
}

}  // namespace clausier::track
