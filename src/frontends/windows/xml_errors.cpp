// SPDX-License-Identifier: Apache-2.0
#include "frontends/windows/xml_errors.h"

namespace fwlint::windows {
namespace {

std::string shortened(std::string_view s, std::size_t max = 80) {
  return s.size() <= max ? std::string(s) : std::string(s.substr(0, max)) + "...";
}

}  // namespace

std::optional<std::size_t> crowded_tag(std::string_view s) {
  auto skip_past = [&](std::string_view end, std::size_t from) {
    std::size_t p = s.find(end, from);
    return p == std::string_view::npos ? s.size() : p + end.size();
  };
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    std::string_view rest = s.substr(i);
    if (rest.starts_with("<!--")) {
      i = skip_past("-->", i + 4);
    } else if (rest.starts_with("<![CDATA[")) {
      i = skip_past("]]>", i + 9);
    } else if (rest.starts_with("<?")) {
      i = skip_past("?>", i + 2);
    } else {
      std::size_t start = i, equals = 0;
      char quote = 0;
      for (++i; i < s.size(); ++i) {
        char c = s[i];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '=') {
          if (++equals > kMaxAttributesPerElement) return start;
        } else if (c == '>') {
          break;
        }
      }
    }
  }
  return std::nullopt;
}

std::string parse_error_message(const tinyxml2::XMLDocument& doc) {
  using namespace tinyxml2;
  std::string element;
  if (const char* s = doc.ErrorStr()) {
    std::string_view str(s);
    std::size_t p = str.find("XMLElement name=");
    if (p != std::string_view::npos) element = shortened(str.substr(p + 16));
  }
  std::string of_element = element.empty() ? "" : " of element '" + element + "'";
  std::string what;
  switch (doc.ErrorID()) {
    case XML_ELEMENT_DEPTH_EXCEEDED:
      return "XML cannot be read: elements nested too deeply (more than " +
             std::to_string(TINYXML2_MAX_ELEMENT_DEPTH) + " levels)";
    case XML_ERROR_EMPTY_DOCUMENT:
      return "XML document is empty";
    case XML_ERROR_MISMATCHED_ELEMENT:
      what = "an end tag does not match the start tag" + of_element;
      break;
    case XML_ERROR_PARSING_ELEMENT:
      what = "malformed or unterminated tag" + of_element;
      break;
    case XML_ERROR_PARSING_ATTRIBUTE:
      what = "malformed or repeated attribute" + of_element;
      break;
    case XML_ERROR_PARSING_TEXT:
      what = "malformed text, or text after the root element";
      break;
    case XML_ERROR_PARSING_CDATA:
      what = "unterminated CDATA section";
      break;
    case XML_ERROR_PARSING_COMMENT:
      what = "unterminated comment";
      break;
    case XML_ERROR_PARSING_DECLARATION:
      what = "malformed XML declaration";
      break;
    case XML_ERROR_PARSING_UNKNOWN:
      what = "malformed <!...> declaration";
      break;
    case XML_ERROR_PARSING:
      what = "an element is never closed (is the file truncated?) or a tag is malformed";
      break;
    default:
      what = doc.ErrorName();
      break;
  }
  return "XML is not well-formed: " + what;
}

}  // namespace fwlint::windows
