// SPDX-License-Identifier: Apache-2.0
#include "frontends/windows/wf_program_path.h"

#include <array>

namespace fwlint::windows {
namespace {

struct Variable {
  std::string_view name;   // lower case, with the percent signs
  std::string_view value;  // lower case
};

// The values of a default Windows installation on drive C:.
constexpr std::array<Variable, 10> kSystemVariables = {{
    {"%systemroot%", "c:\\windows"},
    {"%windir%", "c:\\windows"},
    {"%systemdrive%", "c:"},
    {"%programfiles%", "c:\\program files"},
    {"%programfiles(x86)%", "c:\\program files (x86)"},
    {"%programw6432%", "c:\\program files"},
    {"%programdata%", "c:\\programdata"},
    {"%allusersprofile%", "c:\\programdata"},
    {"%commonprogramfiles%", "c:\\program files\\common files"},
    {"%commonprogramfiles(x86)%", "c:\\program files (x86)\\common files"},
}};

}  // namespace

std::string normalize_program_path(std::string_view path) {
  while (path.size() >= 2 && path.front() == '"' && path.back() == '"') path = path.substr(1, path.size() - 2);
  std::string lower;
  lower.reserve(path.size());
  for (char c : path) {
    if (c == '/') c = '\\';
    lower += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  std::string out;
  for (std::size_t i = 0; i < lower.size();) {
    bool expanded = false;
    if (lower[i] == '%') {
      for (const Variable& v : kSystemVariables) {
        if (std::string_view(lower).substr(i, v.name.size()) == v.name) {
          out += v.value;
          i += v.name.size();
          expanded = true;
          break;
        }
      }
    }
    if (expanded) continue;
    // "c:\\windows" after .reg unescaping is already single; doubled
    // separators mean the same directory to Windows.
    if (lower[i] == '\\' && out.size() > 1 && out.back() == '\\') {
      ++i;
      continue;
    }
    out += lower[i++];
  }
  return out;
}

bool has_unexpanded_variable(std::string_view normalized) {
  std::size_t first = normalized.find('%');
  return first != std::string_view::npos && normalized.find('%', first + 1) != std::string_view::npos;
}

}  // namespace fwlint::windows
