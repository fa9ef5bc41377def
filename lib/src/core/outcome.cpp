#include "clausier/core/outcome.hpp"

#include <fmt/format.h>

namespace clausier {

std::string binary_output_error(std::string_view format, std::string_view document, std::string_view output,
                                bool stdout_is_terminal) {
  if (output.empty())
    return fmt::format("--format {0} écrit {1} : indiquez-le avec -o FICHIER.{0}, ou avec -o - pour la sortie "
                       "standard redirigée (> FICHIER.{0}, | programme)",
                       format, document);
  if (output == "-" && stdout_is_terminal)
    return fmt::format("--format {0} -o - : {1} ne s'affiche pas dans un terminal ; redirigez la sortie standard "
                       "(> FICHIER.{0}, | programme) ou indiquez le fichier avec -o FICHIER.{0}",
                       format, document);
  return {};
}

}  // namespace clausier
