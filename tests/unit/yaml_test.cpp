#include <doctest/doctest.h>

#include "printers.hpp"

#include <fmt/format.h>

#include <chrono>
#include <functional>
#include <string>

#include "clausier/io/yaml.hpp"

using namespace clausier;

namespace {
// The two entry points build the same tree with the same diagnostics: yaml::parse through yaml-cpp (tender,
// rules, pooling), yaml::parse_data through libyaml (participants). What they must agree on is tested on both.
struct EntryPoint {
  const char* name;
  yaml::Document (*parse)(std::string_view, const std::string&);
};
constexpr EntryPoint both[] = {{"yaml::parse (yaml-cpp)", &yaml::parse}, {"yaml::parse_data (libyaml)", &yaml::parse_data}};
}  // namespace

TEST_CASE("yaml: every node keeps its 1-based position") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    auto doc = entry.parse("a: 1\nlist:\n  - x\n  - \"y\"\n", "f.yaml");
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
}

TEST_CASE("yaml: quoted scalars are marked, plain ones are not") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    auto doc = entry.parse("a: 1\nb: \"1\"\nc: '1'\nd: |\n  1\n", "f.yaml");
    REQUIRE(doc.root);
    CHECK_FALSE(doc.root->find("a")->quoted);
    CHECK(doc.root->find("b")->quoted);
    CHECK(doc.root->find("c")->quoted);
    CHECK(doc.root->find("d")->quoted);
    CHECK(doc.root->find("b")->value == "1");
  }
}

TEST_CASE("yaml: an empty value is a null node") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    auto doc = entry.parse("a:\nb: x\n", "f.yaml");
    REQUIRE(doc.root);
    CHECK(doc.root->find("a")->is_null());
    CHECK(doc.root->find("a")->pos.line == 1);
  }
}

TEST_CASE("yaml: a duplicate key is reported at the second occurrence, with the first line") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    auto doc = entry.parse("a: 1\nb: 2\na: 3\n", "f.yaml");
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
}

TEST_CASE("yaml: duplicates are found in nested and flow mappings") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    auto doc = entry.parse("x:\n  - {id: 1, id: 2}\n", "f.yaml");
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].pos == Position{2, 13});
  }
}

TEST_CASE("yaml: a syntax error is one diagnostic with a French explanation and a position") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    auto doc = entry.parse("a: [1, 2\nb: 3\n", "f.yaml");
    CHECK_FALSE(doc.root);
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].rule == "yaml-syntax");
    CHECK(doc.diagnostics[0].pos.line >= 1);
    CHECK(doc.diagnostics[0].message.rfind("syntaxe YAML invalide", 0) == 0);
  }
}

TEST_CASE("yaml: columns count characters, not bytes") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    auto doc = entry.parse("titre: « Œuvre »\nb: x\n", "f.yaml");
    REQUIRE(doc.root);
    CHECK(doc.root->find("titre")->pos == Position{1, 8});
    auto later = entry.parse("a: {t: é, b: 1, b: 2}\n", "f.yaml");
    REQUIRE(later.diagnostics.size() == 1);
    CHECK(later.diagnostics[0].pos == Position{1, 17});
  }
}

namespace {
// The one diagnostic of a text refused for its encoding, before it is parsed.
Diagnostic refused_encoding(const EntryPoint& entry, const std::string& text) {
  CAPTURE(entry.name);
  auto doc = entry.parse(text, "f.yaml");
  CHECK_FALSE(doc.root);
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].rule == "encoding");
  return doc.diagnostics[0];
}
}  // namespace

TEST_CASE("yaml: a file that is not UTF-8 is refused at its first bad byte") {
  for (const EntryPoint& entry : both) {
    Diagnostic d = refused_encoding(entry, "a: 1\ntitle: R\xe9" "fection\n");
    CHECK(d.pos == Position{2, 9});
    CHECK(d.message == "le fichier n'est pas encodé en UTF-8 (enregistré en Windows-1252 ?)");
  }
}

