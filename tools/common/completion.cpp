#include "completion.hpp"

#include <fmt/format.h>

#include <iostream>
#include <string_view>
#include <vector>

#include "cli.hpp"

namespace clausier::cli {

namespace {

// What the word after an option, or in a positional place, can be. Read from the option's type name,
// which every tool sets: `FICHIER`, `DOSSIER`, `FICHIER|DOSSIER`, `LOT` or `ID` (a lot of the
// operation on the line), `LOT=HEURES`; CLI11's IsMember validator appends `:{text,json}`.
struct Values {
  enum Kind { none, one_of, file, dir, lot, lot_assignment } kind = none;
  std::vector<std::string> choices;
  std::string label;  // the type name without the validator, shown by zsh
};

struct Opt {
  std::vector<std::string> names;  // "-o", "--output"
  std::string description;
  bool takes_value = false;
  bool repeatable = false;
  bool exclusive = false;  // --help, --version: nothing else after them
  Values values;
};

struct Positional {
  std::string name;
  bool required = false;
  bool repeated = false;
  Values values;
};

struct Command {
  std::string name;
  std::string description;
  std::vector<Opt> options;
  std::vector<Positional> positionals;
  std::vector<Command> subcommands;
};

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find(separator, start)) != std::string_view::npos; start = end + 1)
    parts.emplace_back(text.substr(start, end - start));
  parts.emplace_back(text.substr(start));
  return parts;
}

std::string one_line(std::string text) {
  for (auto& c : text)
    if (c == '\n') c = ' ';
  return text;
}

Values values_of(const CLI::Option& opt) {
  std::vector<std::string> parts = split(opt.get_type_name(), ':');
  Values v;
  v.label = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (p.size() >= 2 && p.front() == '{' && p.back() == '}') {
      v.kind = Values::one_of;
      for (const auto& choice : split(std::string_view(p).substr(1, p.size() - 2), ','))
        v.choices.push_back(choice.substr(0, choice.find("->")));  // a Transformer shows "name->value"
      return v;
    }
    if (p == "FILE") v.kind = Values::file;
    if (p == "DIR") v.kind = Values::dir;
  }
  if (v.kind != Values::none) return v;
  const std::string& type = v.label;
  if (type.find("FICHIER") != std::string::npos || type.find("FILE") != std::string::npos) v.kind = Values::file;
  else if (type.find("DOSSIER") != std::string::npos || type.find("DIR") != std::string::npos) v.kind = Values::dir;
  else if (type == "LOT" || type == "ID") v.kind = Values::lot;
  else if (type.rfind("LOT=", 0) == 0) v.kind = Values::lot_assignment;
  return v;
}

void add_options(const CLI::App& app, Command& command) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // hidden
    if (!opt->nonpositional()) {
      command.positionals.push_back({opt->get_name(), opt->get_required(), opt->get_items_expected_max() > 1,
                                     values_of(*opt)});
      continue;
    }
    Opt o;
    for (const auto& s : opt->get_snames()) o.names.push_back("-" + s);
    for (const auto& l : opt->get_lnames()) o.names.push_back("--" + l);
    o.description = one_line(opt->get_description());
    o.takes_value = opt->get_items_expected_max() > 0;  // a flag expects nothing
    o.repeatable = o.takes_value && (opt->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll ||
                                     opt->get_expected_max() > 1);
    o.exclusive = opt == app.get_help_ptr() || opt == app.get_version_ptr();
    if (o.takes_value) o.values = values_of(*opt);
    command.options.push_back(std::move(o));
  }
  // Unnamed subcommands are CLI11's option groups: their options belong to this command.
  for (const CLI::App* sub : app.get_subcommands({}))
    if (sub->get_name().empty()) add_options(*sub, command);
}

Command describe(const CLI::App& app, const Command* parent) {
  Command command{app.get_name(), one_line(app.get_description()), {}, {}, {}};
  add_options(app, command);
  if (parent != nullptr && app.get_fallthrough()) {
    // Options the subcommand does not know go to its parent: complete them too.
    for (const auto& o : parent->options) {
      bool known = false;
      for (const auto& mine : command.options) known = known || mine.names == o.names;
      if (!known) command.options.push_back(o);
    }
  }
  for (const CLI::App* sub : app.get_subcommands({}))
    if (!sub->get_name().empty()) command.subcommands.push_back(describe(*sub, &command));
  return command;
}

