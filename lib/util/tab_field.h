// One field of tab-separated text with backslash escapes: the TSV that
// pretranslate writes and PostgreSQL's COPY text format, which an import
// and a copy send to a server. Backslash, tab, newline and carriage return
// become \\, \t, \n and \r; every other byte stays as it is, so that the
// field holds no tab or line break of its own.
//
//   std::string row;
//   AppendTabField(row, source);
//   row += '\t';
//   AppendTabField(row, target);

#ifndef ONOMA_LIB_UTIL_TAB_FIELD_H_
#define ONOMA_LIB_UTIL_TAB_FIELD_H_

#include <string>
#include <string_view>

namespace onoma {

inline void AppendTabField(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace onoma

#endif  // ONOMA_LIB_UTIL_TAB_FIELD_H_