TEST_CASE("yaml: a binary file or a UTF-16 text is named as such, not guessed Windows-1252") {
  using namespace std::string_literals;
  for (const EntryPoint& entry : both) {
    Diagnostic binary = refused_encoding(entry, "\x7F" "ELF\x02\x01\x01\x00\x00"s);
    CHECK(binary.pos == Position{1, 8});
    CHECK(binary.message ==
          "le fichier contient un octet nul : ce n'est pas un texte UTF-8 (un fichier binaire, ou un texte enregistré "
          "en UTF-16 ?)");
    // UTF-16 without a BOM is valid UTF-8 byte by byte when the text is ASCII: its NULs give it away.
    Diagnostic utf16le = refused_encoding(entry, "a\0:\0 \0" "1\0"s);
    CHECK(utf16le.pos == Position{1, 2});
    CHECK(utf16le.message == binary.message);
    for (std::string bom : {"\xFF\xFE"s, "\xFE\xFF"s}) {
      Diagnostic utf16 = refused_encoding(entry, bom + "a\0:\0 \0" "1\0"s);
      CHECK(utf16.pos == Position{1, 1});
      CHECK(utf16.message == "le fichier est encodé en UTF-16, pas en UTF-8");
    }
  }
}

// Issue 17: aliases were deep-copied, so a 461-byte file of nested aliases took 1.8 GB. Clausier's files
// never need anchors: the first one is refused, in French, where it stands, and reading stops there.
TEST_CASE("yaml: anchors and aliases are refused where they stand") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    auto doc = entry.parse("base: {rate: 0.05}\nlot: &b {rate: 0.05}\nother: *b\n", "f.yaml");
    CHECK_FALSE(doc.root);
    REQUIRE(doc.diagnostics.size() == 1);
    const Diagnostic& d = doc.diagnostics[0];
    CHECK(d.rule == "yaml-syntax");
    CHECK(d.category == Category::input);
    CHECK(d.pos.line == 2);
    CHECK(d.message == "ancre YAML (« &nom ») refusée : les fichiers de Clausier n'utilisent ni ancres ni alias");
    CHECK(d.hint == "recopiez la valeur à chaque endroit où elle sert");

    auto alias_only = entry.parse("a: *nowhere\n", "f.yaml");
    REQUIRE(alias_only.diagnostics.size() == 1);
    CHECK(alias_only.diagnostics[0].pos.line == 1);
    CHECK(alias_only.diagnostics[0].message.find("alias") != std::string::npos);
  }
}

TEST_CASE("yaml: an alias bomb is refused at once, without expanding it") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; ++i) {
      bomb += fmt::format("a{}: &a{} [", i, i);
      for (int k = 0; k < 10; ++k) bomb += fmt::format("{}*a{}", k ? ", " : "", i - 1);
      bomb += "]\n";
    }
    auto doc = entry.parse(bomb, "bomb.yaml");  // 10^9 nodes if expanded
    CHECK_FALSE(doc.root);
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].pos == Position{1, 5});
  }
}

// Issue 17: the column of every node was counted from the start of its line, so a one-line file
// (JSON style) took a time quadratic in its length: minutes for a few thousand participants.
TEST_CASE("yaml: positions on one very long line cost linear time") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    constexpr int items = 200000;
    std::string line = "list: [";
    for (int i = 0; i < items; ++i) line += i ? ", é" : "é";
    line += "]\n";
    auto start = std::chrono::steady_clock::now();
    auto doc = entry.parse(line, "long.yaml");
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(doc.root);
    const yaml::Node& list = *doc.root->find("list");
    REQUIRE(list.items.size() == items);
    CHECK(list.items[0].pos == Position{1, 8});
    CHECK(list.items[items - 1].pos == Position{1, 8 + 3 * (items - 1)});  // characters, not bytes
    CHECK(seconds < 3.0);  // about 0.1 s; the quadratic count took minutes
  }
}

