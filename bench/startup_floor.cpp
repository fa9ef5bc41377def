// clausier_bench_startup_floor: starts, loads the shared libraries the Clausier tools load
// (libstdc++, yaml-cpp, fmt, OpenSSL's libcrypto), and exits without doing anything. Its time is
// the floor under any one-file call of clausier-check or clausier-hours on this machine: exec,
// dynamic loading and relocation, library constructors, exit.
#include <openssl/evp.h>
#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

int main(int argc, char** argv) {
  // Never true when run by bench/run.sh; it keeps each library a real dependency of the binary.
  if (argc > 100) {
    YAML::Node node = YAML::Load(argv[1]);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_MD_CTX_free(ctx);
    fmt::print("{}\n", node.size());
  }
  return 0;
}
