#pragma once
// Dependency treebanks in CoNLL-U (Universal Dependencies; UD English EWT, GUM's dep/ files):
// the syntactic words of each sentence with their UPOS tag, head and relation.
//
// Multiword token lines ("3-4 don't") and empty nodes ("8.1") are skipped: the parser works
// on syntactic words. A malformed line is an InputError "file:line: reason".

#include <cstdint>
#include <string>
#include <vector>

namespace skein::parse {

struct TreebankWord {
  std::string form;
  std::string upos;
  int head = 0;          // 1-based index of the head word; 0 = the root
  std::string relation;  // DEPREL, subtypes kept ("nsubj:pass")
};

struct TreebankSentence {
  std::string id;  // "# sent_id" or "file:line"
  std::vector<TreebankWord> words;
};

// Reads every sentence of one CoNLL-U file.
std::vector<TreebankSentence> read_conllu(const std::string& path);

// Whether the sentence's tree is projective (no crossing arcs), which the arc-eager training
// oracle needs.
bool is_projective(const TreebankSentence& sentence);

}  // namespace skein::parse