// yaml-cpp stops at 500 levels with the message "bad file", which reached users untranslated; libyaml has no
// limit, and the tree and its readers recurse: yaml::parse_data stops at the 501st level, where it stands.
TEST_CASE("yaml: deep nesting is refused in French") {
  const std::string flow = std::string(1000, '[') + std::string(1000, ']') + "\n";
  std::string block;
  for (int i = 0; i < 600; ++i) block += std::string(2 * i, ' ') + "a:\n";
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    for (const std::string& text : {flow, block}) {
      auto doc = entry.parse(text, "deep.yaml");
      CHECK_FALSE(doc.root);
      REQUIRE(doc.diagnostics.size() == 1);
      CHECK(doc.diagnostics[0].rule == "yaml-syntax");
      CHECK(doc.diagnostics[0].message == "syntaxe YAML invalide : imbrication trop profonde (plus de 500 niveaux)");
    }
  }
  auto flow_doc = yaml::parse_data(flow, "deep.yaml");
  REQUIRE(flow_doc.diagnostics.size() == 1);
  CHECK(flow_doc.diagnostics[0].pos == Position{1, 501});
  auto block_doc = yaml::parse_data(block, "deep.yaml");
  REQUIRE(block_doc.diagnostics.size() == 1);
  CHECK(block_doc.diagnostics[0].pos.line == 501);
}

// Every message of both YAML libraries is said in French (a NUL is refused before them, in French too); none
// leaks English or the raw bytes it quotes.
TEST_CASE("yaml: syntax messages are French and hold no control character") {
  using namespace std::string_literals;
  for (const EntryPoint& entry : both) {
    for (const std::string& text :
         {"\0"s, "a: 1\n\0"s, "a: \"\\\x04\"\n"s, "a: !<x\n"s, "%YAML 2.0\n---\na: 1\n"s, "a: &x &y 1\n"s,
          "{a: 1\n"s, "? [a\n"s, "a: \"\\x4g\"\n"s, "a: b: c\n"s, "a: @b\n"s, "a:\n\tb: 1\n"s, "a: 1\nfoo\nb: 2\n"s,
          "a: \"b\n"s, "a: |0\n  x\n"s, "a: |x\n"s, "%FOO\n---\na: 1\n"s, "a: !x!y 1\n"s, "a: ]\n"s,
          "a:\n  - 1\n - 2\n"s, ": 1\n"s, "a: ,b\n"s, "a: \"\\q\"\n"s, "a: b\x07\n"s, "a: \"x\n---\n\"\n"s}) {
      auto doc = entry.parse(text, "f.yaml");
      // yaml-cpp accepts a few of these (a control character in a value, an unclosed string at the end).
      if (entry.parse == &yaml::parse_data) REQUIRE_FALSE(doc.diagnostics.empty());
      for (const Diagnostic& d : doc.diagnostics) {
        CAPTURE(entry.name);
        CAPTURE(text);
        CAPTURE(d.message);
        bool french = d.message.starts_with("syntaxe YAML invalide") || d.message.starts_with("ancre YAML") ||
                      d.message.starts_with("alias YAML") || d.message.starts_with("le fichier contient un octet nul") ||
                      d.message.starts_with("le fichier contient plusieurs documents");
        CHECK(french);
        for (const char* english : {"illegal", "unknown", "not found", "bad ", "end of", "the ", "scanning", "parsing",
                                    "did not", "could not", "allowed", "found"})
          CHECK(d.message.find(english) == std::string::npos);
        for (char c : d.message) CHECK(static_cast<unsigned char>(c) >= 0x20);
      }
    }
  }
}
TEST_CASE("yaml: an empty text has no document and no error") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    auto doc = entry.parse("", "f.yaml");
    CHECK_FALSE(doc.root);
    CHECK(doc.diagnostics.empty());
  }
}

