#pragma once
// A small store for the serve tests, written through the store's own put():
//
//   Tony Blair (Person) ==met-with== Gordon Brown (Person) --affiliated-with-> Labour (Org)
//       |  affiliated-with ->                                                   ^
//       +-----------------------------------------------------------------------+
//   Jacques Chirac (Person) ==met-with== Tony Blair        (a second document, 2005-02-01)
//   Paris (Place), alone.

#include <rapidjson/document.h>

#include "serve/Api.h"
#include "store/Store.h"
#include "store/StoreFixtures.h"

namespace skein::serve::test {

inline void fill_store(store::Store& store) {
  using store::test::DocBuilder;
  store.put(DocBuilder("doc-1",
                       "Tony Blair met Gordon Brown in London. Blair leads Labour. Brown is a "
                       "Labour minister. Paris was quiet.",
                       "2005-01-10")
                .entity("Person", "tony blair", "Tony Blair", {"Blair"})
                .entity("Person", "gordon brown", "Gordon Brown", {"Brown"})
                .entity("Organization", "labour", "Labour")
                .entity("Place", "paris", "Paris")
                .relation("met-with", "Person:tony blair", "Person:gordon brown",
                          "Tony Blair met Gordon Brown in London.", 0.9)
                .relation("affiliated-with", "Person:tony blair", "Organization:labour",
                          "Blair leads Labour.", 0.8)
                .relation("affiliated-with", "Person:gordon brown", "Organization:labour",
                          "Brown is a Labour minister.", 0.8)
                .get());
  store.put(DocBuilder("doc-2", "Jacques Chirac met Tony Blair in Paris.", "2005-02-01")
                .entity("Person", "jacques chirac", "Jacques Chirac")
                .entity("Person", "tony blair", "Tony Blair")
                .relation("met-with", "Person:jacques chirac", "Person:tony blair",
                          "Jacques Chirac met Tony Blair in Paris.", 0.7)
                .get());
}

inline rapidjson::Document parse(const std::string& body) {
  rapidjson::Document document;
  document.Parse(body.c_str(), body.size());
  return document;
}

}  // namespace skein::serve::test
