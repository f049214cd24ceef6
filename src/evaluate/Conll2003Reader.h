#pragma once
// Reads CoNLL-2003 NER files (eng.train, eng.testa): one token a line, space-separated
// columns, the word first and the NER tag last; a blank line between sentences;
// "-DOCSTART-" lines between documents. Tags are IOB1: a name starts with I- unless it
// directly follows a name of the same type, where it starts with B-.
//
// Each sentence's text is its words joined by single spaces; documents are numbered
// "<file name>#<n>" from 0. Throws InputError("path:line: reason") for a missing file, a line
// with fewer than two columns or an unknown tag.
// Pure functions; thread-safe.

#include <string>
#include <string_view>

#include "evaluate/TaggedCorpus.h"

namespace skein::evaluate {

TaggedCorpus read_conll2003(const std::string& path);
TaggedCorpus parse_conll2003(std::string_view content, const std::string& source);

}  // namespace skein::evaluate