TEST_CASE("yaml: a second document is reported") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    auto doc = entry.parse("a: 1\n---\nb: 2\n", "f.yaml");
    REQUIRE(doc.root);
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].rule == "yaml-syntax");
    CHECK(doc.diagnostics[0].message == "le fichier contient plusieurs documents YAML (séparés par « --- »)");
    // Shared by every YAML file (participants, rules, pooling), not only tender.yaml.
    CHECK(doc.diagnostics[0].hint == "un fichier ne contient qu'un document YAML : retirez le « --- » qui en ouvre un autre, et ce qui le suit");
  }
  // libyaml says where it starts.
  CHECK(yaml::parse_data("a: 1\n---\nb: 2\n", "f.yaml").diagnostics[0].pos == Position{2, 1});
}

// The messages of yaml::parse_data say what was expected, where: the opening line of an unclosed list, the key
// without its « : », the tabulation, the stray closing bracket.
TEST_CASE("yaml: libyaml's syntax errors point where the user must look") {
  auto error = [](const std::string& text) {
    auto doc = yaml::parse_data(text, "f.yaml");
    CHECK_FALSE(doc.root);
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].rule == "yaml-syntax");
    CHECK(doc.diagnostics[0].hint == "corrigez la syntaxe à cet endroit (indentation par espaces, « clé: valeur »)");
    return doc.diagnostics[0];
  };
  Diagnostic list = error("a: [1, 2\nb: 3\n");
  CHECK(list.pos == Position{2, 2});
  CHECK(list.message == "syntaxe YAML invalide : liste [ … ] non refermée (ouverte ligne 1) : « , » ou « ] » attendu");
  CHECK(error("a: {x: 1\nb: 3\n").message ==
        "syntaxe YAML invalide : tableau { … } non refermé (ouvert ligne 1) : « , » ou « } » attendu");
  Diagnostic key = error("a: 1\nfoo\nb: 2\n");
  CHECK(key.pos == Position{2, 1});
  CHECK(key.message == "syntaxe YAML invalide : « : » attendu après la clé : une ligne de tableau s'écrit « clé: valeur »");
  Diagnostic tab = error("a:\n\tb: 1\n");
  CHECK(tab.pos == Position{2, 1});
  CHECK(tab.message == "syntaxe YAML invalide : tabulation dans l'indentation : utilisez des espaces");
  CHECK(error("a: 1\n}\n").message == "syntaxe YAML invalide : « ] » ou « } » sans ouverture correspondante");
  Diagnostic string = error("a: \"b\nc: 2\n");
  CHECK(string.pos == Position{1, 4});  // the opening quote, not the end of the file
  CHECK(string.message == "syntaxe YAML invalide : chaîne non refermée : guillemet fermant attendu");
  CHECK(error("a:\n  b: 1\n c: 2\n").message ==
        "syntaxe YAML invalide : indentation incohérente : la ligne ne prolonge pas le bloc au-dessus");
}

// The same mistakes as participants files hold them (one flow table a line): both parsers stop on the line of the
// broken participant. An unclosed string is the exception: yaml-cpp stops at the end of the file, libyaml names
// the line where the string opens.
TEST_CASE("yaml: both parsers stop on the line of a broken participant") {
  for (const char* broken : {"  - { ref: P-2, sex: X, birth_year: 1996\n", "  - { ref: P-2, sex: X birth: 1 }}\n",
                             "  - { ref: P-2, sex: X, criteria: [rsa }\n", "  - { ref: P-2\tsex: X }\n",
                             "  - { ref: P-2, sex: &s X }\n"}) {
    const std::string text =
        std::string("format: clausier/participants/1\nparticipants:\n  - { ref: P-1, sex: F, birth_year: 1990 }\n") + broken +
        "  - { ref: P-3, sex: M, birth_year: 1991 }\n";
    CAPTURE(text);
    auto cpp = yaml::parse(text, "p.yaml");
    auto c = yaml::parse_data(text, "p.yaml");
    CAPTURE(cpp.diagnostics[0].message);
    CAPTURE(c.diagnostics[0].message);
    REQUIRE(cpp.diagnostics.size() == 1);
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].rule == cpp.diagnostics[0].rule);
    CHECK(c.diagnostics[0].pos.line == cpp.diagnostics[0].pos.line);
    CHECK(c.diagnostics[0].message.starts_with(c.diagnostics[0].message.starts_with("ancre") ? "ancre YAML"
                                                                                               : "syntaxe YAML invalide"));
  }
  auto string = yaml::parse_data("participants:\n  - { ref: P-1 }\n  - { ref: \"P-2, sex: X }\n  - { ref: P-3 }\n", "p.yaml");
  REQUIRE(string.diagnostics.size() == 1);
  CHECK(string.diagnostics[0].pos == Position{3, 12});  // the opening quote
  CHECK(string.diagnostics[0].message == "syntaxe YAML invalide : chaîne non refermée : guillemet fermant attendu");
}

