// clausier_bench_startup_floor: starts, loads the shared libraries the Clausier tools load
// (libstdc++, yaml-cpp, libyaml, fmt, OpenSSL's libcrypto), and exits without doing anything. Its time is
// the floor under any one-file call of clausier-check or clausier-hours on this machine: exec,
// dynamic loading and relocation, library constructors, exit. libyaml is loaded by the tools that read
// participants.yaml (clausier-check, -track, -report); --as-needed keeps it out of clausier-hours, -draft
// and clausier, whose floor this overstates by libyaml's loading (0.05 ms on the 2-core machine).
#include <openssl/evp.h>
#include <yaml-cpp/yaml.h>
#include <yaml.h>

#include <fmt/format.h>

int main(int argc, char** argv) {
  // libyaml (participants.yaml, lib/src/io/yaml_libyaml.cpp): one real call, so that it is loaded and bound.
  int major = 0, minor = 0, patch = 0;
  yaml_get_version(&major, &minor, &patch);
  // Never true when run by bench/run.sh; it keeps each library a real dependency of the binary.
  if (argc > 100) {
    YAML::Node node = YAML::Load(argv[1]);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_MD_CTX_free(ctx);
    fmt::print("{} {}.{}.{}\n", node.size(), major, minor, patch);
  }
  return 0;
}
