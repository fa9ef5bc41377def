#include "clausier/rules/rules.hpp"

#include <openssl/evp.h>

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "clausier/core/source.hpp"
#include "clausier/rules/embedded.hpp"

namespace clausier::rules {

namespace {
template <class Row, class Key>
const Row* find_row(const std::vector<Row>& rows, Key Row::*key, std::string_view value) {
  auto it = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.*key == value; });
  return it == rows.end() ? nullptr : &*it;
}
}  // namespace

const RuleSet& RuleSet::builtin() {
  // Not const itself: its tables are filled on first use (see need()).
  static RuleSet rules = [] {
    RuleSet r;
    for (const EmbeddedFile& f : embedded_files()) r.files_.push_back({std::string(f.name), std::string(f.text), true, false});
    return r;
  }();
  return rules;
}

void RuleSet::need(std::string_view file) const {
  for (File& f : files_) {
    if (!f.builtin || f.parsed || f.name != file) continue;
    // Only built-in files are pending, and builtin() holds a non-const object: the cast is sound.
    Diagnostics diags = const_cast<RuleSet*>(this)->parse(f);
    // The built-in tables are tested; if one is broken the binary is, and no input can fix it.
    if (!diags.empty()) {
      SourceText src(f.name, f.text);
      throw std::logic_error("built-in rule table is invalid:\n" + render_diagnostic(diags.front(), &src));
    }
  }
}

int RuleSet::unparsed_tables() const {
  int n = 0;
  for (const File& f : files_) n += f.builtin && !f.parsed ? 1 : 0;
  return n;
}

void RuleSet::need_all() const {
  for (const File& f : files_)
    if (f.builtin && !f.parsed) need(f.name);
}

const std::vector<LabourShare>& RuleSet::labour_shares() const {
  need("labour-shares.yaml");
  return labour_shares_;
}
const std::vector<HourlyCost>& RuleSet::hourly_costs() const {
  need("hourly-costs.yaml");
  return hourly_costs_;
}
const std::vector<EuThresholds>& RuleSet::eu_thresholds() const {
  need("eu-thresholds.yaml");
  return eu_thresholds_;
}
const std::vector<LegalReference>& RuleSet::legal_references() const {
  need("legal-references.yaml");
  return legal_references_;
}
const std::vector<EligibilityCriterion>& RuleSet::eligibility_criteria() const {
  need("eligibility-criteria.yaml");
  return criteria_;
}
const std::vector<Outcome>& RuleSet::outcomes() const {
  need("outcomes.yaml");
  return outcomes_;
}
const std::vector<Programme>& RuleSet::programmes() const {
  need("programmes.yaml");
  return programmes_;
}
const std::vector<DerogationGround>& RuleSet::derogation_grounds() const {
  need("legal-references.yaml");
  return derogation_grounds_;
}

const LabourShare* RuleSet::labour_share(std::string_view trade) const {
  return find_row(labour_shares(), &LabourShare::trade, trade);
}
const MethodDefaults* RuleSet::method_defaults(std::string_view method) const {
  need("method-defaults.yaml");
  return find_row(method_defaults_, &MethodDefaults::method, method);
}
const Programme* RuleSet::programme(std::string_view id) const { return find_row(programmes(), &Programme::id, id); }
const NationalTarget* RuleSet::national_target(std::string_view id) const {
  need("programmes.yaml");
  return find_row(national_targets_, &NationalTarget::id, id);
}
const LegalReference* RuleSet::legal_reference(std::string_view id) const {
  return find_row(legal_references(), &LegalReference::id, id);
}
const Obligation* RuleSet::obligation(std::string_view id) const {
  need("legal-references.yaml");
  return find_row(obligations_, &Obligation::id, id);
}
const EligibilityCriterion* RuleSet::criterion(std::string_view code) const {
  return find_row(eligibility_criteria(), &EligibilityCriterion::code, code);
}
const Outcome* RuleSet::outcome(std::string_view situation) const {
  return find_row(outcomes(), &Outcome::situation, situation);
}
const DerogationGround* RuleSet::derogation_ground(std::string_view id) const {
  return find_row(derogation_grounds(), &DerogationGround::id, id);
}

const CpvCode* RuleSet::cpv(std::string_view eight_digits) const {
  need("cpv.yaml");
  return find_row(cpv_codes_, &CpvCode::digits, eight_digits);
}

const EuThresholds* RuleSet::thresholds_on(Date day) const {
  // User rows come after the built-in ones: the last period covering the day wins.
  const auto& rows = eu_thresholds();
  for (auto it = rows.rbegin(); it != rows.rend(); ++it)
    if (it->from <= day && day <= it->to) return &*it;
  return nullptr;
}

std::vector<std::string> RuleSet::trades() const {
  std::vector<std::string> out;
  for (const auto& row : labour_shares()) out.push_back(row.trade);
  std::sort(out.begin(), out.end());
  return out;
}

std::string RuleSet::version() const {
  std::string v(embedded_version());
  if (has_user_files_) v += "+user";
  return v;
}

std::string RuleSet::sha256() const {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  // Each file as its name and its bytes, so moving a row between files changes the hash too.
  for (const auto& f : files_) {
    // The file's name, not the path as typed: ./a.yaml and a.yaml give the same hash.
    std::string name = f.name.substr(f.name.find_last_of('/') + 1);
    EVP_DigestUpdate(ctx, name.data(), name.size());
    EVP_DigestUpdate(ctx, "\0", 1);
    EVP_DigestUpdate(ctx, f.text.data(), f.text.size());
    EVP_DigestUpdate(ctx, "\0", 1);
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx, digest, &size);
  EVP_MD_CTX_free(ctx);
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

}  // namespace clausier::rules