// libyaml refuses the control characters YAML forbids (yaml-cpp lets them through into values); the
// character itself is never echoed.
TEST_CASE("yaml: libyaml refuses an invisible control character where it stands") {
  for (const char* text : {"a: b\x07" "c\n", "a: b\u0090c\n", "a: b\x7f\n"}) {
    CAPTURE(text);
    auto doc = yaml::parse_data(text, "f.yaml");
    CHECK_FALSE(doc.root);
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].pos == Position{1, 5});
    CHECK(doc.diagnostics[0].message ==
          "syntaxe YAML invalide : caractère de contrôle (invisible) interdit dans un fichier YAML");
  }
}

// Lines end where an editor ends them (Notepad, VS Code): at LF, at CR LF (one break) and at a lone CR (an
// old Mac file, which yaml-cpp 0.7 alone would refuse); NEL, LS and PS, breaks to YAML 1.1 only, are
// characters. A BOM is not a column.
TEST_CASE("yaml: lines end at LF, CR LF or a lone CR, after a BOM") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    auto ok = entry.parse("\xEF\xBB\xBF" "a: 1\r\nb: \"x\u2028y\"\r\nc: 3\r\n", "f.yaml");
    REQUIRE(ok.root);
    CHECK(ok.root->key_at(0).pos == Position{1, 1});
    CHECK(ok.root->find("c")->pos == Position{3, 4});
    auto mac = entry.parse("a: 1\rb: \"x\ry\"\rc: 3\r", "f.yaml");
    REQUIRE(mac.root);
    CHECK(mac.diagnostics.empty());
    CHECK(mac.root->find("b")->value == "x y");  // a line break in a quoted string folds to a space
    CHECK(mac.root->find("c")->pos == Position{4, 4});  // the string spans lines 2 and 3
    auto mixed = entry.parse("a: 1\nb: 2\rc: 3\r\nd: 4\n\re: 5", "f.yaml");
    REQUIRE(mixed.root);
    CHECK(mixed.root->find("c")->pos == Position{3, 4});
    CHECK(mixed.root->find("d")->pos == Position{4, 4});
    CHECK(mixed.root->find("e")->pos == Position{6, 4});
    // A syntax error on line 3 of an old Mac file is on line 3, not on line 1.
    auto error = entry.parse("a: 1\rb: 2\rc: d: e\rf: 4\r", "f.yaml");
    REQUIRE(error.diagnostics.size() == 1);
    CHECK(error.diagnostics[0].pos.line == 3);
    // So is a byte that is not UTF-8; a BOM is not a column there either.
    CHECK(refused_encoding(entry, "a: 1\rb: 2\r\nc: R\xe9" "fection\r").pos == Position{3, 5});
    CHECK(refused_encoding(entry, "\xEF\xBB\xBF" "a: R\xe9" "fection\n").pos == Position{1, 5});
  }
  auto nel = yaml::parse_data("\xEF\xBB\xBF" "a: 1\r\nb: \"x\u0085y\"\r\nc: [1\r\nd: 2\r\n", "f.yaml");
  REQUIRE(nel.diagnostics.size() == 1);
  CHECK(nel.diagnostics[0].pos == Position{4, 2});
  auto mac = yaml::parse_data("format: clausier/participants/1\rparticipants:\r  - { ref: P-1 sex: F }}\r", "f.yaml");
  REQUIRE(mac.diagnostics.size() == 1);
  CHECK(mac.diagnostics[0].pos == Position{3, 19});
  // A reader's error (a control character) is counted from its byte, not its character.
  auto bell = yaml::parse_data("a: 1\rb: \xC3\xA9\x07\r", "f.yaml");
  REQUIRE(bell.diagnostics.size() == 1);
  CHECK(bell.diagnostics[0].pos == Position{2, 5});
}

