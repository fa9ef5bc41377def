#pragma once
// Zips in tests, with libzip and in memory: reading back those the library writes (.docx, .xlsx: every
// entry in the archive's order, the archive's consistency checked on the way), and writing the test
// documents (.docx, .odt, .xlsx) from parts given as text, so that no test archive is committed.
#include <doctest/doctest.h>
#include <zip.h>

#include <ctime>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace clausier::test {

struct ZipEntry {
  std::string name;
  std::string bytes;
  std::time_t mtime = 0;
};

// The entries of a zip held in memory, in the archive's order; checks the archive's consistency on the way.
inline std::vector<ZipEntry> unzip(const std::string& bytes) {
  std::vector<ZipEntry> entries;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source != nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) zip_source_free(source);
  REQUIRE_MESSAGE(archive != nullptr, zip_error_strerror(&error));
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    zip_stat_t stat;
    REQUIRE(zip_stat_index(archive, i, 0, &stat) == 0);
    ZipEntry entry{stat.name, std::string(stat.size, '\0'), stat.mtime};
    zip_file_t* file = zip_fopen_index(archive, i, 0);
    REQUIRE(file != nullptr);
    CHECK(zip_fread(file, entry.bytes.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    zip_fclose(file);
    entries.push_back(std::move(entry));
  }
  zip_discard(archive);
  zip_error_fini(&error);
  return entries;
}

// The same entries by name.
inline std::map<std::string, std::string> unzip_by_name(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  for (ZipEntry& e : unzip(bytes)) parts[e.name] = std::move(e.bytes);
  return parts;
}

struct Part {
  std::string name;
  std::string bytes;
  bool encrypted = false;
};

// A zip built in memory with libzip: every test archive is generated here, none is committed.
inline std::string make_zip(const std::vector<Part>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  REQUIRE(buffer != nullptr);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  zip_source_keep(buffer);
  for (const Part& part : parts) {
    zip_source_t* source = zip_source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
    REQUIRE(source != nullptr);
    const zip_int64_t index = zip_file_add(archive, part.name.c_str(), source, 0);
    REQUIRE(index >= 0);
    if (part.encrypted)
      REQUIRE(zip_file_set_encryption(archive, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256, "secret") == 0);
  }
  REQUIRE_MESSAGE(zip_close(archive) == 0, zip_strerror(archive));
  REQUIRE(zip_source_open(buffer) == 0);
  std::string out;
  char chunk[65536];
  zip_int64_t n = 0;
  while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<std::size_t>(n));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

// The parts of a test .xlsx.
inline const std::string main_ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
inline const std::string package_rels = "http://schemas.openxmlformats.org/package/2006/relationships";
inline const std::string document_rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A one-sheet .xlsx from its parts' text; `workbook_extra` goes before <sheets>.
inline std::string make_xlsx(const std::string& sheet_data, const std::string& strings = "",
                             const std::string& styles = "", const std::string& workbook_extra = "") {
  std::vector<Part> parts = {
      {"[Content_Types].xml", R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
      {"_rels/.rels", "<Relationships xmlns=\"" + package_rels + "\"><Relationship Id=\"rId1\" Type=\"" + document_rels +
                          "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", "<workbook " + main_ns + " xmlns:r=\"" + document_rels + "\">" + workbook_extra +
                              "<sheets><sheet name=\"Feuil1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"" + package_rels + "\"><Relationship Id=\"rId1\" Type=\"" + document_rels +
           "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + document_rels +
           "/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"" + document_rels +
           "/styles\" Target=\"/xl/styles.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", "<worksheet " + main_ns + "><sheetData>" + sheet_data + "</sheetData></worksheet>"},
      {"xl/sharedStrings.xml", "<sst " + main_ns + ">" + strings + "</sst>"},
      {"xl/styles.xml", "<styleSheet " + main_ns + ">" + styles + "</styleSheet>"},
  };
  return make_zip(parts);
}

}  // namespace clausier::test
