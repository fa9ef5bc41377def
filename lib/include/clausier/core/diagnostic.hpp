#pragma once
// A diagnostic is one thing to tell a user about an input: where, how bad, what to do.
#include <string>
#include <vector>

namespace clausier {

// 1-based line and column; 0 means "the whole file".
struct Position {
  int line = 0;
  int column = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

enum class Severity { error, warning, note };

// What a diagnostic means for the exit code (formats.md section 7):
// io: a file could not be read or written (3); input: the input cannot be used (2);
// finding: a rule of `check` is not met (1 when its severity is error).
enum class Category { io, input, finding };

struct Diagnostic {
  std::string rule;        // stable id, e.g. "schema-type", "climate-social-consideration"
  Severity severity = Severity::error;
  Category category = Category::input;
  std::string path;
  Position pos;
  std::string message;     // one line, French
  std::string hint;        // one line fix hint, French; may be empty
  // The source line holds personal data (a refused e-mail, name, phone number...): render_diagnostic
  // never shows it. Set on the refusal itself and on every other diagnostic pointing into the same
  // participant or row, so the value is echoed by none of them.
  bool hide_line = false;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_category(const Diagnostics& diags, Category c);
int count_severity(const Diagnostics& diags, Severity s);
std::string_view severity_name(Severity s);   // "error", "warning", "note"

// What --quiet still shows: an error, or whatever makes the exit code 2 or 3 (an io or input diagnostic).
bool is_error(const Diagnostic& d);

// Exit code for a set of diagnostics: 3 (io) before 2 (input) before 1 (finding of severity error), else 0.
int exit_code_for(const Diagnostics& diags);

// Stable order for output: by path, line, column, then rule id.
void sort_diagnostics(Diagnostics& diags);

}  // namespace clausier
