#include "extract/AnnotatedDocument.h"

#include <utility>

namespace skein::extract {
namespace {

std::string relation_key(const std::string& type, const std::string& source,
                         const std::string& target) {
  std::string key;
  key.reserve(type.size() + source.size() + target.size() + 2);
  key += type;
  key += '\x1f';
  key += source;
  key += '\x1f';
  key += target;
  return key;
}

}  // namespace

int AnnotatedDocument::entity_for(const std::string& label, const std::string& key,
                                  EntityLabel entity_label, std::uint32_t first_token,
                                  bool* created) {
  std::string id = Entity::make_id(label, key);
  const auto it = entity_index_.find(id);
  if (it != entity_index_.end()) {
    *created = false;
    return it->second;
  }
  ResolvedEntity e;
  e.out.id = id;
  e.out.label = label;
  e.out.key = key;
  e.label = entity_label;
  e.first_token = first_token;
  entities.push_back(std::move(e));
  entity_index_.emplace(std::move(id), static_cast<int>(entities.size()) - 1);
  *created = true;
  return static_cast<int>(entities.size()) - 1;
}

void AnnotatedDocument::add_relation(const std::string& type, bool symmetric, std::string source,
                                     std::string target, const std::string& basis,
                                     const Evidence& evidence, const std::string& role,
                                     const std::string& modality, const CorefArguments& coref,
                                     bool former) {
  if (source == target) return;
  CorefArguments words = coref;
  if (symmetric && target < source) {
    std::swap(source, target);
    std::swap(words.source, words.target);
  }
  std::string key = relation_key(type, source, target);
  auto it = relation_index_.find(key);
  if (it == relation_index_.end()) {
    Relation r;
    r.type = type;
    r.source = source;
    r.target = target;
    r.basis = basis;
    if (!role.empty()) r.props["role"] = role;
    if (!modality.empty()) r.props["modality"] = modality;
    if (words.any()) {
      // By entity id, not by end: the store orders a symmetric edge's ends its own way.
      std::string ids, said;
      for (const auto& [id, text] : {std::pair{&source, &words.source}, {&target, &words.target}}) {
        if (text->empty()) continue;
        ids += (ids.empty() ? "" : "; ") + *id;
        said += (said.empty() ? "" : "; ") + *text;
      }
      r.props["coref"] = ids;
      r.props["coref-words"] = said;
    }
    relations.push_back(std::move(r));
    held_now_.push_back(false);
    it = relation_index_.emplace(std::move(key), relations.size() - 1).first;
  }
  Relation& r = relations[it->second];
  if (basis == basis::kText) r.basis = basis::kText;
  if (!words.any() && r.props.erase("coref") != 0) r.props.erase("coref-words");
  if (basis == basis::kText) {
    if (!former) held_now_[it->second] = true;
    if (held_now_[it->second])
      r.props.erase("former");
    else
      r.props["former"] = "true";
  }
  // The most specific role wins: "minister of foreign affairs" over "counterpart".
  if (!role.empty() &&
      (r.props.find("role") == r.props.end() || r.props["role"].size() < role.size())) {
    r.props["role"] = role;
  }
  // One sentence is one piece of evidence, however many rules see the fact in it: two
  // rules matching the same words must not raise the confidence of the edge.
  for (Evidence& e : r.evidence) {
    if (e.span != evidence.span) continue;
    if (evidence.confidence > e.confidence) e = evidence;
    return;
  }
  r.evidence.push_back(evidence);
}

bool AnnotatedDocument::has_relation(const std::string& type, const std::string& source,
                                     const std::string& target) const {
  return relation_index_.count(relation_key(type, source, target)) != 0;
}

}  // namespace skein::extract
