// clausier_bench_phases [--tsv] FILE|FOLDER: where the time of one `clausier-hours` /
// `clausier-check` call goes inside the process, phase by phase, measured with a steady clock.
// --tsv prints "phase<TAB>cold<TAB>warm" lines (milliseconds) for bench/run.sh, which runs it
// many times and keeps the medians: a single cold pass is at the mercy of the machine.
//
// The first pass is the one a real call makes (cold: the built-in rule tables are parsed on
// first use, caches and pages are cold); the next passes repeat the per-file phases (warm) and
// give their mean. What hyperfine measures beyond the cold total is process start-up and exit
// (exec, dynamic loading, static initialisation), outside this program's reach.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "clausier/check/report.hpp"
#include "clausier/hours/batch.hpp"
#include "clausier/hours/render.hpp"
#include "clausier/rules/rules.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Pass {
  double load_and_compute = 0;  // hours::compute_files: read, YAML parse, model, resolve, compute
  double render_hours = 0;      // hours::render_text
  double check = 0;             // check::check_file: the same load, then the checks
  double render_check = 0;      // check::render_text
};

Pass run_pass(const std::vector<std::string>& inputs, const clausier::rules::RuleSet& rules) {
  Pass p;
  auto t = Clock::now();
  clausier::hours::Batch batch = clausier::hours::compute_files(inputs, rules, {});
  p.load_and_compute = ms_since(t);
  t = Clock::now();
  std::string text = clausier::hours::render_text(batch.results, {});
  p.render_hours = ms_since(t);
  t = Clock::now();
  std::vector<clausier::check::FileResult> results;
  for (const auto& input : inputs) results.push_back(clausier::check::check_file(input, rules));
  p.check = ms_since(t);
  t = Clock::now();
  std::string report = clausier::check::render_text(results, {});
  p.render_check = ms_since(t);
  if (text.empty() || report.empty() || !batch.failures.empty()) {
    std::fprintf(stderr, "clausier_bench_phases: the input does not compute cleanly\n");
    std::exit(2);
  }
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  const bool tsv = argc == 3 && std::string(argv[1]) == "--tsv";
  if (argc != 2 && !tsv) {
    std::fprintf(stderr, "usage: clausier_bench_phases [--tsv] FILE|FOLDER\n");
    return 2;
  }
  const std::vector<std::string> inputs{argv[argc - 1]};

  auto t = Clock::now();
  const clausier::rules::RuleSet& rules = clausier::rules::RuleSet::builtin();
  double rules_ms = ms_since(t);
  Pass cold = run_pass(inputs, rules);

  constexpr int warm_passes = 50;
  Pass warm;
  for (int i = 0; i < warm_passes; ++i) {
    Pass p = run_pass(inputs, rules);
    warm.load_and_compute += p.load_and_compute / warm_passes;
    warm.render_hours += p.render_hours / warm_passes;
    warm.check += p.check / warm_passes;
    warm.render_check += p.render_check / warm_passes;
  }

  const double cold_total = rules_ms + cold.load_and_compute + cold.render_hours;
  const struct Row {
    const char* name;
    double cold, warm;
  } rows[] = {
      {"built-in rule tables (RuleSet::builtin, once)", rules_ms, -1},
      {"hours: read + parse + resolve + compute", cold.load_and_compute, warm.load_and_compute},
      {"hours: render_text", cold.render_hours, warm.render_hours},
      {"check: read + parse + checks", cold.check, warm.check},
      {"check: render_text", cold.render_check, warm.render_check},
      {"in-process total of a clausier-hours call", cold_total, -1},
  };
  if (!tsv) std::printf("%-46s %9s %9s\n", "phase (ms)", "cold", "warm");
  for (const Row& r : rows) {
    if (tsv) std::printf("%s\t%.3f\t%.3f\n", r.name, r.cold, r.warm);
    else if (r.warm < 0) std::printf("%-46s %9.3f %9s\n", r.name, r.cold, "-");
    else std::printf("%-46s %9.3f %9.3f\n", r.name, r.cold, r.warm);
  }
  return 0;
}
