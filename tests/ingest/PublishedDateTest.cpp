#include <catch2/catch.hpp>

#include "ingest/PublishedDate.h"

using skein::ingest::normalize_published_date;

TEST_CASE("ISO dates and datetimes are normalised to YYYY-MM-DD", "[ingest]") {
  CHECK(normalize_published_date("2022-08-09") == "2022-08-09");
  CHECK(normalize_published_date(" 2022-08-09 ") == "2022-08-09");
  CHECK(normalize_published_date("2022-08-09T23:30:00Z") == "2022-08-09");
  CHECK(normalize_published_date("2022-08-09T23:30:00-05:00") == "2022-08-09");  // kept as written
  CHECK(normalize_published_date("2022-08-09 07:15") == "2022-08-09");
  CHECK(normalize_published_date("20220809") == "2022-08-09");
  CHECK(normalize_published_date("20220809T0715") == "2022-08-09");
  CHECK(normalize_published_date("2024-02-29") == "2024-02-29");
  CHECK(normalize_published_date("2000-02-29") == "2000-02-29");
}

TEST_CASE("values that are not ISO calendar dates give an empty date", "[ingest]") {
  for (const char* bad :
       {"", "yesterday", "May 1, 2024", "2024-05", "2024", "2023-02-29", "1900-02-29", "2024-13-01",
        "2024-00-10", "2024-04-31", "2024-05-01Tomorrow", "202405011", "1714521600", "2024/05/01",
        "0000-01-01"}) {
    INFO(bad);
    CHECK(normalize_published_date(bad).empty());
  }
}
