// clausier_bench_yaml_baseline FILE...: the "yaml-cpp alone" baseline of bench/run.sh.
// Reads and parses each file into a YAML::Node with YAML::LoadFile, touches nothing else,
// and prints the number of files parsed. Whatever clausier-check or clausier-hours spend
// beyond this is Clausier's own cost (start-up, loading, checks, output).
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  int parsed = 0;
  for (int i = 1; i < argc; ++i) {
    try {
      YAML::Node root = YAML::LoadFile(argv[i]);
      if (root.IsDefined()) ++parsed;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s: %s\n", argv[i], e.what());
      return 2;
    }
  }
  std::printf("%d\n", parsed);
  return 0;
}