// A list or a table still open where the text ends: libyaml says it expected a value or a « , » at the end of
// the file; the user must look where it opens, the innermost one first.
TEST_CASE("yaml: a list or table never closed is named where it opens") {
  const std::string list =
      "syntaxe YAML invalide : liste [ … ] ouverte ici et jamais refermée : « ] » attendu avant la fin du fichier";
  const std::string table =
      "syntaxe YAML invalide : tableau { … } ouvert ici et jamais refermé : « } » attendu avant la fin du fichier";
  struct Case {
    const char* text;
    Position pos;
    const std::string& message;
  };
  for (const Case& c : {Case{"a: [1, 2", {1, 4}, list}, Case{"a: [1, 2\n", {1, 4}, list}, Case{"a: [1,\n", {1, 4}, list},
                        Case{"a: [\n", {1, 4}, list}, Case{"a: [1,\n  # fin\n\n", {1, 4}, list},
                        Case{"a: {\n", {1, 4}, table}, Case{"a: {b: \n", {1, 4}, table}, Case{"a: {b\n", {1, 4}, table},
                        Case{"a: 1\rb: [1,\r", {2, 4}, list}, Case{"[x: ", {1, 1}, list}, Case{"[x, ? ", {1, 1}, list},
                        Case{"p:\n  - { ref: P-1, criteria: [rsa, x\n", {2, 27}, list},
                        Case{"p:\n  - { ref: P-1, criteria: [rsa, x]\n", {2, 5}, table},
                        Case{"p: [x, {b: [c: {d\n", {1, 16}, table}}) {
    CAPTURE(c.text);
    auto doc = yaml::parse_data(c.text, "f.yaml");
    CHECK_FALSE(doc.root);
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].pos == c.pos);
    CHECK(doc.diagnostics[0].message == c.message);
  }
  // What the scanner finds unclosed first says so itself; a list broken before the end keeps its message.
  CHECK(yaml::parse_data("a: [\"b\n", "f.yaml").diagnostics[0].message ==
        "syntaxe YAML invalide : chaîne non refermée : guillemet fermant attendu");
  CHECK(yaml::parse_data("a: [!<x", "f.yaml").diagnostics[0].message ==
        "syntaxe YAML invalide : étiquette « !<…> » non refermée");
  CHECK(yaml::parse_data("a: [1, 2\nb: 3\n", "f.yaml").diagnostics[0].message ==
        "syntaxe YAML invalide : liste [ … ] non refermée (ouverte ligne 1) : « , » ou « ] » attendu");
}

