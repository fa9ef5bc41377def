#include "clausier/check/report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <system_error>

#include "clausier/check/document_checks.hpp"
#include "clausier/io/files.hpp"
#include "clausier/io/json.hpp"
#include "clausier/tender/load.hpp"
#include "clausier/tender/resolve.hpp"

namespace clausier::check {

namespace {

constexpr RuleInfo report_catalogue[] = {
    // What document::read_document reports (document/read.hpp keeps no list of them); "io" and
    // "encoding" are in rule_catalogue() already.
    {"document-format", Severity::error, Category::input,
     "un document dont le format n'est pas lu (formats lus : .docx, .odt, .md, .txt, .html)"},
    {"document-archive", Severity::error, Category::input,
     "un .docx ou un .odt illisible : archive abîmée, ancien .doc, document protégé par un mot de passe"},
    {"document-xml", Severity::error, Category::input, "le texte d'un .docx ou d'un .odt n'est pas du XML valide"},
    {"document-empty", Severity::error, Category::input, "un document vide : un enregistrement ou une copie qui a échoué"},
    {"document-too-large", Severity::error, Category::input,
     "un document trop gros pour être une pièce de consultation (limites de lecture)"},
    // About the document set of a tender.
    {"documents-unchecked", Severity::note, Category::finding,
     "une pièce n'a pas été comparée au fichier de consultation, qui n'est pas utilisable"},
    {"dce-file-ignored", Severity::note, Category::finding,
     "un fichier du dossier dce/ n'est pas dans un format que Clausier lit"},
    {"dce-empty", Severity::note, Category::finding, "le dossier dce/ ne contient aucune pièce à vérifier"},
};

// A note about the document set; severity and category come from the catalogue.
Diagnostic report_note(std::string_view rule, std::string path, std::string message, std::string hint) {
  return make_diagnostic(catalogued(report_catalogue, rule), std::move(path), {}, std::move(message), std::move(hint));
}

std::string folder_of_argument(const std::string& argument) {
  std::string dir = argument;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

// Word keeps "~$name.docx" beside an open document; editors and Git keep dot files: none is a draft.
bool skipped_silently(const std::string& name) { return name.starts_with('.') || name.starts_with("~$"); }

std::string ignored_hint(const std::string& name) {
  std::string lower = name;
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (lower.ends_with(".doc")) return "enregistrez-le au format .docx (Word : Fichier, Enregistrer sous) pour qu'il soit vérifié";
  if (lower.ends_with(".pdf")) return "un PDF ne se vérifie pas : placez dans dce/ la version .docx ou .odt de la pièce";
  return "rien à faire si ce n'est pas une pièce à vérifier";
}

// The documents of an operation's dce/ folder, in name order, and notes about what was left aside.
// Any entry but a subfolder is considered: one that cannot be read (a link loop) is reported, not skipped.
std::vector<std::string> list_dce(const std::string& dce, io::FolderListing listing, Diagnostics& notes) {
  if (listing.error) {
    listing.error->hint = "vérifiez les droits et les liens du dossier dce/";
    notes.push_back(std::move(*listing.error));
    return {};
  }
  std::vector<std::string> names = std::move(listing.names);
  std::vector<std::string> documents;
  for (const std::string& name : names) {
    if (skipped_silently(name)) continue;
    std::string path = dce + "/" + name;
    if (document::format_from_path(name)) {
      documents.push_back(std::move(path));
    } else {
      notes.push_back(report_note("dce-file-ignored", std::move(path),
                                  "fichier ignoré : seules les pièces .docx, .odt, .md, .txt et .html sont vérifiées",
                                  ignored_hint(name)));
    }
  }
  if (documents.empty())
    notes.push_back(report_note("dce-empty", dce, "le dossier dce/ ne contient aucune pièce à vérifier",
                                "placez-y le CCAP, le RC ou l'acte d'engagement en .docx, .odt, .md, .txt ou .html"));
  return documents;
}

bool is_text_format(document::Format f) {
  return f == document::Format::markdown || f == document::Format::text || f == document::Format::html;
}

// Reads every document; those that can be used are appended to `read`, in the same order.
std::vector<DocumentResult> read_documents(const std::vector<std::string>& paths,
                                           std::vector<document::Document>& read) {
  std::vector<DocumentResult> results;
  for (const std::string& path : paths) {
    DocumentResult r;
    r.path = path;
    r.format = document::format_from_path(path);
    document::ReadResult doc = document::read_document(path);
    r.diagnostics = std::move(doc.diagnostics);
    if (doc.document) {
      r.kind = document_kind(*doc.document);
      // Text formats show the offending line under a message, as tender files do; their readers end lines
      // at LF only (split_lines), so the line shown is the one they number.
      if (is_text_format(doc.document->format))
        if (io::ReadResult text = io::read_file(path); text.text)
          r.source.emplace(path, std::move(*text.text), SourceText::LineEnds::lf);
      read.push_back(std::move(*doc.document));
    }
    results.push_back(std::move(r));
  }
  return results;
}

// Gives each finding of check_documents to the document it names; a finding about none of them (about
// the set) stays with the tender file.
void distribute(Diagnostics findings, FileResult& r) {
  for (Diagnostic& d : findings) {
    auto doc = std::find_if(r.documents.begin(), r.documents.end(),
                            [&](const DocumentResult& x) { return x.path == d.path; });
    (doc == r.documents.end() ? r.diagnostics : doc->diagnostics).push_back(std::move(d));
  }
}

std::string count(int n, std::string_view singular, std::string_view plural) {
  // French: 0 and 1 take the singular.
  return fmt::format("{} {}", n, n > 1 ? plural : singular);
}

int document_count(const std::vector<FileResult>& files) {
  int n = 0;
  for (const auto& f : files) n += static_cast<int>(f.documents.size());
  return n;
}

nlohmann::ordered_json findings_json(const Diagnostics& diags) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : diags) list.push_back(io::diagnostic_json(d));
  return list;
}

}  // namespace

