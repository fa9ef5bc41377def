#include "clausier/track/portfolio_commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "clausier/core/names.hpp"
#include "clausier/io/files.hpp"
#include "clausier/io/json.hpp"
#include "clausier/text/french.hpp"
#include "clausier/text/table.hpp"
#include "clausier/track/due.hpp"
#include "clausier/track/pooling.hpp"
#include "clausier/track/pooling_json.hpp"
#include "clausier/track/portfolio.hpp"
#include "clausier/track/reminder_mail.hpp"
#include "clausier/track/render.hpp"

namespace clausier::track {

namespace {

using nlohmann::ordered_json;

constexpr std::pair<std::string_view, PortfolioDueFormat> due_formats[] = {
    {"text", PortfolioDueFormat::text}, {"csv", PortfolioDueFormat::csv}, {"ics", PortfolioDueFormat::ics},
    {"eml", PortfolioDueFormat::eml}};

using Tracked = TrackedOperation;
using Portfolio = TrackedPortfolio;

const LotTracking* lot_of(const Portfolio& p, const PooledLot& l, const Tracked** in) {
  for (const auto& t : p.operations) {
    if (t->tender().id.value != l.operation) continue;
    for (const LotTracking& lt : t->tracking.lots)
      if (lt.lot->lot->id.value == l.lot) {
        *in = t.get();
        return &lt;
      }
  }
  return nullptr;
}

std::vector<AgreementTracking> agreements(const Portfolio& p, Date as_of) {
  std::vector<AgreementTracking> out;
  if (!p.pooling) return out;
  for (const Agreement& a : p.pooling->agreements) {
    std::vector<PooledLotTracking> lots;
    for (const PooledLot& l : a.lots) {
      const Tracked* in = nullptr;
      if (const LotTracking* lt = lot_of(p, l, &in)) lots.push_back({l.operation, lt, &in->tender()});
    }
    out.push_back(track_agreement(a, lots, as_of));
  }
  return out;
}


std::string portfolio_json(const Portfolio& p, const std::vector<AgreementTracking>& pooled, Date as_of,
                           const rules::RuleSet& rules) {
  ordered_json doc;
  doc["format"] = "clausier/portfolio/1";
  doc["rules"] = {{"version", rules.version()}, {"sha256", rules.sha256()}};
  doc["as_of"] = io::iso(as_of);
  doc["operations"] = ordered_json::array();
  for (const auto& t : p.operations) {
    // Each operation exactly as `clausier track` gives it alone, its pooled lots marked.
    ordered_json op = ordered_json::parse(render_json(t->tracking, t->tender(), rules, t->op.diagnostics));
    for (ordered_json& lot : op["lots"])
      if (const Agreement* a = p.agreement_of(t->tender().id.value, lot["id"].get<std::string>()))
        lot["agreement"] = a->id.value;
    doc["operations"].push_back(std::move(op));
  }
  doc["pooling"] = ordered_json::array();
  for (const auto& a : pooled) doc["pooling"].push_back(agreement_json(*a.agreement, a));
  // Each operation lists its own inputs' errors; here, those of the operations left out and of pooling.yaml.
  doc["errors"] = ordered_json::array();
  doc["warnings"] = ordered_json::array();
  for (const Diagnostic& d : p.diagnostics) doc[d.severity == Severity::error ? "errors" : "warnings"].push_back(io::diagnostic_json(d));
  return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string hours_cell(double h) { return text::format_number(h, 2); }

std::string portfolio_text(const Portfolio& p, const std::vector<AgreementTracking>& pooled, Date as_of) {
  std::string out = fmt::format("Suivi du portefeuille au {} : {} opération{}\n\n", text::format_date_long(as_of),
                                p.operations.size(), p.operations.size() > 1 ? "s" : "");
  std::vector<text::Row> rows;
  for (const auto& t : p.operations)
    for (const LotTracking& l : t->tracking.lots) {
      const Agreement* a = p.agreement_of(t->tender().id.value, l.lot->lot->id.value);
      bool shown = l.tracked || l.status == LotStatus::not_awarded;
      rows.push_back({t->tender().id.value, l.lot->lot->id.value, l.contractor.empty() ? "—" : l.contractor,
                      l.tracked ? hours_cell(l.target_hours) : "—", hours_cell(l.counted_hours),
                      shown ? std::string(french_label(l.status)) : "sans heures à suivre", a ? a->id.value : ""});
    }
  out += text::render_text_table({{"Opération"}, {"Lot"}, {"Titulaire"}, {"Objectif", true}, {"Comptées", true},
                                  {"Statut"}, {"Convention"}},
                                 rows);
  if (pooled.empty()) return out;
  out += "\nConventions de globalisation (objectif et heures des lots réunis ; manque après compensation)\n\n";
  rows.clear();
  for (const auto& a : pooled)
    rows.push_back({a.agreement->id.value, a.agreement->contractor, std::to_string(a.lots.size()), hours_cell(a.target_hours),
                    hours_cell(a.counted_hours), hours_cell(a.missing_hours),
                    a.status ? std::string(french_label(*a.status))
                             : "pas encore en vigueur (signée le " + text::format_date_short(a.agreement->signed_on.value) + ")",
                    text::format_euros(a.penalty_exposure)});
  return out + text::render_text_table({{"Convention"}, {"Titulaire"}, {"Lots", true}, {"Objectif", true}, {"Comptées", true},
                                        {"Manquantes", true}, {"Statut"}, {"Pénalité possible", true}},
                                       rows);
}

// The end of the CSV row that starts at `from`: its CRLF outside quotes (a quoted name may hold one).
std::size_t row_end(const std::string& csv, std::size_t from) {
  bool quoted = false;
  for (std::size_t i = from; i + 1 < csv.size(); ++i) {
    if (csv[i] == '"') quoted = !quoted;
    else if (!quoted && csv[i] == '\r' && csv[i + 1] == '\n') return i;
  }
  return csv.size();
}

// Each operation's CSV under one header, each row ending with the agreement its lot is pooled in (`convention`).
std::string portfolio_csv(const Portfolio& p) {
  std::string out;
  for (std::size_t i = 0; i < p.operations.size(); ++i) {
    const Tracked& t = *p.operations[i];
    std::string one = render_csv(t.tracking, t.tender());
    std::size_t at = row_end(one, 0);
    if (i == 0) out += one.substr(0, at) + ";convention\r\n";
    at += 2;
    // Its rows are those of its lots not awarded or tracked, in the lots' order (render_csv).
    for (const LotTracking& l : t.tracking.lots) {
      if (!l.tracked && l.status != LotStatus::not_awarded) continue;
      std::size_t end = row_end(one, at);
      const Agreement* a = p.agreement_of(t.tender().id.value, l.lot->lot->id.value);
      out += one.substr(at, end - at) + ";" + text::csv_row({a ? a->id.value : ""});
      at = end + 2;
    }
  }
  return out;
}

}  // namespace

nlohmann::ordered_json agreement_json(const Agreement& a, const AgreementTracking& t) {
  using io::json_number;
  ordered_json j;
  j["id"] = a.id.value;
  j["contractor"] = a.contractor;
  j["signed"] = io::iso(a.signed_on.value);
  j["in_force"] = t.in_force;
  j["target_hours"] = json_number(t.target_hours);
  j["counted_hours"] = json_number(t.counted_hours);
  j["expected_hours"] = json_number(t.expected_hours);
  j["missing_hours"] = json_number(t.missing_hours);
  j["over_hours"] = json_number(t.over_hours);
  j["status"] = t.status ? ordered_json(std::string(name(*t.status))) : ordered_json(nullptr);
  j["penalty_exposure"] = json_number(t.penalty_exposure);
  j["lots"] = ordered_json::array();
  for (const auto& s : t.lots)
    j["lots"].push_back({{"operation", s.operation},
                         {"lot", s.lot},
                         {"target_hours", json_number(s.target_hours)},
                         {"counted_hours", json_number(s.counted_hours)},
                         {"missing_hours", json_number(s.missing_hours)},
                         {"penalty_exposure", json_number(s.penalty_exposure)}});
  return j;
}

const Agreement* TrackedPortfolio::agreement_of(std::string_view operation, std::string_view lot) const {
  if (!pooling) return nullptr;
  for (const Agreement& a : pooling->agreements)
    for (const PooledLot& l : a.lots)
      if (l.operation == operation && l.lot == lot) return &a;
  return nullptr;
}

std::optional<TrackedPortfolio> track_portfolio(const PortfolioJob& job, const rules::RuleSet& rules, Outcome& out) {
  if (job.arguments.empty()) {
    out.usage_error = "OPERATION est obligatoire : un dossier d'opération ou de portefeuille";
    return std::nullopt;
  }
  if (job.single_operation_options) {
    out.usage_error = "--participants, --statements et --declared-hours ne valent que pour une seule opération : dans un "
                      "portefeuille, chaque dossier apporte son participants.yaml et son dossier statements/";
    return std::nullopt;
  }
  PortfolioInputs in = expand_portfolio(job.arguments, job.pooling, out.usage_error);
  if (!out.usage_error.empty()) return std::nullopt;
  TrackedPortfolio p;
  for (const Diagnostic& d : in.notes) out.report(d, nullptr);
  p.diagnostics = in.notes;
  load_each(
      in.operations, job.threads, rules, [&](const std::string& path) { return load_operation({path, {}, {}}, rules); },
      [&](Operation& op) {
        for (const Diagnostic& d : op.diagnostics) out.report(d, op.source_of(d.path));
        if (op.result() == nullptr) {
          p.diagnostics.insert(p.diagnostics.end(), op.diagnostics.begin(), op.diagnostics.end());
          return;
        }
        auto t = std::make_unique<TrackedOperation>(TrackedOperation{std::move(op), {}});
        t->tracking = track(*t->op.result(), t->op.participants, t->op.statements, {job.as_of, {}});
        p.operations.push_back(std::move(t));
      });
  if (in.pooling) use_pooling(p, *in.pooling, load_pooling(*in.pooling), job.as_of, out);
  return p;
}

void use_pooling(TrackedPortfolio& p, const std::string& path, PoolingFile file, Date as_of, Outcome& out) {
  std::optional<SourceText> source;
  if (auto read = io::read_file(path); read.text) source.emplace(path, std::move(*read.text));
  Diagnostics all = file.diagnostics;
  if (file.pooling) {
    std::vector<const tender::Tender*> tenders;
    for (const auto& t : p.operations) tenders.push_back(&t->tender());
    all = check_pooling(*file.pooling, tenders);
    if (all.empty()) p.pooling = std::move(file.pooling);
  }
  for (const Diagnostic& d : all) out.report(d, source ? &*source : nullptr);
  p.diagnostics.insert(p.diagnostics.end(), all.begin(), all.end());
  p.agreements = agreements(p, as_of);
}

bool is_portfolio(const std::vector<std::string>& arguments, const std::optional<std::string>& pooling) {
  std::string ignored;
  return pooling || expand_portfolio(arguments, pooling, ignored).portfolio;
}

std::optional<PortfolioDueFormat> portfolio_due_format(std::string_view n) { return value_named<PortfolioDueFormat>(due_formats, n); }

Outcome run_portfolio_status(const PortfolioStatusJob& job, const rules::RuleSet& rules) {
  Outcome out;
  auto p = track_portfolio(job, rules, out);
  if (!p) return out;
  const std::vector<AgreementTracking>& pooled = p->agreements;
  switch (job.format) {
    case StatusFormat::json: out.output = portfolio_json(*p, pooled, job.as_of, rules); break;
    case StatusFormat::csv: out.output = portfolio_csv(*p); break;
    case StatusFormat::text: out.output = portfolio_text(*p, pooled, job.as_of); break;
  }
  bool behind = std::any_of(pooled.begin(), pooled.end(), [](const AgreementTracking& a) { return a.status == LotStatus::behind; });
  for (const auto& t : p->operations)
    for (const LotTracking& l : t->tracking.lots) {
      // A lot pooled in an agreement in force is judged by the agreement.
      const Agreement* a = p->agreement_of(t->tender().id.value, l.lot->lot->id.value);
      bool pooled_now = a && a->signed_on.value <= job.as_of;
      behind = behind || (!pooled_now && l.tracked && l.status == LotStatus::behind);
    }
  out.failed = job.fail_on_behind && behind;
  return out;
}

namespace {

std::string due_text(const Portfolio& p, Date as_of) {
  std::string out;
  for (const auto& t : p.operations)
    out += fmt::format("{}Opération {} — {}\n{}", out.empty() ? "" : "\n", t->tender().id.value, t->tender().title,
                       render_due_text(due(t->op, as_of), as_of));
  return out;
}

std::string due_csv(const Portfolio& p, Date as_of) {
  std::string out(text::utf8_bom);
  out += text::csv_row({"operation", "date", "etat", "type", "lot", "participant", "objet"});
  for (const auto& t : p.operations) {
    std::string one = render_due_csv(due(t->op, as_of));
    std::size_t line = one.find("\r\n") + 2;  // after the BOM and the header
    while (line < one.size()) {
      std::size_t end = one.find("\r\n", line);
      std::string prefix = text::csv_row({t->tender().id.value});
      prefix.resize(prefix.size() - 2);  // without its CRLF
      out += prefix + ";" + one.substr(line, end + 2 - line);
      line = end + 2;
    }
  }
  return out;
}

// One calendar: the events of every operation's calendar (their UIDs name the operation).
std::string due_ics(const Portfolio& p, Date as_of) {
  std::string events;
  for (const auto& t : p.operations) {
    std::string one = render_due_ics(due(t->op, as_of), as_of, t->tender().id.value);
    std::size_t first = one.find("BEGIN:VEVENT"), last = one.rfind("END:VCALENDAR");
    if (first != std::string::npos) events += one.substr(first, last - first);
  }
  std::string one = render_due_ics({}, as_of, "");
  return one.insert(one.rfind("END:VCALENDAR"), events);
}

void write_messages(const Portfolio& p, const PortfolioDueJob& job, Outcome& out) {
  std::vector<OperationReminders> all;
  for (const auto& t : p.operations) {
    OperationReminders r{&t->tender(), due(t->op, job.as_of), {}};
    const Statements& s = t->op.statements;
    for (std::uint32_t i : t->tracking.count.counted) {
      const StatementRow& row = s.rows[i];
      auto& lots = r.participant_lots[std::string(s.participants[row.participant])];
      if (std::find(lots.begin(), lots.end(), s.lots[row.lot]) == lots.end()) lots.emplace_back(s.lots[row.lot]);
    }
    all.push_back(std::move(r));
  }
  ReminderMails mails = reminder_mails(all, job.as_of);
  const RuleInfo& no_address = *find_rule(pooling_rule_catalogue(), "reminder-no-address");
  for (const std::string& who : mails.without_address)
    out.report(make_diagnostic(no_address, job.output, {}, fmt::format("aucun message pour {}", who),
                               "ajoutez email: à award.contractor dans tender.yaml (et facilitator.email pour l'expéditeur)"),
               nullptr);
  // The set is written whole or not at all: a folder made here goes again when it fails.
  std::error_code ec;
  const bool existed = std::filesystem::exists(job.output, ec);
  std::filesystem::create_directories(job.output, ec);
  std::vector<std::pair<std::string, std::string>> files;
  std::string listing;
  for (const ReminderMail& m : mails.mails) {
    files.emplace_back(m.file, mail::render(m.message));
    listing += fmt::format("{} : {} <{}>\n", (std::filesystem::path(job.output) / m.file).string(), m.message.to.name,
                           m.message.to.address);
  }
  if (auto error = io::write_files_atomic(job.output, files)) {
    if (!existed) std::filesystem::remove(job.output, ec);
    out.report(*error, nullptr);
    return;
  }
  out.messages += fmt::format("{} message{} écrit{} dans {}\n", mails.mails.size(), mails.mails.size() > 1 ? "s" : "",
                              mails.mails.size() > 1 ? "s" : "", job.output);
  out.output = listing;
}

}  // namespace

Outcome run_portfolio_due(const PortfolioDueJob& job, const rules::RuleSet& rules) {
  Outcome out;
  if (job.format == PortfolioDueFormat::eml && (job.output.empty() || job.output == "-")) {
    out.usage_error = "--format eml écrit un message par titulaire : indiquez le dossier où les écrire avec -o DOSSIER";
    return out;
  }
  auto p = track_portfolio(job, rules, out);
  if (!p) return out;
  switch (job.format) {
    case PortfolioDueFormat::text: out.output = due_text(*p, job.as_of); break;
    case PortfolioDueFormat::csv: out.output = due_csv(*p, job.as_of); break;
    case PortfolioDueFormat::ics: out.output = due_ics(*p, job.as_of); break;
    case PortfolioDueFormat::eml: write_messages(*p, job, out); break;
  }
  return out;
}

Outcome run_any_status(const PortfolioStatusJob& job, StatusJob single, const rules::RuleSet& rules) {
  if (is_portfolio(job.arguments, job.pooling)) return run_portfolio_status(job, rules);
  single.format = job.format;
  single.fail_on_behind = job.fail_on_behind;
  return run_status(single, rules);
}

Outcome run_any_due(const PortfolioDueJob& job, const DueJob& single, const rules::RuleSet& rules) {
  if (job.format == PortfolioDueFormat::eml || is_portfolio(job.arguments, job.pooling)) return run_portfolio_due(job, rules);
  return run_due(single, rules);
}

}  // namespace clausier::track
