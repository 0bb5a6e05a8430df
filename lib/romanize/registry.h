// The schemes onoma knows, by id.
//
//   const Registry& reg = Registry::Default();
//   for (const Scheme* s : reg.List()) std::cout << s->id() << '\n';
//   Result<const Scheme*> s = reg.Find("ru-bgn");
//
// Default() holds every built-in scheme: the tables compiled in from
// tables/romanize/ and the Korean engines. A scheme is built the first
// time it is asked for (the Korean ones together, as they share their
// data), so a command that romanizes with one scheme builds only that one;
// List() builds them all. Default() is safe to use from many threads. A
// Registry of one's own can take extra schemes (a table file of the user's)
// with Add().

#ifndef ONOMA_LIB_ROMANIZE_REGISTRY_H_
#define ONOMA_LIB_ROMANIZE_REGISTRY_H_

#include <memory>
#include <string_view>
#include <vector>

#include "lib/romanize/scheme.h"
#include "lib/util/status.h"

namespace onoma::romanize {

class Registry {
 public:
  Registry();
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // The built-in schemes. Never fails: the built-in tables are validated by
  // the test suite; a broken one aborts with its file and line at startup.
  static const Registry& Default();

  // The scheme with this id, or kNotFound naming the known ids.
  // The pointer lives as long as this registry.
  Result<const Scheme*> Find(std::string_view id) const;

  // Every scheme, sorted by id.
  std::vector<const Scheme*> List() const;

  // Takes ownership. Fails with kBadArgument if the id is taken.
  Status Add(std::unique_ptr<Scheme> scheme);

 private:
  struct Lazy;  // built-in schemes not built yet (registry.cc)
  const Scheme* FindBuilt(std::string_view id) const;

  std::vector<std::unique_ptr<Scheme>> schemes_;
  std::vector<std::unique_ptr<Lazy>> lazy_;
};

}  // namespace onoma::romanize

#endif  // ONOMA_LIB_ROMANIZE_REGISTRY_H_
