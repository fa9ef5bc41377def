#include "clausier/tender/resolve.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "clausier/core/text.hpp"
#include "clausier/io/values.hpp"

namespace clausier::tender {

std::string_view name(Source s) {
  switch (s) {
    case Source::lot: return "lot";
    case Source::method_default: return "method-default";
    case Source::tender_parameters: return "parameters";
    case Source::rule_table: return "rule-table";
    case Source::user_rules: return "user-rules";
    case Source::override_value: return "override";
    case Source::builtin_default: return "default";
  }
  return "";
}

namespace {

constexpr std::string_view overridable[] = {"hourly_cost", "rate",          "labour_share", "percent",
                                            "rounding",    "rounding_step", "minimum_hours"};

std::optional<Param<double>> from_field(const Field<double>& f, Source s) {
  if (!f) return std::nullopt;
  return Param<double>{f->value, s, f->pos, {}};
}

Param<double> from_rule(double value, const rules::Origin& o) {
  return {value, o.builtin ? Source::rule_table : Source::user_rules, {},
          o.builtin ? o.source : fmt::format("{} ({})", o.file, o.source), o.verified};
}

// A method's own default (cleaning-pact's 20 €/h, 80 %, 150 h): the detail names the method.
Param<double> from_method(double value, const rules::MethodDefaults& d) {
  Param<double> p = from_rule(value, d.origin);
  if (d.origin.builtin) p.source = Source::method_default;
  p.detail = d.origin.builtin ? fmt::format("{}, selon {}", d.method, d.origin.source)
                              : fmt::format("{} : {}", d.method, p.detail);
  return p;
}

class Resolver {
 public:
  Resolver(const Tender& t, const rules::RuleSet& rules, const std::vector<Override>& overrides, Diagnostics& out)
      : t_(t), rules_(rules), overrides_(overrides), out_(out) {}

  ResolvedLot lot(const Lot& lot) {
    ResolvedLot r;
    r.lot = &lot;
    const rules::MethodDefaults* defaults = rules_.method_defaults(name(lot.method.value));
    Method m = lot.method.value;
    bool computes = lot.has_clause();
    bool uses_money = computes && (m == Method::labour_cost || m == Method::percent_of_hours || m == Method::cleaning_pact);

    if (uses_money) {
      r.hourly_cost = first(from_field(lot.params.hourly_cost, Source::lot),
                            defaults && defaults->hourly_cost ? std::optional(from_method(*defaults->hourly_cost, *defaults))
                                                               : std::nullopt,
                            from_field(t_.parameters.hourly_cost, Source::tender_parameters));
      r.labour_share = labour_share(lot, defaults);
      // percent-of-hours estimates with `percent` in place of `rate` (formats.md section 2).
      std::string_view rate_key = m == Method::percent_of_hours ? "percent" : "rate";
      r.rate = m == Method::percent_of_hours
                   ? first(from_field(lot.params.percent, Source::lot), std::nullopt,
                           from_field(t_.parameters.percent, Source::tender_parameters))
                   : first(from_field(lot.params.rate, Source::lot), std::nullopt,
                           from_field(t_.parameters.rate, Source::tender_parameters));
      apply_overrides(lot, r, "hourly_cost", r.hourly_cost);
      apply_overrides(lot, r, "labour_share", r.labour_share);
      apply_overrides(lot, r, rate_key, r.rate);
      require(lot, r.hourly_cost, "hourly_cost", "le coût horaire moyen chargé en €/h, par exemple 30");
      require(lot, r.rate, rate_key, "la part des heures réservée à l'insertion, par exemple 0.05");
      if (!r.labour_share && !trade_unknown_) require(lot, r.labour_share, "labour_share", "la part de main-d'œuvre, par exemple 0.50");
    }

    r.rounding = {Rounding::nearest, Source::builtin_default, {}, {}};
    if (lot.params.rounding) r.rounding = {lot.params.rounding->value, Source::lot, lot.params.rounding->pos, {}};
    else if (t_.parameters.rounding)
      r.rounding = {t_.parameters.rounding->value, Source::tender_parameters, t_.parameters.rounding->pos, {}};
    r.rounding_step = first(from_field(lot.params.rounding_step, Source::lot), std::nullopt,
                            from_field(t_.parameters.rounding_step, Source::tender_parameters))
                          .value_or(Param<double>{1, Source::builtin_default, {}, {}});
    r.minimum_hours = first(from_field(lot.params.minimum_hours, Source::lot),
                            defaults && defaults->minimum_hours
                                ? std::optional(from_method(*defaults->minimum_hours, *defaults))
                                : std::nullopt,
                            from_field(t_.parameters.minimum_hours, Source::tender_parameters))
                          .value_or(Param<double>{0, Source::builtin_default, {}, {}});
    std::optional<Param<double>> step = r.rounding_step, minimum = r.minimum_hours;
    apply_overrides(lot, r, "rounding_step", step);
    apply_overrides(lot, r, "minimum_hours", minimum);
    r.rounding_step = *step;
    r.minimum_hours = *minimum;
    apply_rounding_override(lot, r);
    return r;
  }

