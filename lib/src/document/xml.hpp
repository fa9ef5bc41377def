#pragma once
// Private to the document readers: the XML parts of a .docx (WordprocessingML) and of a .odt (ODF)
// turned into paragraphs with pugixml. A part holding a DOCTYPE is refused: neither format uses one
// (OPC forbids it outright), and without one no entity beyond the five predefined can exist, so
// nothing can expand or point outside the file.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/document/read.hpp"

namespace clausier::document::detail {

// The part a relationships part (_rels/.rels, word/_rels/document.xml.rels) names for a relationship
// type ending with `type` ("/officeDocument", "/styles"), resolved against `base` (the folder of the
// source part, "" or "word/"), or "" when there is none or the part is not well-formed.
std::string relationship_target(std::string_view rels_xml, std::string_view type, std::string_view base);

// word/document.xml (and word/styles.xml, possibly empty) as paragraphs; nullopt with a diagnostic
// naming `part` when the XML is not well-formed, has a DOCTYPE, or is no WordprocessingML document.
std::optional<std::vector<Paragraph>> read_wordprocessing(std::string_view document_xml, std::string_view styles_xml,
                                                          const std::string& path, const std::string& part,
                                                          Diagnostics& diags);

// content.xml of an ODF text document as paragraphs; nullopt with a diagnostic as above.
std::optional<std::vector<Paragraph>> read_odf_text(std::string_view content_xml, const std::string& path,
                                                    const std::string& part, Diagnostics& diags);

}  // namespace clausier::document::detail
