// SPDX-License-Identifier: Apache-2.0
#include "frontends/windows/xml_elements.h"

namespace fwlint::windows {

using tinyxml2::XMLElement;
using tinyxml2::XMLNode;

namespace {

std::string_view trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view local_name(const char* qualified) {
  std::string_view s(qualified ? qualified : "");
  std::size_t colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

std::string_view prefix_of(const char* qualified) {
  std::string_view s(qualified ? qualified : "");
  std::size_t colon = s.rfind(':');
  return colon == std::string_view::npos ? std::string_view() : s.substr(0, colon);
}

bool named(const XMLElement* e, std::string_view local) { return local_name(e->Name()) == local; }

std::string text_of(const XMLElement* e) {
  if (e == nullptr) return {};
  std::string text;
  for (const XMLNode* n = e->FirstChild(); n; n = n->NextSibling())
    if (n->ToText()) text += n->Value();
  return std::string(trim(text));
}

const XMLElement* child_named(const XMLElement* e, std::string_view local) {
  if (e == nullptr) return nullptr;
  for (const XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement())
    if (named(c, local)) return c;
  return nullptr;
}

const XMLElement* parent_element(const XMLElement* e) {
  return e->Parent() ? e->Parent()->ToElement() : nullptr;
}

const XMLElement* next_element(const XMLElement* e, bool skip_children) {
  if (!skip_children)
    if (const XMLElement* c = e->FirstChildElement()) return c;
  for (; e; e = parent_element(e))
    if (const XMLElement* s = e->NextSiblingElement()) return s;
  return nullptr;
}

bool contains_element(const XMLElement* root, std::string_view local) {
  for (const XMLElement* e = root; e; e = next_element(e, false))
    if (named(e, local)) return true;
  return false;
}

std::optional<std::string_view> bound_namespace(const XMLElement* e, std::string_view prefix) {
  std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (; e; e = parent_element(e))
    if (const char* value = e->Attribute(attribute.c_str())) return std::string_view(value);
  return std::nullopt;
}

}  // namespace fwlint::windows