bool has_paragraph_positions(const DocumentResult& d) {
  return d.format && (*d.format == document::Format::docx || *d.format == document::Format::odt);
}

std::span<const RuleInfo> report_rule_catalogue() { return report_catalogue; }

FileResult check_file(const std::string& argument, const rules::RuleSet& rules) {
  return check_file(argument, {}, rules);
}

FileResult check_file(const std::string& argument, const std::vector<std::string>& documents,
                      const rules::RuleSet& rules) {
  tender::LoadedFile loaded = tender::load_tender(argument);
  // Before the diagnostics move out of the load result: ok() reads them.
  const bool loaded_ok = loaded.result.ok();
  FileResult r;
  r.path = tender::tender_path(argument);
  r.source = std::move(loaded.source);
  r.diagnostics = std::move(loaded.result.diagnostics);

  std::vector<std::string> paths = documents;
  // A folder is an operation's when it holds a readable tender.yaml: only then is its dce/ searched.
  if (paths.empty() && r.source && io::is_directory(argument)) {
    std::string dce = folder_of_argument(argument) + "/dce";
    if (io::FolderListing listing = io::list_folder(dce); listing.exists)
      paths = list_dce(dce, std::move(listing), r.diagnostics);
  }
  std::vector<document::Document> read;
  r.documents = read_documents(paths, read);

  bool usable = false;
  if (loaded.result.tender) {
    const tender::Tender& t = *loaded.result.tender;
    if (!t.id.value.empty()) r.tender_id = t.id.value;
    // Policy rules run on a partial tender too, so independent mistakes are all reported in one run.
    tender::Resolution res = tender::resolve(t, rules);
    std::optional<hours::TenderResult> computed;
    if (loaded_ok && res.ok()) computed = hours::compute(t, res);
    Diagnostics findings = check_tender(t, res, rules, computed ? &*computed : nullptr);
    r.diagnostics.insert(r.diagnostics.end(), res.diagnostics.begin(), res.diagnostics.end());
    r.diagnostics.insert(r.diagnostics.end(), findings.begin(), findings.end());
    if (computed && !read.empty()) {
      usable = true;
      distribute(check_documents(read, t, *computed, rules), r);
      for (DocumentResult& d : r.documents)
        d.checked = std::any_of(read.begin(), read.end(), [&](const document::Document& x) { return x.path == d.path; });
    }
  }
  if (!usable) {
    // What the documents say cannot be compared with hours that do not compute: say so for each
    // document read, so that "0 erreur" on it is not taken for a clean draft.
    for (DocumentResult& d : r.documents) {
      if (has_category(d.diagnostics, Category::io) || has_category(d.diagnostics, Category::input)) continue;
      d.diagnostics.push_back(report_note(
          "documents-unchecked", d.path,
          fmt::format("pièce non vérifiée : le fichier de consultation {} n'est pas utilisable en l'état", r.path),
          "corrigez d'abord les erreurs du fichier de consultation, puis relancez"));
    }
  }
  sort_diagnostics(r.diagnostics);
  for (DocumentResult& d : r.documents) sort_diagnostics(d.diagnostics);
  return r;
}

