#include <doctest/doctest.h>

#include "printers.hpp"

#include <fmt/format.h>

#include <chrono>
#include <string>

#include "clausier/io/yaml.hpp"

using namespace clausier;

TEST_CASE("yaml: every node keeps its 1-based position") {
  auto doc = yaml::parse("a: 1\nlist:\n  - x\n  - \"y\"\n", "f.yaml");
  REQUIRE(doc.root);
  CHECK(doc.diagnostics.empty());
  const yaml::Node& root = *doc.root;
  CHECK(root.is_map());
  CHECK(root.map_size() == 2);
  CHECK(root.key_at(0).pos == Position{1, 1});
  CHECK(root.value_at(0).pos == Position{1, 4});
  const yaml::Node* list = root.find("list");
  REQUIRE(list != nullptr);
  CHECK(list->is_sequence());
  CHECK(list->items.size() == 2);
  CHECK(list->items[1].pos == Position{4, 5});
}

TEST_CASE("yaml: quoted scalars are marked, plain ones are not") {
  auto doc = yaml::parse("a: 1\nb: \"1\"\nc: '1'\nd: |\n  1\n", "f.yaml");
  REQUIRE(doc.root);
  CHECK_FALSE(doc.root->find("a")->quoted);
  CHECK(doc.root->find("b")->quoted);
  CHECK(doc.root->find("c")->quoted);
  CHECK(doc.root->find("d")->quoted);
  CHECK(doc.root->find("b")->value == "1");
}

TEST_CASE("yaml: an empty value is a null node") {
  auto doc = yaml::parse("a:\nb: x\n", "f.yaml");
  REQUIRE(doc.root);
  CHECK(doc.root->find("a")->is_null());
  CHECK(doc.root->find("a")->pos.line == 1);
}

TEST_CASE("yaml: a duplicate key is reported at the second occurrence, with the first line") {
  auto doc = yaml::parse("a: 1\nb: 2\na: 3\n", "f.yaml");
  REQUIRE(doc.root);
  REQUIRE(doc.diagnostics.size() == 1);
  const Diagnostic& d = doc.diagnostics[0];
  CHECK(d.rule == "yaml-duplicate-key");
  CHECK(d.category == Category::input);
  CHECK(d.path == "f.yaml");
  CHECK(d.pos == Position{3, 1});
  CHECK(d.message == "clé « a » répétée dans le même tableau (déjà définie ligne 1)");
  // The first value wins for readers.
  CHECK(doc.root->find("a")->value == "1");
}

TEST_CASE("yaml: duplicates are found in nested and flow mappings") {
  auto doc = yaml::parse("x:\n  - {id: 1, id: 2}\n", "f.yaml");
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].pos == Position{2, 13});
}

TEST_CASE("yaml: a syntax error is one diagnostic with a French explanation and a position") {
  auto doc = yaml::parse("a: [1, 2\nb: 3\n", "f.yaml");
  CHECK_FALSE(doc.root);
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].rule == "yaml-syntax");
  CHECK(doc.diagnostics[0].pos.line >= 1);
  CHECK(doc.diagnostics[0].message.rfind("syntaxe YAML invalide", 0) == 0);
}

TEST_CASE("yaml: columns count characters, not bytes") {
  auto doc = yaml::parse("titre: « Œuvre »\nb: x\n", "f.yaml");
  REQUIRE(doc.root);
  CHECK(doc.root->find("titre")->pos == Position{1, 8});
  auto later = yaml::parse("a: {t: é, b: 1, b: 2}\n", "f.yaml");
  REQUIRE(later.diagnostics.size() == 1);
  CHECK(later.diagnostics[0].pos == Position{1, 17});
}

namespace {
// The one diagnostic of a text refused for its encoding, before it is parsed.
Diagnostic refused_encoding(const std::string& text) {
  auto doc = yaml::parse(text, "f.yaml");
  CHECK_FALSE(doc.root);
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].rule == "encoding");
  return doc.diagnostics[0];
}
}  // namespace

TEST_CASE("yaml: a file that is not UTF-8 is refused at its first bad byte") {
  Diagnostic d = refused_encoding("a: 1\ntitle: R\xe9" "fection\n");
  CHECK(d.pos == Position{2, 9});
  CHECK(d.message == "le fichier n'est pas encodé en UTF-8 (enregistré en Windows-1252 ?)");
}

TEST_CASE("yaml: a binary file or a UTF-16 text is named as such, not guessed Windows-1252") {
  using namespace std::string_literals;
  Diagnostic binary = refused_encoding("\x7F" "ELF\x02\x01\x01\x00\x00"s);
  CHECK(binary.pos == Position{1, 8});
  CHECK(binary.message ==
        "le fichier contient un octet nul : ce n'est pas un texte UTF-8 (un fichier binaire, ou un texte enregistré en "
        "UTF-16 ?)");
  // UTF-16 without a BOM is valid UTF-8 byte by byte when the text is ASCII: its NULs give it away.
  Diagnostic utf16le = refused_encoding("a\0:\0 \0" "1\0"s);
  CHECK(utf16le.pos == Position{1, 2});
  CHECK(utf16le.message == binary.message);
  for (std::string bom : {"\xFF\xFE"s, "\xFE\xFF"s}) {
    Diagnostic utf16 = refused_encoding(bom + "a\0:\0 \0" "1\0"s);
    CHECK(utf16.pos == Position{1, 1});
    CHECK(utf16.message == "le fichier est encodé en UTF-16, pas en UTF-8");
  }
}

