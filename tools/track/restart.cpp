#include "restart.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>

#include <unistd.h>

namespace clausier::cli {

void restart_with_huge_pages_for_large_inputs(int argc, char** argv) {
  if (std::getenv("GLIBC_TUNABLES") != nullptr || std::getenv("CLAUSIER_NO_REEXEC") != nullptr) return;
  std::uintmax_t bytes = 0;
  std::error_code ec;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path p(argv[i]);
    if (std::filesystem::is_directory(p / "statements", ec))
      for (const auto& e : std::filesystem::directory_iterator(p / "statements", ec))
        if (e.is_regular_file(ec)) bytes += e.file_size(ec);
    if (p.extension() == ".csv" && std::filesystem::is_regular_file(p, ec)) bytes += std::filesystem::file_size(p, ec);
  }
  if (bytes < 16u * 1024 * 1024) return;
  ::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1);
  ::execv("/proc/self/exe", argv);  // on failure, carry on as we are
}

}  // namespace clausier::cli