Diagnostics all_diagnostics(const std::vector<FileResult>& files) {
  Diagnostics all;
  for (const auto& f : files) {
    all.insert(all.end(), f.diagnostics.begin(), f.diagnostics.end());
    for (const auto& d : f.documents) all.insert(all.end(), d.diagnostics.begin(), d.diagnostics.end());
  }
  return all;
}

std::string summary_line(const std::vector<FileResult>& files) {
  Diagnostics all = all_diagnostics(files);
  int n = static_cast<int>(files.size());
  int documents = document_count(files);
  // "vérifiés" agrees with the whole: plural as soon as two things were checked.
  std::string checked = documents == 0
                            ? fmt::format("{} {}", count(n, "fichier", "fichiers"), n > 1 ? "vérifiés" : "vérifié")
                            : fmt::format("{} et {} vérifiés", count(n, "fichier", "fichiers"),
                                          count(documents, "pièce", "pièces"));
  return fmt::format("{} : {}, {}, {}\n", checked, count(count_severity(all, Severity::error), "erreur", "erreurs"),
                     count(count_severity(all, Severity::warning), "avertissement", "avertissements"),
                     count(count_severity(all, Severity::note), "remarque", "remarques"));
}

std::string render_text(const std::vector<FileResult>& files, const RenderOptions& options) {
  std::string out;
  auto shown = [&](const Diagnostic& d) { return !options.errors_only || is_error(d); };
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics)
      if (shown(d)) out += render_diagnostic(d, options.show_source && f.source ? &*f.source : nullptr);
    for (const auto& doc : f.documents) {
      const SourceText* source = options.show_source && doc.source ? &*doc.source : nullptr;
      for (const auto& d : doc.diagnostics) {
        if (!shown(d)) continue;
        if (!has_paragraph_positions(doc) || d.pos.line <= 0) {
          out += render_diagnostic(d, source);
          continue;
        }
        // A Word or ODF position is a paragraph number: "ccap.docx:34:0:" would read as a line of a
        // text file, so the paragraph is named instead, and there is no line of text to show.
        Diagnostic named = d;
        named.path = fmt::format("{}, paragraphe {}", d.path, d.pos.line);
        named.pos = {};
        out += render_diagnostic(named, nullptr);
      }
    }
  }
  return options.errors_only ? out : out + summary_line(files);
}

std::string render_json(const std::vector<FileResult>& files, const rules::RuleSet& rules) {
  nlohmann::ordered_json doc;
  doc["format"] = "clausier/check/1";
  doc["rules"] = {{"version", rules.version()}, {"sha256", rules.sha256()}};
  doc["files"] = nlohmann::ordered_json::array();
  for (const auto& f : files) {
    nlohmann::ordered_json file;
    file["path"] = f.path;
    file["tender"] = f.tender_id ? nlohmann::ordered_json(*f.tender_id) : nlohmann::ordered_json(nullptr);
    file["findings"] = findings_json(f.diagnostics);
    // Only with documents: the output of a tender-only run stays what it always was.
    if (!f.documents.empty()) {
      file["documents"] = nlohmann::ordered_json::array();
      for (const auto& d : f.documents) {
        file["documents"].push_back(
            {{"path", d.path},
             {"format", d.format ? nlohmann::ordered_json(std::string(document::name(*d.format)))
                                 : nlohmann::ordered_json(nullptr)},
             {"kind", d.kind ? nlohmann::ordered_json(std::string(name(*d.kind))) : nlohmann::ordered_json(nullptr)},
             {"checked", d.checked},
             {"findings", findings_json(d.diagnostics)}});
      }
    }
    doc["files"].push_back(std::move(file));
  }
  Diagnostics all = all_diagnostics(files);
  doc["summary"] = {{"files", files.size()}};
  if (int documents = document_count(files); documents > 0) doc["summary"]["documents"] = documents;
  doc["summary"]["errors"] = count_severity(all, Severity::error);
  doc["summary"]["warnings"] = count_severity(all, Severity::warning);
  doc["summary"]["notes"] = count_severity(all, Severity::note);
  doc["summary"]["exit_code"] = exit_code_for(all);
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

int exit_code(const std::vector<FileResult>& files) { return exit_code_for(all_diagnostics(files)); }

}  // namespace clausier::check