// Issue 17: aliases were deep-copied, so a 461-byte file of nested aliases took 1.8 GB. Clausier's files
// never need anchors: the first one is refused, in French, where it stands, and reading stops there.
TEST_CASE("yaml: anchors and aliases are refused where they stand") {
  auto doc = yaml::parse("base: {rate: 0.05}\nlot: &b {rate: 0.05}\nother: *b\n", "f.yaml");
  CHECK_FALSE(doc.root);
  REQUIRE(doc.diagnostics.size() == 1);
  const Diagnostic& d = doc.diagnostics[0];
  CHECK(d.rule == "yaml-syntax");
  CHECK(d.category == Category::input);
  CHECK(d.pos.line == 2);
  CHECK(d.message == "ancre YAML (« &nom ») refusée : les fichiers de Clausier n'utilisent ni ancres ni alias");
  CHECK(d.hint == "recopiez la valeur à chaque endroit où elle sert");

  auto alias_only = yaml::parse("a: *nowhere\n", "f.yaml");
  REQUIRE(alias_only.diagnostics.size() == 1);
  CHECK(alias_only.diagnostics[0].pos.line == 1);
  CHECK(alias_only.diagnostics[0].message.find("alias") != std::string::npos);
}

TEST_CASE("yaml: an alias bomb is refused at once, without expanding it") {
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    bomb += fmt::format("a{}: &a{} [", i, i);
    for (int k = 0; k < 10; ++k) bomb += fmt::format("{}*a{}", k ? ", " : "", i - 1);
    bomb += "]\n";
  }
  auto doc = yaml::parse(bomb, "bomb.yaml");  // 10^9 nodes if expanded
  CHECK_FALSE(doc.root);
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].pos == Position{1, 5});
}

// Issue 17: the column of every node was counted from the start of its line, so a one-line file
// (JSON style) took a time quadratic in its length: minutes for a few thousand participants.
TEST_CASE("yaml: positions on one very long line cost linear time") {
  constexpr int items = 200000;
  std::string line = "list: [";
  for (int i = 0; i < items; ++i) line += i ? ", é" : "é";
  line += "]\n";
  auto start = std::chrono::steady_clock::now();
  auto doc = yaml::parse(line, "long.yaml");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(doc.root);
  const yaml::Node& list = *doc.root->find("list");
  REQUIRE(list.items.size() == items);
  CHECK(list.items[0].pos == Position{1, 8});
  CHECK(list.items[items - 1].pos == Position{1, 8 + 3 * (items - 1)});  // characters, not bytes
  CHECK(seconds < 3.0);  // about 0.1 s; the quadratic count took minutes
}

// yaml-cpp stops at 500 levels with the message "bad file"; it reached users untranslated.
TEST_CASE("yaml: deep nesting is refused in French") {
  auto doc = yaml::parse(std::string(1000, '[') + std::string(1000, ']') + "\n", "deep.yaml");
  CHECK_FALSE(doc.root);
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].rule == "yaml-syntax");
  CHECK(doc.diagnostics[0].message == "syntaxe YAML invalide : imbrication trop profonde (plus de 500 niveaux)");
}

// Every message of yaml-cpp is said in French (a NUL is refused before yaml-cpp, in French too); none leaks
// English or the raw bytes it quotes.
TEST_CASE("yaml: syntax messages are French and hold no control character") {
  using namespace std::string_literals;
  for (const std::string& text : {"\0"s, "a: 1\n\0"s, "a: \"\\\x04\"\n"s, "a: !<x\n"s, "%YAML 2.0\n---\na: 1\n"s,
                                  "a: &x &y 1\n"s, "{a: 1\n"s, "? [a\n"s, "a: \"\\x4g\"\n"s, "a: b: c\n"s}) {
    auto doc = yaml::parse(text, "f.yaml");
    REQUIRE_FALSE(doc.diagnostics.empty());
    for (const Diagnostic& d : doc.diagnostics) {
      CAPTURE(text);
      CAPTURE(d.message);
      bool french = d.message.starts_with("syntaxe YAML invalide") || d.message.starts_with("ancre YAML") ||
                    d.message.starts_with("alias YAML") || d.message.starts_with("le fichier contient un octet nul");
      CHECK(french);
      for (const char* english : {"illegal", "unknown", "not found", "bad ", "end of", "the ", "scanning"})
        CHECK(d.message.find(english) == std::string::npos);
      for (char c : d.message) CHECK(static_cast<unsigned char>(c) >= 0x20);
    }
  }
}

TEST_CASE("yaml: an empty text has no document and no error") {
  auto doc = yaml::parse("", "f.yaml");
  CHECK_FALSE(doc.root);
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("yaml: a second document is reported") {
  auto doc = yaml::parse("a: 1\n---\nb: 2\n", "f.yaml");
  REQUIRE(doc.root);
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].rule == "yaml-syntax");
}
