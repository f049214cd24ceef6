#pragma once
// CoNLL-U files (UD English EWT, GUM's dep/ folder) as tagger corpora: read by the one CoNLL-U
// reader (parse/Treebank.h: syntactic words only), keeping UPOS per word.
//
// Text: a sentence's "# text = ..." comment when present, each word found in it in order
// (words joined by single spaces otherwise). Documents start at "# newdoc id = ..." (one per
// file otherwise). A document whose words are all "_" (text not distributed, as GUM's Reddit
// documents) is skipped.
//
// Named entities (GUM): the MISC column's Entity= annotation, "(id-type..." opening and
// "id)" closing a mention. A mention of type person, organization or place whose head word
// (the one whose head lies outside the mention) is PROPN is a named entity (PER, ORG, LOC),
// trimmed to the name: cut before the first of "in at , ( from near who which that on" after
// the head, leading DET/PRON and trailing PART/PUNCT dropped. Every other mention is
// `unscored`. This is the definition ../shared/tools/scoreboard.py scores GUM by.
//
// Throws InputError("path:line: reason") for a missing file or folder, or a malformed line (see
// parse/Treebank.h). Pure functions; thread-safe.

#include <string>
#include <string_view>

#include "evaluate/TaggedCorpus.h"

namespace skein::evaluate {

// `path` is a .conllu file or a folder of them (read in name order).
TaggedCorpus read_conllu(const std::string& path);
void parse_conllu(std::string_view content, const std::string& source, TaggedCorpus& into);

}  // namespace skein::evaluate
