#include <doctest/doctest.h>

#include "printers.hpp"

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

TEST_CASE("yaml: a file that is not UTF-8 is refused at its first bad byte") {
  auto doc = yaml::parse("a: 1\ntitle: R\xe9" "fection\n", "f.yaml");
  CHECK_FALSE(doc.root);
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].rule == "encoding");
  CHECK(doc.diagnostics[0].pos == Position{2, 9});
}

TEST_CASE("yaml: aliases copy the anchored node") {
  auto doc = yaml::parse("base: &b {rate: 0.05}\nlot: *b\n", "f.yaml");
  REQUIRE(doc.root);
  const yaml::Node* lot = doc.root->find("lot");
  REQUIRE(lot != nullptr);
  CHECK(lot->is_map());
  CHECK(lot->find("rate")->value == "0.05");
  CHECK(lot->pos.line == 2);
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
