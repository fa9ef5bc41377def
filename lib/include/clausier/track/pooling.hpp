#pragma once
// Pooling agreements (formats.md section 8): a contractor holding several contracts with a clause
// (convention de globalisation), or an employers' group or GEIQ pooling its members' obligations, meets
// them together from the day the agreement is signed. `pooling.yaml` lists the agreements; each pooled lot
// is named `OPERATION/LOT`. Loading checks the file alone; check_pooling checks it against the operations;
// track_agreement judges one agreement from its lots' own tracking.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/core/rule_info.hpp"
#include "clausier/io/values.hpp"
#include "clausier/tender/model.hpp"
#include "clausier/track/status.hpp"

namespace clausier::track {

struct PooledLot {
  Position pos;
  std::string operation;  // the operation's id (tender.yaml's `id`)
  std::string lot;        // the lot's id
  std::string text() const { return operation + "/" + lot; }
};

struct Agreement {
  Position pos;
  io::Located<std::string> id;
  std::string contractor;                  // contractor.name
  std::optional<io::Located<std::string>> siret;  // contractor.siret, 14 digits
  io::Located<io::Date> signed_on;         // `signed`
  std::vector<PooledLot> lots;
};

struct Pooling {
  std::string path;
  std::vector<Agreement> agreements;
};

struct PoolingFile {
  std::optional<Pooling> pooling;  // absent when the file cannot be used (its diagnostics say why)
  Diagnostics diagnostics;         // every error of the file, with positions, sorted
};

// Reads `format: clausier/pooling/1` and its agreements from text (no file access). Every mistake is
// reported (schema-… and yaml-… ids, like a tender file); the pooling is absent when there is one.
PoolingFile parse_pooling(std::string_view text, const std::string& path);
// The same from a file; an unreadable file is an io diagnostic.
PoolingFile load_pooling(const std::string& path);

// The pooling against the operations it names, each given by its tender: an unknown operation or lot
// (pooling-unknown-lot), a lot in two agreements or twice in one (pooling-lot-twice), a lot not held by the
// agreement's contractor — same SIRET when both are written, else the same name — (pooling-contractor).
Diagnostics check_pooling(const Pooling& pooling, std::span<const tender::Tender* const> tenders);

// The rule ids above, with their severity and summary (documented in docs/track.md).
std::span<const RuleInfo> pooling_rule_catalogue();

// One pooled lot as tracked in its own operation, with what judging its share of a penalty needs.
struct PooledLotTracking {
  std::string operation;
  const LotTracking* lot = nullptr;     // the lot's own tracking, at the same date
  const tender::Tender* tender = nullptr;  // its penalties and counting tolerance
};

struct AgreementTracking {
  const Agreement* agreement = nullptr;
  bool in_force = false;  // signed on or before the date of the tracking: the lots are judged together
  // Sums of the lots' own figures; hours of lots not awarded at the date count in no target.
  double target_hours = 0, counted_hours = 0, expected_hours = 0;
  // In force: the agreement's shortfall, max(0, target − counted), and surplus, max(0, counted − target)
  // — pooling is what lets one lot's surplus make up another's shortfall. Not in force: each lot's own
  // missing and over hours, summed, never netted (formats.md section 7).
  double missing_hours = 0, over_hours = 0;
  // In force: the sum of each lot's share, its penalty on missing × its target ÷ the agreement's target,
  // capped like its own; not in force: the sum of the lots' own exposures.
  double penalty_exposure = 0;
  std::optional<LotStatus> status;  // in force only: not-started, behind, on-track or complete
  struct Share {
    std::string operation, lot;
    double target_hours = 0, counted_hours = 0;
    double missing_hours = 0;     // its share of the agreement's missing hours (pro rata of its target)
    double penalty_exposure = 0;  // its share of the penalty
  };
  std::vector<Share> lots;  // in the agreement's order
};

// Judges `agreement` at `as_of` from its lots' tracking (one entry per lot of the agreement, in its order).
AgreementTracking track_agreement(const Agreement& agreement, std::span<const PooledLotTracking> lots, io::Date as_of);

}  // namespace clausier::track
