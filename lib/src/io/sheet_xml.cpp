// XML parts as a stream of events, with libxml2's SAX2 push parser (see sheet_xml.hpp).
#include "sheet_xml.hpp"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <cstring>
#include <mutex>
#include <string>

namespace clausier::io::detail {
namespace {

std::string_view view(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

std::string_view reason(const xmlError& error) {
  switch (error.code) {
    case XML_ERR_DOCUMENT_EMPTY: return "partie vide";
    case XML_ERR_DOCUMENT_END: return "fin inattendue : balises non fermées ou contenu après la fin (partie tronquée ?)";
    case XML_ERR_TAG_NAME_MISMATCH: return "balise fermante qui ne correspond pas à la balise ouverte";
    case XML_ERR_TAG_NOT_FINISHED: return "balise jamais fermée (partie tronquée ?)";
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_ENTITYREF_NO_NAME: return "référence d'entité inconnue ou mal formée";
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_CHARREF:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_HEX_CHARREF: return "caractère interdit en XML";
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING: return "encodage des caractères invalide";
    case XML_ERR_ATTRIBUTE_REDEFINED: return "attribut répété";
    case XML_ERR_LT_IN_ATTRIBUTE:
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE: return "attribut mal formé";
    case XML_ERR_GT_REQUIRED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_NAME_REQUIRED: return "balise mal formée";
    case XML_ERR_NO_MEMORY: return "mémoire insuffisante";
    default: break;
  }
  if (error.message != nullptr && std::strstr(error.message, "depth") != nullptr)
    return "éléments imbriqués sur trop de niveaux";
  if (error.message != nullptr && std::strstr(error.message, "huge") != nullptr) return "texte ou nom trop long";
  return "XML mal formé";
}

void silent(void*, const char*, ...) {}

}  // namespace

std::string_view XmlAttributes::get(std::string_view local, std::string_view uri) const {
  // libxml2 gives five pointers per attribute: local name, prefix, URI, value start, value end.
  for (int i = 0; i < count_; ++i) {
    const xmlChar** a = raw_ + 5 * i;
    if (view(a[0]) == local && view(a[2]) == uri)
      return std::string_view(reinterpret_cast<const char*>(a[3]), static_cast<std::size_t>(a[4] - a[3]));
  }
  return {};
}

bool XmlAttributes::has(std::string_view local, std::string_view uri) const {
  for (int i = 0; i < count_; ++i) {
    const xmlChar** a = raw_ + 5 * i;
    if (view(a[0]) == local && view(a[2]) == uri) return true;
  }
  return false;
}

struct XmlStream::Impl {
  XmlHandler& handler;
  xmlSAXHandler sax{};
  xmlParserCtxtPtr context = nullptr;
  bool stopped = false;
  bool doctype = false;
  std::string error;

  explicit Impl(XmlHandler& h) : handler(h) {
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = [](void* self, const xmlChar* local, const xmlChar*, const xmlChar* uri, int, const xmlChar**,
                            int count, int, const xmlChar** attributes) {
      auto& impl = *static_cast<Impl*>(self);
      if (!impl.stopped) impl.handler.start(view(uri), view(local), XmlAttributes(attributes, count));
    };
    sax.endElementNs = [](void* self, const xmlChar* local, const xmlChar*, const xmlChar* uri) {
      auto& impl = *static_cast<Impl*>(self);
      if (!impl.stopped) impl.handler.end(view(uri), view(local));
    };
    sax.characters = [](void* self, const xmlChar* text, int length) {
      auto& impl = *static_cast<Impl*>(self);
      if (!impl.stopped)
        impl.handler.text(std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length)));
    };
    sax.ignorableWhitespace = sax.characters;
    sax.cdataBlock = sax.characters;
    // The first thing libxml2 reports of a DOCTYPE, before reading any declaration in it.
    sax.internalSubset = [](void* self, const xmlChar*, const xmlChar*, const xmlChar*) {
      auto& impl = *static_cast<Impl*>(self);
      impl.doctype = true;
      impl.error = "DOCTYPE (déclarations d'entités XML) refusé par sécurité";
      impl.halt();
    };
    sax.serror = [](void* self, xmlErrorPtr e) {
      auto& impl = *static_cast<Impl*>(self);
      if (e == nullptr || e->level < XML_ERR_FATAL || e->code == XML_ERR_USER_STOP || !impl.error.empty()) return;
      impl.error = fmt::format("ligne {}, colonne {} : {}", e->line, e->int2, reason(*e));
      impl.halt();
    };
    sax.warning = silent;
    sax.error = silent;
    sax.fatalError = silent;
  }
  ~Impl() {
    if (context != nullptr) xmlFreeParserCtxt(context);
  }

  void halt() {
    stopped = true;
    if (context != nullptr) xmlStopParser(context);
  }

  // Created with the first bytes, from which libxml2 detects the encoding.
  bool create(std::string_view first) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    xmlSetGenericErrorFunc(nullptr, silent);  // per thread; the structured handler above gets the parser's errors
    const int head = static_cast<int>(std::min<std::size_t>(first.size(), 4));
    context = xmlCreatePushParserCtxt(&sax, this, first.data(), head, nullptr);
    if (context == nullptr) {
      error = "mémoire insuffisante";
      stopped = true;
      return false;
    }
    xmlCtxtUseOptions(context, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    return parse(first.substr(static_cast<std::size_t>(head)), false);
  }

  bool parse(std::string_view bytes, bool last) {
    if (stopped) return false;
    const int code = xmlParseChunk(context, bytes.data(), static_cast<int>(bytes.size()), last ? 1 : 0);
    if (stopped) return false;
    if (code != 0 || (last && !context->wellFormed)) {
      if (error.empty()) error = "XML mal formé";
      stopped = true;
      return false;
    }
    return true;
  }
};

void XmlHandler::stop_parsing() {
  if (stream_ != nullptr) stream_->stop();
}

XmlStream::XmlStream(XmlHandler& handler) : impl_(std::make_unique<Impl>(handler)) { handler.stream_ = this; }
XmlStream::~XmlStream() { impl_->handler.stream_ = nullptr; }

bool XmlStream::feed(std::string_view chunk) {
  if (impl_->context == nullptr) return chunk.empty() || impl_->create(chunk);
  return impl_->parse(chunk, false);
}

bool XmlStream::finish() {
  if (impl_->context == nullptr) {
    if (impl_->stopped) return false;
    impl_->error = "partie vide";
    impl_->stopped = true;
    return false;
  }
  return impl_->parse({}, true);
}

void XmlStream::stop() { impl_->halt(); }
bool XmlStream::stopped() const { return impl_->stopped; }
const std::string& XmlStream::error() const { return impl_->error; }
bool XmlStream::doctype() const { return impl_->doctype; }

}  // namespace clausier::io::detail
