#pragma once
// Large statement sets (a million rows) spend more time in page faults than in counting on some virtual
// machines: glibc's malloc then asks for transparent huge pages, which it only reads from GLIBC_TUNABLES
// at start-up, so the tool restarts itself once with it (never when GLIBC_TUNABLES or CLAUSIER_NO_REEXEC
// is set). Small runs (under 16 MB of statements among the arguments) never do.
namespace clausier::cli {

void restart_with_huge_pages_for_large_inputs(int argc, char** argv);

}  // namespace clausier::cli
