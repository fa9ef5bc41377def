#pragma once
// Reference values with their sources: dated, versioned tables (formats.md section 3).
// Built-in tables come from lib/rules/; `--rules FILE` adds rows or overrides rows with the same key.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/io/values.hpp"

namespace clausier::rules {

using io::Date;

// Where a row comes from: every figure a tool prints can name it.
struct Origin {
  std::string file;         // "labour-shares.yaml" (built-in) or the user's path
  bool builtin = true;
  Position pos;
  std::string source;       // the publication the value comes from
  std::string url;
  bool verified = false;
};

struct LabourShare {
  std::string trade, label;
  double share = 0;
  Origin origin;
};
struct HourlyCost {
  std::string id, label, scope;
  double value = 0;
  int year = 0;
  Origin origin;
};
struct EuThresholds {
  Date from, to;
  double works = 0, supplies_services_central = 0, supplies_services_local = 0, supplies_services_network = 0;
  Origin origin;
};
struct LegalReference {
  std::string id, citation, short_name, subject;
  bool current = true;
  std::vector<std::string> clauses;      // clause types it is the basis of ("execution", "award-criterion", ...)
  std::vector<std::string> replaced_by;  // for obsolete references: ids of the current ones
  Origin origin;
};
struct EligibilityCriterion {
  std::string code, label;
  std::string definition;    // the public as a CCAP defines it; empty: the label says it
  bool note_required = false;
  bool city_policy = false;  // a public of city-policy (and ANRU) operations only: drafts list it for them alone
  Origin origin;
};
struct Outcome {
  std::string situation, category, label;  // category: durable | transition | positive | neutral | other
  Origin origin;
};
// A case in which the buyer may leave out a consideration a code article makes compulsory (the
// social consideration of L. 2112-2-1): a tender lot names it in `derogation: { ground, reason }`.
struct DerogationGround {
  std::string id, label, reference;  // label: the case, in the article's words; reference: its legal reference id
  Origin origin;
};
struct Programme {
  std::string id, label, charter;
  std::string scope;  // what the minimum rate applies to, in French ("l'ensemble des opérations financées…")
  double minimum_rate = 0;
  Origin origin;
};
// A national target a buyer's figures are compared with: the PNAD's share of the contracts notified in
// the year that include a social consideration (id pnad-social).
struct NationalTarget {
  std::string id, label;
  double share = 0;  // a fraction: 0.30
  Origin origin;
};
struct MethodDefaults {
  std::string method;
  std::optional<double> hourly_cost, labour_share, minimum_hours;
  Origin origin;
};
struct CpvCode {
  std::string code, label;  // "45210000-2"
  std::string digits;       // "45210000": the key, so a user row can correct a check digit
  Origin origin;
};
struct Obligation {
  std::string id, label, reference;
  Date effective;
  Origin origin;
};

class RuleSet {
 public:
  // The built-in tables. They are checked by the tests, so a failure here is a build defect.
  static const RuleSet& builtin();

  // Adds the rows of a user rule file (same format as lib/rules/*.yaml); rows with an existing key
  // replace the built-in ones. Problems are reported as input diagnostics naming `path`.
  Diagnostics add_file(const std::string& path, std::string_view text);

  const LabourShare* labour_share(std::string_view trade) const;
  const MethodDefaults* method_defaults(std::string_view method) const;
  const Programme* programme(std::string_view id) const;
  const NationalTarget* national_target(std::string_view id) const;
  const LegalReference* legal_reference(std::string_view id) const;
  const Obligation* obligation(std::string_view id) const;
  const EligibilityCriterion* criterion(std::string_view code) const;
  const Outcome* outcome(std::string_view situation) const;
  const DerogationGround* derogation_ground(std::string_view id) const;
  // The code of the nomenclature extract with these 8 digits, whatever its check digit.
  const CpvCode* cpv(std::string_view eight_digits) const;
  // The thresholds in force on `day`, if any period covers it.
  const EuThresholds* thresholds_on(Date day) const;

  const std::vector<LabourShare>& labour_shares() const;
  const std::vector<HourlyCost>& hourly_costs() const;
  const std::vector<EuThresholds>& eu_thresholds() const;
  const std::vector<LegalReference>& legal_references() const;
  const std::vector<EligibilityCriterion>& eligibility_criteria() const;
  const std::vector<Outcome>& outcomes() const;
  const std::vector<Programme>& programmes() const;
  const std::vector<DerogationGround>& derogation_grounds() const;
  std::vector<std::string> trades() const;

  // "2026-11-22" for the built-in tables; "+user" is appended once a user file is added.
  std::string version() const;
  // SHA-256 (hex) of every rule file used, built-in then user files, in order: a figure is
  // reproducible with the same hash.
  std::string sha256() const;

  // Built-in tables are parsed on first use, which is not safe from two threads at once. A program
  // that shares one RuleSet between threads calls this first; afterwards the set is only read.
  void parse_all() const { need_all(); }
  // Built-in tables not parsed yet (0 after parse_all()).
  int unparsed_tables() const;

 private:
  friend class TableLoader;
  struct File {
    std::string name;
    std::string text;
    bool builtin = false;
    bool parsed = false;
  };
  Diagnostics parse(File& f);
  // Built-in tables are parsed on first use, file by file: a one-file `clausier hours` reads two
  // of them, not nine (start-up is most of a short call). The tables are mutable for that reason.
  void need(std::string_view file) const;
  void need_all() const;
  mutable std::vector<File> files_;
  bool has_user_files_ = false;
  mutable std::vector<LabourShare> labour_shares_;
  mutable std::vector<HourlyCost> hourly_costs_;
  mutable std::vector<EuThresholds> eu_thresholds_;
  mutable std::vector<LegalReference> legal_references_;
  mutable std::vector<EligibilityCriterion> criteria_;
  mutable std::vector<Outcome> outcomes_;
  mutable std::vector<Programme> programmes_;
  mutable std::vector<NationalTarget> national_targets_;
  mutable std::vector<MethodDefaults> method_defaults_;
  mutable std::vector<Obligation> obligations_;
  mutable std::vector<DerogationGround> derogation_grounds_;
  mutable std::vector<CpvCode> cpv_codes_;
};

}  // namespace clausier::rules
