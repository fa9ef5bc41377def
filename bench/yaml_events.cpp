// clausier_bench_yaml_events FILE [ROUNDS]: yaml-cpp's event parser (an empty handler that counts the
// nodes) against libyaml's event parser on the same text in memory, alternated in each round, CPU time
// of the process (docs/performance.md, "Issue 12"). Both must see the same number of nodes.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml.h>

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

namespace {

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct NodeCount : YAML::EventHandler {
  long nodes = 0;
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++nodes; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++nodes; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++nodes; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++nodes;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++nodes;
  }
  void OnMapEnd() override {}
};

long with_yaml_cpp(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  NodeCount count;
  parser.HandleNextDocument(count);
  return count.nodes;
}

long with_libyaml(const std::string& text) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  long nodes = 0;
  for (bool more = true; more;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      nodes = -1;
      break;
    }
    const yaml_event_type_t t = event.type;
    nodes += t == YAML_SCALAR_EVENT || t == YAML_ALIAS_EVENT || t == YAML_SEQUENCE_START_EVENT ||
             t == YAML_MAPPING_START_EVENT;
    more = t != YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  return nodes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: clausier_bench_yaml_events FILE [ROUNDS]\n");
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string text = buffer.str();
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const auto lines = std::count(text.begin(), text.end(), '\n');
  double best_cpp = 1e9;
  double best_c = 1e9;
  for (int r = 1; r <= rounds; ++r) {
    const double t0 = cpu_seconds();
    const long a = with_yaml_cpp(text);
    const double t1 = cpu_seconds();
    const long b = with_libyaml(text);
    const double t2 = cpu_seconds();
    if (a != b) {
      fmt::print(stderr, "the parsers disagree: {} nodes with yaml-cpp, {} with libyaml\n", a, b);
      return 1;
    }
    best_cpp = std::min(best_cpp, t1 - t0);
    best_c = std::min(best_c, t2 - t1);
    fmt::print("round {}: yaml-cpp {:.3f} s, libyaml {:.3f} s of CPU ({} nodes)\n", r, t1 - t0, t2 - t1, a);
  }
  fmt::print("{}: {} bytes, {} lines; best CPU: yaml-cpp {:.3f} s ({:.1f} µs a line), libyaml {:.3f} s ({:.1f} µs a line): "
             "{:.1f}×\n",
             argv[1], text.size(), lines, best_cpp, best_cpp * 1e6 / static_cast<double>(lines), best_c,
             best_c * 1e6 / static_cast<double>(lines), best_cpp / best_c);
  return 0;
}