// The encoding check skips ASCII eight bytes at a time and finds a NUL with memchr: what it refuses, and
// where, is what a byte-by-byte walk found.
TEST_CASE("yaml: a bad byte is found after a long ASCII run and past multi-byte characters") {
  using namespace std::string_literals;
  const std::string comment = "# " + std::string(1000, 'x') + "\n";
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    Diagnostic nul = refused_encoding(entry, comment + "a: bcdefgh\0"s);
    CHECK(nul.pos == Position{2, 11});
    CHECK(nul.message.starts_with("le fichier contient un octet nul"));
    Diagnostic latin = refused_encoding(entry, comment + "a: bcdefgh\xe9");
    CHECK(latin.pos == Position{2, 11});
    CHECK(latin.message == "le fichier n'est pas encodé en UTF-8 (enregistré en Windows-1252 ?)");
    CHECK(refused_encoding(entry, "a: é€𝄞\0"s).pos == Position{1, 7});
    CHECK(refused_encoding(entry, "a: é€𝄞\xff").pos == Position{1, 7});
    CHECK(refused_encoding(entry, "a: é€\xF0\x9D\x84").pos == Position{1, 6});  // cut at the end of the file
    CHECK(refused_encoding(entry, "a: \xC3\0"s).message.starts_with("le fichier n'est pas encodé"));  // the first bad byte
    CHECK(refused_encoding(entry, "a: \xC3" "b\0"s).pos == Position{1, 4});
    CHECK(refused_encoding(entry, "a: \x80é"s).pos == Position{1, 4});  // a continuation byte alone
    // Valid UTF-8 on both sides of every eight-byte boundary passes.
    for (std::size_t pad = 0; pad < 9; ++pad) {
      auto doc = entry.parse("a: " + std::string(pad, 'x') + "é€𝄞x\n", "f.yaml");
      CHECK(doc.diagnostics.empty());
    }
  }
  // A control character after a long run is libyaml's to refuse, counted from its byte.
  auto bell = yaml::parse_data(comment + "a: é" + std::string(100, 'b') + "\x07\n", "f.yaml");
  REQUIRE(bell.diagnostics.size() == 1);
  CHECK(bell.diagnostics[0].pos == Position{2, 105});
  CHECK(bell.diagnostics[0].message == "syntaxe YAML invalide : caractère de contrôle (invisible) interdit dans un fichier YAML");
}

// The readers were written against yaml-cpp: « ! » makes text, a tag makes a scalar of a null, and only an
// untagged plain ~, null, Null, NULL or nothing is null.
TEST_CASE("yaml: both parsers keep yaml-cpp's meaning of tags and nulls") {
  for (const EntryPoint& entry : both) {
    CAPTURE(entry.name);
    auto doc = entry.parse("a: ! 12\nb: !!str\nc: ~\nd: null\ne: 'null'\nf: NULL\ng: nul\nh: \"\"\n", "f.yaml");
    REQUIRE(doc.root);
    CHECK(doc.root->find("a")->quoted);
    CHECK(doc.root->find("a")->value == "12");
    CHECK(doc.root->find("b")->is_scalar());
    CHECK(doc.root->find("b")->value.empty());
    CHECK(doc.root->find("c")->is_null());
    CHECK(doc.root->find("d")->is_null());
    CHECK(doc.root->find("e")->is_scalar());
    CHECK(doc.root->find("e")->quoted);
    CHECK(doc.root->find("f")->is_null());
    CHECK(doc.root->find("g")->is_scalar());
    CHECK(doc.root->find("h")->is_scalar());
    CHECK(doc.root->find("h")->quoted);
  }
}

// The whole tree, on a participants file as users write it: the same nodes, kinds, values and positions.
TEST_CASE("yaml: both parsers build the same tree") {
  const std::string text =
      "# Participants\nformat: clausier/participants/1\nparticipants:\n"
      "  - { ref: P-00001, sex: X, birth_year: 1996, criteria: [rsa], validated_on: 2027-01-21 }\n"
      "  - ref: \"P-é2\"\n    sex: F\n    criteria:\n      - rsa\n      - 'qpv'\n    note: |\n      deux\n      lignes\n"
      "    empty:\n  - {}\n  - []\n";
  auto cpp = yaml::parse(text, "p.yaml");
  auto c = yaml::parse_data(text, "p.yaml");
  CHECK(cpp.diagnostics.empty());
  CHECK(c.diagnostics.empty());
  REQUIRE(cpp.root);
  REQUIRE(c.root);
  std::function<void(const yaml::Node&, const yaml::Node&)> same = [&](const yaml::Node& a, const yaml::Node& b) {
    CAPTURE(a.pos);
    CHECK(a.kind == b.kind);
    CHECK(a.pos == b.pos);
    CHECK(a.value == b.value);
    CHECK(a.quoted == b.quoted);
    REQUIRE(a.items.size() == b.items.size());
    for (std::size_t i = 0; i < a.items.size(); ++i) same(a.items[i], b.items[i]);
  };
  same(*cpp.root, *c.root);
}
