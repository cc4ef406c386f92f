// SPDX-License-Identifier: Apache-2.0
/// \file
/// Helpers over tinyxml2 elements for documents whose element names carry
/// prefixes that vary between files (`q1:Value`, `q6:Value`): tinyxml2 is
/// not namespace-aware, so elements are matched by local name and prefixes
/// are resolved by hand.
#pragma once

#include <tinyxml2.h>

#include <optional>
#include <string>
#include <string_view>

namespace fwlint::windows {

/// "q2:Value" -> "Value"; "Value" -> "Value".
std::string_view local_name(const char* qualified);
/// "q2:Value" -> "q2"; "Value" -> "".
std::string_view prefix_of(const char* qualified);
/// Whether the local name of `e` is `local`.
bool named(const tinyxml2::XMLElement* e, std::string_view local);
/// The element's own text (its text and CDATA children, not the text of
/// child elements), trimmed. tinyxml2 has already decoded the entities.
std::string text_of(const tinyxml2::XMLElement* e);
/// The first child element with local name `local`, or nullptr.
const tinyxml2::XMLElement* child_named(const tinyxml2::XMLElement* e, std::string_view local);
const tinyxml2::XMLElement* parent_element(const tinyxml2::XMLElement* e);
/// The element after `e` in document order (its first child unless
/// `skip_children`); nullptr after the last. No recursion: the walk is the
/// same for any depth.
const tinyxml2::XMLElement* next_element(const tinyxml2::XMLElement* e, bool skip_children);
/// Whether `root` or an element below it has the local name `local`.
bool contains_element(const tinyxml2::XMLElement* root, std::string_view local);
/// The namespace bound to `prefix` ("" = the default namespace) on `e` or
/// its nearest ancestor that binds it; nullopt when none does.
std::optional<std::string_view> bound_namespace(const tinyxml2::XMLElement* e,
                                                std::string_view prefix);

}  // namespace fwlint::windows
