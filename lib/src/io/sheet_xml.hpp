#pragma once
// Private to the spreadsheet readers: XML parts parsed as a stream with libxml2's SAX2 push parser,
// fed chunk by chunk as libzip inflates them, so that a sheet of 200 MB of XML is never held.
//
// Security: a DOCTYPE stops the parsing at once (xlsx and ods never have one; without it no entity
// beyond the five predefined can exist, so nothing expands and nothing is fetched); no network, no DTD
// loading, no entity substitution; libxml2's own limits stay on (depth 256, 10 MB per text node).
// libxml2 never prints: its errors come back here as one French reason.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace clausier::io::detail {

// The attributes of an element as libxml2 gives them (no copy).
class XmlAttributes {
 public:
  XmlAttributes(const unsigned char** raw, int count) : raw_(raw), count_(count) {}
  // The value of the attribute of that local name in namespace `uri` ("" for no namespace), or "".
  std::string_view get(std::string_view local, std::string_view uri = {}) const;
  bool has(std::string_view local, std::string_view uri = {}) const;

 private:
  const unsigned char** raw_;
  int count_;
};

class XmlStream;

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view uri, std::string_view local, const XmlAttributes& attributes) = 0;
  virtual void end(std::string_view uri, std::string_view local) = 0;
  virtual void text(std::string_view text) = 0;  // character data and CDATA, possibly in several calls

 protected:
  // Stops the parsing (a limit reached, a structure refused): the handler records why.
  void stop_parsing();

 private:
  friend class XmlStream;
  XmlStream* stream_ = nullptr;
};

class XmlStream {
 public:
  explicit XmlStream(XmlHandler& handler);  // the handler is this stream's until it is destroyed
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // The next bytes of the part; false once the part is refused (error() says why) or stopped.
  bool feed(std::string_view chunk);
  // The end of the part; false when it is incomplete or refused.
  bool finish();
  // Stops the parsing (what XmlHandler::stop_parsing calls); feed returns false from then on.
  void stop();

  bool stopped() const;
  // Why the part was refused, in French ("ligne 3 : balise fermante qui ne correspond pas..."), or "".
  const std::string& error() const;
  bool doctype() const;  // refused for a DOCTYPE

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausier::io::detail
