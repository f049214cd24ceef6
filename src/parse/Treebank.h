#pragma once
// CoNLL-U (Universal Dependencies; UD English EWT, GUM's dep/ files): the one reader of the
// format. Ten tab-separated columns per word, comment lines starting with '#', a blank line
// after each sentence. Multiword token lines ("3-4 don't") and empty nodes ("8.1") are skipped:
// readers see syntactic words.
//
//  - read_conllu_sentences: every sentence as the file gives it (words with every column the
//    readers use, and the comments "# sent_id = ", "# text = ", "# newdoc id = "), for the
//    dependency parser below and for the tagger corpora (evaluate/ConlluReader.h).
//  - read_conllu: a treebank for the parser: every word has a form, UPOS, head and relation.
//
// A malformed line is an InputError "file:line: reason": a word line without ten columns
// ("expected 10 tab-separated columns, found 4"), a word id that is not the next number
// ("bad word id '3'"), a head that is not a number or "_" ("bad head 'x'"). Pure functions;
// thread-safe.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skein::parse {

// One syntactic word, as its line gives it.
struct ConlluWord {
  std::string form;      // column 2
  std::string upos;      // column 4
  int head = -1;         // column 7: 1-based index of the head word, 0 = the root, -1 = "_"
  std::string relation;  // column 8, DEPREL, subtypes kept ("nsubj:pass")
  std::string misc;      // column 10
  std::size_t line = 0;  // 1-based line number in the source
};

// One sentence and the comments before it.
struct ConlluSentence {
  std::size_t first_line = 0;         // its first line, comment or word
  std::string sent_id;                // "# sent_id = ..." or empty
  std::optional<std::string> text;    // "# text = ..."
  std::optional<std::string> newdoc;  // "# newdoc id = ...": a document starts here
  std::vector<ConlluWord> words;      // never empty
};

// Calls `on_sentence` for every sentence of `content` in order (`source` names it in errors).
// A "# newdoc id" line also ends a sentence that has no blank line after it.
void read_conllu_sentences(std::string_view content, const std::string& source,
                           const std::function<void(ConlluSentence&)>& on_sentence);

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

// Reads every sentence of one CoNLL-U file; also refuses an empty form, UPOS or relation, a
// head given as "_" and a head past the end of its sentence.
std::vector<TreebankSentence> read_conllu(const std::string& path);

// Whether the sentence's tree is projective (no crossing arcs), which the arc-eager training
// oracle needs.
bool is_projective(const TreebankSentence& sentence);

}  // namespace skein::parse