// Lot ids come from the tool's own calculator: the `lot` column of `clausier-hours --format csv`.
constexpr std::string_view lot_column_awk =
    R"awk(NR == 1 { for (i = 1; i <= NF; i++) if ($i == "lot") c = i; next } c { print $c })awk";

// ---- bash ----------------------------------------------------------------------------------------

std::string sh_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string bash_kind(const Values& v) {
  switch (v.kind) {
    case Values::one_of: {
      std::string words;
      for (const auto& c : v.choices) words += (words.empty() ? "" : " ") + c;
      return "choices:" + words;
    }
    case Values::file: return "file";
    case Values::dir: return "dir";
    case Values::lot: return "lot";
    case Values::lot_assignment: return "lot=";
    case Values::none: break;
  }
  return "none";
}

// One table row per fact: "PATH opts", "PATH subs", "PATH pos N" (or "pos *" for the repeated last
// one), and "PATH OPTION" for each option that takes a value.
void bash_table(const Command& command, const std::string& path, std::string& out) {
  auto row = [&](const std::string& key, const std::string& value) {
    out += fmt::format("  [{}]={}\n", sh_quote(path + " " + key), sh_quote(value));
  };
  std::string names;
  for (const auto& o : command.options)
    for (const auto& n : o.names) names += (names.empty() ? "" : " ") + n;
  row("opts", names);
  std::string subs;
  for (const auto& s : command.subcommands) subs += (subs.empty() ? "" : " ") + s.name;
  if (!subs.empty()) row("subs", subs);
  for (std::size_t i = 0; i < command.positionals.size(); ++i) {
    const Positional& p = command.positionals[i];
    row(p.repeated ? "pos *" : fmt::format("pos {}", i), bash_kind(p.values));
  }
  for (const auto& o : command.options)
    if (o.takes_value)
      for (const auto& n : o.names) row(n, bash_kind(o.values));
  for (const auto& s : command.subcommands) bash_table(s, path + " " + s.name, out);
}

