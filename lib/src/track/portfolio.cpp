#include "clausier/track/portfolio.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <future>
#include <thread>

#include "clausier/core/rule_info.hpp"
#include "clausier/track/pooling.hpp"

namespace clausier::track {

namespace fs = std::filesystem;

namespace {

bool has_tender(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "tender.yaml", ec);
}

std::string trimmed(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// The sub-folders of a portfolio, in name order: the operations, and those that are not (noted).
bool read_portfolio(const std::string& folder, PortfolioInputs& out) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec) || has_tender(folder)) return false;
  std::vector<fs::path> operations, others;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    std::error_code e2;
    if (!entry.is_directory(e2) || entry.path().filename().string().starts_with('.')) continue;
    (has_tender(entry.path()) ? operations : others).push_back(entry.path());
  }
  if (operations.empty()) return false;
  std::sort(operations.begin(), operations.end());
  std::sort(others.begin(), others.end());
  for (const auto& p : operations) out.operations.push_back(p.string());
  const RuleInfo& ignored = *find_rule(pooling_rule_catalogue(), "portfolio-folder-ignored");
  for (const auto& p : others)
    out.notes.push_back(make_diagnostic(ignored, p.string(), {},
                                        "pas de tender.yaml dans ce sous-dossier du portefeuille : il n'est pas lu",
                                        "une opération est un dossier qui contient tender.yaml"));
  return true;
}

}  // namespace

PortfolioInputs expand_portfolio(const std::vector<std::string>& arguments, const std::optional<std::string>& pooling,
                                 std::string& usage_error) {
  PortfolioInputs out;
  out.pooling = pooling;
  for (const std::string& argument : arguments) {
    std::string folder = trimmed(argument);
    if (!read_portfolio(folder, out)) {
      out.operations.push_back(argument);
      continue;
    }
    out.portfolio = true;
    std::error_code ec;
    std::string file = folder + "/pooling.yaml";
    if (pooling || !fs::exists(file, ec)) continue;
    if (out.pooling && *out.pooling != file) {
      usage_error = fmt::format("deux portefeuilles ont chacun leur pooling.yaml ({} et {}) : donnez-les un à un, "
                                "ou réunissez leurs conventions dans un fichier donné par --pooling",
                                *out.pooling, file);
      return out;
    }
    out.pooling = file;
  }
  if (out.operations.size() > 1) out.portfolio = true;
  return out;
}

// Reading and parsing files is most of the time (the participants' YAML above all) and operations are
// independent: loading threads work ahead of `use`, one operation each.
void load_each(const std::vector<std::string>& paths, unsigned threads, const rules::RuleSet& rules,
               const std::function<Operation(const std::string&)>& load, const std::function<void(Operation&)>& use) {
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::size_t window = threads > 0 ? threads : cores == 1 ? 1 : std::min<std::size_t>(2 * cores, 16);
  if (paths.size() == 1 || window == 1) {
    for (const auto& path : paths) {
      Operation op = load(path);
      use(op);
    }
    return;
  }
  rules.parse_all();  // before any loading thread: afterwards the rule set is only read
  std::deque<std::future<Operation>> pending;
  std::size_t next = 0;
  auto launch = [&] {
    const std::string& path = paths[next++];
    pending.push_back(std::async(std::launch::async, [&load, &path] { return load(path); }));
  };
  while (next < paths.size() && pending.size() < window) launch();
  while (!pending.empty()) {
    Operation op = pending.front().get();
    pending.pop_front();
    if (next < paths.size()) launch();
    use(op);
  }
}

}  // namespace clausier::track