 private:
  static std::optional<Param<double>> first(std::optional<Param<double>> a, std::optional<Param<double>> b,
                                            std::optional<Param<double>> c) {
    if (a) return a;
    if (b) return b;
    return c;
  }

  std::optional<Param<double>> labour_share(const Lot& lot, const rules::MethodDefaults* defaults) {
    trade_unknown_ = false;
    if (lot.params.labour_share) return from_field(lot.params.labour_share, Source::lot);
    // A method with its own share (cleaning-pact's 80 %, the branch's fixed C = 25) keeps it whatever the trade.
    if (defaults && defaults->labour_share) return from_method(*defaults->labour_share, *defaults);
    if (lot.trade) {
      if (const rules::LabourShare* row = rules_.labour_share(lot.trade->value)) {
        Param<double> p = from_rule(row->share, row->origin);
        p.pos = lot.trade->pos;
        p.detail = fmt::format("{} : {}", row->label, p.detail);
        return p;
      }
      trade_unknown_ = true;
      std::string suggestion = closest_match(lot.trade->value, rules_.trades());
      out_.push_back({"trade-unknown", Severity::error, Category::input, t_.path, lot.trade->pos,
                      fmt::format("corps d'état {} inconnu des tables de règles ; connus : {}", quoted(lot.trade->value),
                                  join(rules_.trades(), ", ")),
                      suggestion.empty()
                          ? "indiquez « labour_share » dans le lot, ou ajoutez le corps d'état avec --rules FICHIER"
                          : fmt::format("vouliez-vous dire {} ? Sinon indiquez « labour_share » dans le lot", quoted(suggestion))});
      return std::nullopt;
    }
    return from_field(t_.parameters.labour_share, Source::tender_parameters);
  }

  void require(const Lot& lot, const std::optional<Param<double>>& p, std::string_view key, std::string_view what) {
    if (p || lot.params.had_errors || t_.parameters.had_errors) return;
    out_.push_back({"parameter-missing", Severity::error, Category::input, t_.path, lot.pos,
                    fmt::format("le lot {} (méthode {}) n'a pas de {} : ni dans le lot, ni dans « parameters »",
                                quoted(lot.id.value), name(lot.method.value), quoted(key)),
                    fmt::format("ajoutez « {}: … » ({}) au lot ou à « parameters »", key, what)});
  }

  // The overrides of `key` that apply to the lot: those for every lot first, then the lot's own, so
  // `lot.2.rate=…` wins over `rate=…` whatever their order on the command line.
  std::vector<const Override*> applying(const Lot& lot, std::string_view key) const {
    std::vector<const Override*> out;
    for (const Override& o : overrides_)
      if (o.key == key && o.lot.empty()) out.push_back(&o);
    for (const Override& o : overrides_)
      if (o.key == key && o.lot == lot.id.value) out.push_back(&o);
    return out;
  }

  static void mark(ResolvedLot& r, std::string_view key) {
    if (std::find(r.overridden.begin(), r.overridden.end(), key) == r.overridden.end()) r.overridden.emplace_back(key);
  }

  void apply_overrides(const Lot& lot, ResolvedLot& r, std::string_view key, std::optional<Param<double>>& p) {
    for (const Override* o : applying(lot, key)) {
      std::optional<double> v = io::parse_number(o->value);
      if (!v) v = io::parse_percent(o->value);
      p = Param<double>{*v, Source::override_value, {}, o->text};
      mark(r, key);
    }
  }

  void apply_rounding_override(const Lot& lot, ResolvedLot& r) {
    for (const Override* o : applying(lot, "rounding")) {
      Rounding v = o->value == "up" ? Rounding::up : o->value == "down" ? Rounding::down : Rounding::nearest;
      r.rounding = {v, Source::override_value, {}, o->text};
      mark(r, "rounding");
    }
  }

