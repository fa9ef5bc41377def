#pragma once
// Pseudonymous participants (formats.md section 4): a facilitator's ref, never a name, e-mail,
// phone number or social-security number; the readers refuse values that look like those.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/io/values.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/track/text_table.hpp"

namespace clausier::track {

using io::Date;

struct Situation {
  Date date;
  std::string code;      // cdi, cdd-6m-plus, ...
  std::string category;  // durable, transition, positive, other (from the rule table)
};

struct Participant {
  std::string ref;
  Position pos;  // where it is defined (line of the ref)
  std::string sex;  // F, M, X
  int birth_year = 0;
  std::vector<std::string> criteria;
  Date validated_on;
  std::optional<int> education_level;
  std::optional<Situation> exit, follow_up;
  std::string note;
};

struct Participants {
  std::string path;
  std::vector<Participant> list;
  // Looked up once per statement text: flat tables of the refs, built on first use (and rebuilt if the
  // list grew). A ref is matched without case when no ref is written exactly so: "r-001" is "R-001"
  // (formats.md 5.2). Of two descriptions of one ref, the first.
  const Participant* find(std::string_view ref) const;

 private:
  mutable TextTable refs_, folded_;  // the refs as written, and by ref_key
  mutable std::vector<const Participant*> by_ref_, by_folded_;  // by TextId of refs_, folded_
  mutable const Participant* indexed_data_ = nullptr;
  mutable std::size_t indexed_size_ = 0;
};

struct ParticipantsResult {
  Participants participants;  // the valid ones (a participant in error is left out and reported)
  Diagnostics diagnostics;
};

// Reads participants.yaml or participants.csv (by extension). Pure: text in, result out.
ParticipantsResult parse_participants(std::string_view text, const std::string& path, const rules::RuleSet& rules);

// Why a value cannot be a pseudonym, or empty: it looks like an e-mail (also "(at)", "[at]"), a phone
// number (French national, +33/0033, overseas, any "+" international; spaces, dots, dashes, slashes),
// a French social-security number (13 or 15 characters shaped like a NIR, 2A/2B, separators, key
// not required), or a name (no digit at all; an accented letter; an apostrophe between letters; two
// words of letters separated by a space; a capitalised word such as "Dupont1"). Pseudonyms such as
// P-0001, R-12, AB12 or anon-7 pass. docs/robustness.md lists what cannot be told apart.
std::string personal_data_reason(std::string_view value);

// The diagnostic refusing a value as personal data: rule personal-data, and its source line never shown
// (Diagnostic::hide_line). Every refusal of personal data is made here; `sheet` is a workbook's sheet.
Diagnostic personal_data_diagnostic(const std::string& path, Position pos, std::string message, std::string hint,
                                    const std::string& sheet = {});

}  // namespace clausier::track