// The engine is the same text in every tool's script: the last one loaded wins, harmlessly.
constexpr std::string_view bash_engine = R"bash(
# __clausier_complete TABLE COMMAND FIRST: completes COMP_WORDS[COMP_CWORD], for COMMAND whose name is
# COMP_WORDS[FIRST], from TABLE (an associative array: see the rows above).
__clausier_complete() {
  local -n table=$1
  local path=$2 cur=${COMP_WORDS[COMP_CWORD]} word value_of= op_option= op_word= npos=0 i=$(($3 + 1))
  while (( i < COMP_CWORD )); do
    word=${COMP_WORDS[i]}
    if [[ $word == -?* && -n ${table["$path $word"]} ]]; then   # an option, then its value
      (( ++i < COMP_CWORD )) && [[ ${COMP_WORDS[i]} == = ]] && (( ++i ))
      if (( i == COMP_CWORD )); then value_of=$word; elif [[ $word == --operation ]]; then op_option=${COMP_WORDS[i]}; fi
    elif [[ $word == = ]]; then                                   # NAME=VALUE split by COMP_WORDBREAKS
      (( i + 1 == COMP_CWORD )) && return
      (( i++ ))
    elif [[ $word == --operation=* ]]; then op_option=${word#*=}
    elif [[ $word == -* ]]; then :
    elif [[ " ${table["$path subs"]} " == *" $word "* ]]; then path+=" $word"; npos=0
    else
      [[ -z $op_word && -e $word ]] && op_word=$word
      (( npos++ ))
    fi
    (( i++ ))
  done
  local operation=${op_option:-$op_word} prefix=
  if [[ -z $value_of && $cur == --*=* && -n ${table["$path ${cur%%=*}"]} ]]; then   # --format=j in one word
    value_of=${cur%%=*}; prefix=${cur%%=*}=; cur=${cur#*=}
  fi
  if [[ -n $value_of ]]; then
    [[ $cur == = ]] && cur=
    __clausier_values "${table["$path $value_of"]}" "$cur" "$operation" "$prefix"
  elif [[ $cur == -* ]]; then
    __clausier_words "${table["$path opts"]}" "$cur"
  else
    __clausier_words "${table["$path subs"]}" "$cur"
    local kind=${table["$path pos $npos"]:-${table["$path pos *"]}}
    [[ -n $kind ]] && __clausier_values "$kind" "$cur" "$operation"
  fi
}

# __clausier_words WORDS CUR [PREFIX]: adds to COMPREPLY the WORDS that start with CUR.
__clausier_words() {
  local IFS=$' \t\n'
  mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -P "${3-}" -W "$1" -- "$2")
}

# __clausier_values KIND CUR OPERATION [PREFIX]: adds the values of KIND that start with CUR.
__clausier_values() {
  case $1 in
    choices:*) __clausier_words "${1#choices:}" "$2" "${4-}" ;;
    file)
      compopt -o filenames 2>/dev/null
      mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$2") ;;
    dir)
      compopt -o filenames 2>/dev/null
      mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -d -- "$2") ;;
    lot|lot=)
      [[ -e $3 ]] || return
      local hours=clausier-hours
      [[ ${COMP_WORDS[0]} == */* ]] && hours=${COMP_WORDS[0]%/*}/clausier-hours
      local lots
      lots=$("$hours" --format csv -- "$3" 2>/dev/null | awk -F';' '@AWK@')
      [[ -n $lots ]] || return
      if [[ $1 == lot= ]]; then
        compopt -o nospace 2>/dev/null
        lots=$(printf '%s=\n' $lots)
      fi
      __clausier_words "$lots" "$2" ;;
  esac
}
)bash";

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string identifier(const std::string& tool) { return replace_all(tool, "-", "_"); }

// ---- zsh -----------------------------------------------------------------------------------------

// Escapes what _arguments reads specially in a description ([...]) or a message (:...:).
std::string zsh_escape(std::string_view text, std::string_view special) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || special.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string zsh_action(const Values& v) {
  switch (v.kind) {
    case Values::one_of: {
      std::string words;
      for (const auto& c : v.choices) words += (words.empty() ? "" : " ") + zsh_escape(c, " ()'\"");
      return "(" + words + ")";
    }
    case Values::file: return "_files";
    case Values::dir: return "_files -/";
    case Values::lot: return "__clausier_lots";
    case Values::lot_assignment: return "__clausier_lots =";
    case Values::none: break;
  }
  return " ";
}

std::vector<std::string> zsh_option_specs(const Command& command) {
  std::vector<std::string> specs;
  for (const auto& o : command.options) {
    std::string exclusion;
    if (o.exclusive) exclusion = "(- *)";
    else if (o.names.size() > 1 && !o.repeatable) {
      for (const auto& n : o.names) exclusion += (exclusion.empty() ? "(" : " ") + n;
      exclusion += ")";
    }
    for (const auto& n : o.names) {
      std::string spec = (o.repeatable ? "*" : "") + exclusion + n;
      if (o.takes_value) spec += n.rfind("--", 0) == 0 ? "=" : "+";
      spec += "[" + zsh_escape(o.description, "[]") + "]";
      if (o.takes_value) spec += ":" + zsh_escape(o.values.label, ":") + ":" + zsh_action(o.values);
      specs.push_back(spec);
    }
  }
  return specs;
}

std::string zsh_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += " \\\n    " + sh_quote(w);
  return out;
}

// A command without subcommands: one _arguments call with its options and positionals.
void zsh_leaf(const Command& command, const std::string& name, std::string& out) {
  std::vector<std::string> specs = zsh_option_specs(command);
  for (const auto& p : command.positionals) {
    std::string place = p.repeated ? "*:" : p.required ? ":" : "::";
    specs.push_back(place + zsh_escape(p.name, ":") + ":" + zsh_action(p.values));
  }
  out += fmt::format("{}() {{\n  _arguments -s -S{}\n}}\n\n", name, zsh_words(specs));
}

// A command with subcommands: its options, then a subcommand (or its first positional, then a
// subcommand), whose own function completes the rest. Its options stop at the subcommand.
void zsh_function(const Command& command, const std::string& name, std::string& out) {
  for (const auto& s : command.subcommands) zsh_function(s, name + "_" + s.name, out);
  if (command.subcommands.empty()) return zsh_leaf(command, name, out);
  out += fmt::format("{}() {{\n  local curcontext=$curcontext state state_descr line ret=1\n  local -a commands=(\n", name);
  for (const auto& s : command.subcommands)
    out += fmt::format("    {}\n", sh_quote(zsh_escape(s.name, ":") + ":" + s.description));
  out += fmt::format("  ) specs=({}\n  )\n", zsh_words(zsh_option_specs(command)));
  out += "  _arguments -C -s -S $specs '(-): :->command' '(-)*:: :->argument' && ret=0\n"
         "  case $state in\n    (command)\n      _describe -t commands 'commande' commands && ret=0\n";
  if (!command.positionals.empty() && command.positionals.front().values.kind != Values::none) {
    const Positional& p = command.positionals.front();
    out += fmt::format("      _wanted arguments expl {} {} && ret=0\n", sh_quote(p.name), zsh_action(p.values));
  }
  out += "      ;;\n    (argument)\n      curcontext=${curcontext%:*:*}:" + command.name + "-$words[1]:\n"
         "      case $words[1] in\n";
  for (const auto& s : command.subcommands)
    out += fmt::format("        ({}) {}_{} && ret=0 ;;\n", s.name, name, s.name);
  // After the first positional: the same options, then a subcommand.
  out += "        (*)\n          state=\n          _arguments -s -S $specs ': :->command' && ret=0\n"
         "          [[ $state == command ]] && _describe -t commands 'commande' commands && ret=0\n          ;;\n"
         "      esac\n      ;;\n  esac\n  return ret\n}\n\n";
}

constexpr std::string_view zsh_lots = R"zsh((( $+functions[__clausier_lots] )) ||
__clausier_lots() {  # a lot id of the operation on the line (--operation, or the first existing path)
  local operation= word
  for word in ${words[2,CURRENT-1]}; do
    case $word in
      (--operation=*) operation=${word#*=} ;;
      (-*) ;;
      (*) [[ -z $operation && -e $word ]] && operation=$word ;;
    esac
  done
  (( ${words[(I)--operation]} && ${words[(I)--operation]} < CURRENT - 1 )) && operation=${words[${words[(I)--operation]}+1]}
  [[ -e $operation ]] || return 1
  local -a lots
  lots=(${(f)"$(clausier-hours --format csv -- $operation 2>/dev/null | awk -F';' '@AWK@')"})
  if [[ -n $1 ]]; then compadd -S "$1" -a lots; else compadd -a lots; fi
}

)zsh";

}  // namespace

std::string bash_completion(const CLI::App& app) {
  Command command = describe(app, nullptr);
  std::string id = identifier(command.name);
  std::string out = fmt::format(
      "# bash completion for {0}: made by `{0} --completion bash` from its own command line. Do not edit.\n"
      "declare -gA _{1}_table=(\n",
      command.name, id);
  bash_table(command, command.name, out);
  out += ")\n";
  out += replace_all(std::string(bash_engine), "@AWK@", lot_column_awk);
  out += fmt::format("\n_{0}() {{\n  COMPREPLY=()\n  __clausier_complete _{0}_table {1} 0\n}}\n"
                     "complete -F _{0} {1}\n",
                     id, command.name);
  return out;
}

std::string zsh_completion(const CLI::App& app) {
  Command command = describe(app, nullptr);
  std::string out = fmt::format(
      "#compdef {0}\n# zsh completion for {0}: made by `{0} --completion zsh` from its own command line. Do not "
      "edit.\n\n",
      command.name);
  out += replace_all(std::string(zsh_lots), "@AWK@", lot_column_awk);
  zsh_function(command, "_" + command.name, out);
  out += fmt::format("_{} \"$@\"\n", command.name);
  return out;
}

bool completion_requested(const CLI::App& app, int argc, char** argv, int& exit_code) {
  if (argc < 2 || std::string_view(argv[1]) != "--completion") return false;
  std::string_view shell = argc == 3 ? argv[2] : "";
  if (shell != "bash" && shell != "zsh") {
    print_error(app.get_name(), "--completion : bash ou zsh attendu");
    exit_code = exit_invalid;
    return true;
  }
  std::cout << (shell == "bash" ? bash_completion(app) : zsh_completion(app));
  exit_code = std::cout.flush() ? exit_ok : exit_io;
  return true;
}

}  // namespace clausier::cli
