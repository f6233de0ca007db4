// The tables of the embedded data pack that several tests read, loaded once per test binary.
#ifndef CROSSWIRE_TESTS_EMBEDDED_TABLES_H_
#define CROSSWIRE_TESTS_EMBEDDED_TABLES_H_

#include <catch2/catch.hpp>
#include <memory>
#include <utility>

#include "base_forms.h"
#include "data_pack.h"
#include "gazetteer.h"

namespace crosswire::testing {

inline const BaseForms& EmbeddedBaseForms() {
  static const BaseForms forms = [] {
    auto loaded = BaseForms::Load(DataPack::Embedded());
    REQUIRE(loaded.ok());
    return std::move(loaded).value();
  }();
  return forms;
}

inline const Gazetteer& EmbeddedGazetteer() {
  static const std::unique_ptr<Gazetteer> gazetteer = [] {
    auto created = Gazetteer::Create(DataPack::Embedded());
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return *gazetteer;
}

}  // namespace crosswire::testing

#endif  // CROSSWIRE_TESTS_EMBEDDED_TABLES_H_