  const Tender& t_;
  const rules::RuleSet& rules_;
  const std::vector<Override>& overrides_;
  Diagnostics& out_;
  bool trade_unknown_ = false;
};

// An override's value must make sense for its key before any lot uses it.
bool valid_override_value(const Override& o, std::string& error) {
  if (o.key == "rounding") {
    if (o.value == "nearest" || o.value == "up" || o.value == "down") return true;
    error = fmt::format("{} : rounding vaut nearest, up ou down", o.text);
    return false;
  }
  bool fraction = o.key == "rate" || o.key == "labour_share" || o.key == "percent";
  std::optional<double> v = io::parse_number(o.value);
  if (!v && fraction) v = io::parse_percent(o.value);
  if (!v) {
    error = fmt::format("{} : {} n'est pas un nombre", o.text, quoted(o.value));
    return false;
  }
  bool ok = fraction ? (*v > 0 && *v <= 1) : o.key == "minimum_hours" ? *v >= 0 : *v > 0;
  if (!ok) {
    error = fraction ? fmt::format("{} : une fraction entre 0 (exclu) et 1 est attendue (0.05 ou 5%)", o.text)
                     : fmt::format("{} : valeur hors limites", o.text);
    return false;
  }
  return true;
}

// A derogation's ground names a row of the derogation_grounds table.
void check_derogation_ground(const Tender& t, const Lot& lot, const rules::RuleSet& rules, Diagnostics& out) {
  if (!lot.derogation_ground || rules.derogation_ground(lot.derogation_ground->value) != nullptr) return;
  std::vector<std::string> known;
  for (const auto& g : rules.derogation_grounds()) known.push_back(g.id);
  std::string suggestion = closest_match(lot.derogation_ground->value, known);
  out.push_back({"derogation-ground-unknown", Severity::error, Category::input, t.path, lot.derogation_ground->pos,
                 fmt::format("cas de dérogation {} inconnu ; cas prévus : {}", quoted(lot.derogation_ground->value),
                             join(known, ", ")),
                 suggestion.empty() ? std::string("choisissez l'un des cas prévus par l'article L. 2112-2-1")
                                    : fmt::format("vouliez-vous dire {} ?", quoted(suggestion))});
}

}  // namespace

std::optional<Override> parse_override(std::string_view text, std::string& error) {
  Override o;
  o.text = std::string(text);
  auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    error = fmt::format("{} : la forme attendue est clé=valeur ou lot.ID.clé=valeur, par exemple rate=0.07", quoted(text));
    return std::nullopt;
  }
  std::string_view key = text.substr(0, eq);
  o.value = std::string(text.substr(eq + 1));
  if (key.rfind("lot.", 0) == 0) {
    auto dot = key.rfind('.');
    if (dot <= 4) {
      error = fmt::format("{} : la forme attendue est lot.ID.clé=valeur, par exemple lot.2.labour_share=0.6", quoted(text));
      return std::nullopt;
    }
    o.lot = std::string(key.substr(4, dot - 4));
    key = key.substr(dot + 1);
  }
  o.key = std::string(key);
  if (o.key != "rounding") std::replace(o.value.begin(), o.value.end(), ',', '.');  // French users type 0,07
  if (std::find(std::begin(overridable), std::end(overridable), o.key) == std::end(overridable)) {
    std::vector<std::string> keys(std::begin(overridable), std::end(overridable));
    error = fmt::format("{} : clé {} inconnue ; clés modifiables : {}", quoted(text), quoted(o.key), join(keys, ", "));
    return std::nullopt;
  }
  if (!valid_override_value(o, error)) return std::nullopt;
  return o;
}

Resolution resolve(const Tender& t, const rules::RuleSet& rules, const std::vector<Override>& overrides) {
  Resolution res;
  for (const Override& o : overrides) {
    if (!o.lot.empty() && t.find_lot(o.lot) == nullptr)
      res.diagnostics.push_back({"override-lot", Severity::error, Category::input, t.path, {},
                                 fmt::format("--set {} : la consultation {} n'a pas de lot {}", o.text,
                                             quoted(t.id.value), quoted(o.lot)),
                                 "vérifiez l'identifiant du lot"});
  }
  Resolver resolver(t, rules, overrides, res.diagnostics);
  for (const Lot& lot : t.lots) res.lots.push_back(resolver.lot(lot));
  for (const Lot& lot : t.lots) check_derogation_ground(t, lot, rules, res.diagnostics);
  sort_diagnostics(res.diagnostics);
  return res;
}

}  // namespace clausier::tender
