// clausier_bench_sheets [--runs N] FILE...: reads each file N times (default 5) with the reader its
// extension names, every cell visited, and prints the rows, the cells holding something, a checksum
// of the numbers and the best and median time of a read. A .csv goes through io::for_each_csv_row
// (each field counted, the numbers parsed with io::parse_decimal), a .xlsx or .ods through
// io::Workbook (each cell's value taken, as a statement reader would). bench/sheets.sh runs it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "clausier/io/csv.hpp"
#include "clausier/io/files.hpp"
#include "clausier/io/sheet.hpp"

namespace {

struct Tally {
  long rows = 0, cells = 0;
  double sum = 0;
  bool ok = true;
};

Tally read_csv(const std::string& bytes, const std::string& path) {
  Tally t;
  const clausier::io::CsvResult result =
      clausier::io::for_each_csv_row(bytes, path, [&](const clausier::io::CsvTable&, clausier::io::CsvRow& row) {
        ++t.rows;
        for (const std::string& field : row.fields) {
          if (field.empty()) continue;
          ++t.cells;
          if (auto v = clausier::io::parse_decimal(field)) t.sum += *v;
        }
      });
  t.ok = result.diagnostics.empty();
  return t;
}

Tally read_sheet(const std::string& bytes, const std::string& path, clausier::io::SheetFormat format) {
  using namespace clausier::io;
  Tally t;
  clausier::Diagnostics diags;
  std::unique_ptr<Workbook> book = Workbook::open(bytes, format, path, diags);
  if (!book) {
    t.ok = false;
    return t;
  }
  t.ok = book->read_rows(
      [&](std::size_t, SheetRow& row) {
        ++t.rows;
        for (const Cell& cell : row.cells) {
          if (cell.type == CellType::empty) continue;
          ++t.cells;
          if (cell.type == CellType::number) t.sum += cell.number;
        }
        return true;
      },
      diags);
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else paths.push_back(arg);
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: clausier_bench_sheets [--runs N] FILE...\n");
    return 2;
  }
  std::printf("%-40s %9s %10s %16s %9s %9s\n", "file", "rows", "cells", "sum", "best s", "median s");
  for (const std::string& path : paths) {
    const clausier::io::ReadResult file = clausier::io::read_file(path);
    if (!file.text) {
      std::fprintf(stderr, "%s: unreadable\n", path.c_str());
      return 3;
    }
    const std::optional<clausier::io::SheetFormat> format = clausier::io::sheet_format_of(path);
    std::vector<double> times;
    Tally tally;
    for (int r = 0; r < runs; ++r) {
      const auto start = std::chrono::steady_clock::now();
      tally = format ? read_sheet(*file.text, path, *format) : read_csv(*file.text, path);
      times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    std::printf("%-40s %9ld %10ld %16.2f %9.3f %9.3f%s\n", path.c_str(), tally.rows, tally.cells, tally.sum, times.front(),
                times[times.size() / 2], tally.ok ? "" : "  (diagnostics)");
  }
  return 0;
}
