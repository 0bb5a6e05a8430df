#include "lib/text/number_style.h"

#include <unicode/dcfmtsym.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/numsys.h>

#include <memory>
#include <optional>
#include <vector>

#include "lib/text/icu_internal.h"

// Tested by tests/text/number_style_test.cc.

namespace onoma::text {
namespace {

constexpr std::string_view kSpaces[] = {" ", "\u00A0", "\u202F", "\u2009"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsSpace(std::string_view s) {
  for (std::string_view space : kSpaces) {
    if (s == space) return true;
  }
  return false;
}

// The first space character `s` holds, or empty.
std::string_view SpaceIn(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (std::string_view space : kSpaces) {
      if (s.substr(i, space.size()) == space) return space;
    }
  }
  return {};
}

icu::Locale LocaleOf(std::string_view tag) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(
      icu::StringPiece(tag.data(), static_cast<std::int32_t>(tag.size())),
      status);
  if (U_FAILURE(status)) return icu::Locale::getRoot();
  return locale;
}

struct Separators {
  std::string decimal;
  std::string group;
};

std::optional<Separators> SeparatorsOf(const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu::DecimalFormatSymbols symbols(locale, status);
  if (U_FAILURE(status)) return std::nullopt;
  Separators out;
  out.decimal = FromUnicodeString(
      symbols.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol));
  out.group = FromUnicodeString(
      symbols.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol));
  return out;
}

// The value of `number` as "digits[.digits]" when `from` writes it so and
// it reads as a quantity (number_style.h); nullopt otherwise. `fraction`
// gets the count of fraction digits.
std::optional<std::string> ReadQuantity(std::string_view number,
                                        const Separators& from,
                                        std::size_t& fraction) {
  std::vector<std::string_view> runs;
  std::vector<std::string_view> separators;
  std::size_t i = 0;
  while (i < number.size()) {
    std::size_t start = i;
    if (IsDigit(number[i])) {
      while (i < number.size() && IsDigit(number[i])) ++i;
      runs.push_back(number.substr(start, i - start));
      continue;
    }
    while (i < number.size() && !IsDigit(number[i])) ++i;
    separators.push_back(number.substr(start, i - start));
  }
  // Digits first and last, separators between: d (s d)*.
  if (runs.empty() || !IsDigit(number.front()) || !IsDigit(number.back()) ||
      separators.size() + 1 != runs.size()) {
    return std::nullopt;
  }
  auto is_group = [&](std::string_view s) {
    return s == from.group || (IsSpace(from.group) && IsSpace(s));
  };
  std::size_t integer_runs = runs.size();
  if (!separators.empty() && separators.back() == from.decimal &&
      !is_group(separators.back())) {
    integer_runs = runs.size() - 1;
  }
  for (std::size_t k = 0; k + 1 < integer_runs; ++k) {
    if (!is_group(separators[k])) return std::nullopt;
  }
  if (integer_runs > 1) {
    if (runs[0].size() > 3) return std::nullopt;
    for (std::size_t k = 1; k < integer_runs; ++k) {
      if (runs[k].size() != 3) return std::nullopt;
    }
  }
  std::string integer;
  for (std::size_t k = 0; k < integer_runs; ++k) integer.append(runs[k]);
  if (integer.size() > 1 && integer[0] == '0') return std::nullopt;
  if (integer.size() > 15) return std::nullopt;
  if (integer_runs == 1 && integer_runs == runs.size()) {
    if (integer.size() > 7) return std::nullopt;
    if (integer.size() == 4 && integer >= "1000" && integer <= "2100") {
      return std::nullopt;
    }
  }
  fraction = 0;
  if (integer_runs < runs.size()) {
    fraction = runs.back().size();
    return integer + "." + std::string(runs.back());
  }
  return integer;
}

}  // namespace

std::string RestyleNumber(std::string_view number, std::string_view from,
                          std::string_view to, std::string_view target_form) {
  const std::string as_written(number);
  std::optional<Separators> source = SeparatorsOf(LocaleOf(from));
  if (!source) return as_written;
  std::size_t fraction = 0;
  std::optional<std::string> value = ReadQuantity(number, *source, fraction);
  if (!value) return as_written;

  const icu::Locale target = LocaleOf(to);
  UErrorCode status = U_ZERO_ERROR;
  // Latin digits whatever the locale's default numbering system: the
  // lookup finds numbers in a translation by their ASCII digits.
  std::unique_ptr<icu::NumberingSystem> latn(
      icu::NumberingSystem::createInstanceByName("latn", status));
  if (U_FAILURE(status)) return as_written;
  icu::number::LocalizedNumberFormatter formatter =
      icu::number::NumberFormatter::withLocale(target)
          .adoptSymbols(latn.release())
          .precision(icu::number::Precision::fixedFraction(
              static_cast<std::int32_t>(fraction)));
  icu::number::FormattedNumber formatted = formatter.formatDecimal(
      icu::StringPiece(value->data(), static_cast<std::int32_t>(value->size())),
      status);
  icu::UnicodeString u = formatted.toString(status);
  if (U_FAILURE(status)) return as_written;
  std::string out = FromUnicodeString(u);

  std::optional<Separators> written = SeparatorsOf(target);
  std::string_view own = SpaceIn(target_form);
  if (written && IsSpace(written->group) && !own.empty() &&
      own != written->group) {
    std::string replaced;
    for (std::size_t i = 0; i < out.size();) {
      if (out.compare(i, written->group.size(), written->group) == 0) {
        replaced.append(own);
        i += written->group.size();
      } else {
        replaced.push_back(out[i++]);
      }
    }
    out = std::move(replaced);
  }
  return out;
}

}  // namespace onoma::text
