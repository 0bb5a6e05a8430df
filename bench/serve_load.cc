// Load on `onoma serve`: CLIENTS concurrent clients, each on its own
// keep-alive connection, doing lookups back to back for SECONDS; every
// answer checked (HTTP 200 and a JSON object of the expected shape), each
// latency recorded.
//
//   serve_load URL CLIENTS SECONDS TERM_QUERIES TM_QUERIES OUT.csv
//
// TERM_QUERIES has one term query a line (bench/make_termbase.cc
// --queries); TM_QUERIES is bench/make_tm_queries.cc's TSV (the query is
// the 4th field). Each client takes, in turn, four term lookups, one
// memory lookup (en→uk) and one concordance of a word of a memory query,
// starting at its own offset. Prints requests, errors, throughput and the
// latency percentiles per kind and overall; OUT.csv gets one line per
// kind. bench/serve_load.sh runs it.

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

enum Kind { kTerm, kTm, kConcordance, kKinds };
constexpr const char* kKindNames[] = {"term_lookup", "tm_lookup",
                                      "concordance"};

struct Results {
  std::vector<double> ms[kKinds];
  std::uint64_t errors[kKinds] = {};
  std::string first_error;
};

std::vector<std::string> ReadLines(const char* path, int field) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    for (int i = 0; i < field; ++i) {
      auto tab = line.find('\t');
      line = tab == std::string::npos ? "" : line.substr(tab + 1);
    }
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::size_t k =
      static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
  return v[k];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) {
    std::fprintf(stderr,
                 "usage: serve_load URL CLIENTS SECONDS TERM_QUERIES "
                 "TM_QUERIES OUT.csv\n");
    return 2;
  }
  std::string url = argv[1];
  if (!url.empty() && url.back() == '/') url.pop_back();  // scheme://host:port
  const int clients = std::atoi(argv[2]);
  const int seconds = std::atoi(argv[3]);
  const std::vector<std::string> terms = ReadLines(argv[4], 0);
  const std::vector<std::string> sentences = ReadLines(argv[5], 3);
  if (terms.empty() || sentences.empty()) {
    std::fprintf(stderr, "serve_load: no queries\n");
    return 2;
  }
  std::vector<std::string> words;  // for concordance: a word of each query
  for (const std::string& s : sentences) {
    auto space = s.find(' ', s.size() / 2);
    auto end =
        space == std::string::npos ? std::string::npos : s.find(' ', space + 1);
    std::string word = space == std::string::npos
                           ? s.substr(0, 8)
                           : s.substr(space + 1, end - space - 1);
    if (word.size() >= 3) words.push_back(word);
  }

  std::mutex mu;
  Results all;
  const auto stop_at = Clock::now() + std::chrono::seconds(seconds);
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client(url);
      client.set_keep_alive(true);
      client.set_read_timeout(60, 0);
      Results mine;
      std::size_t i = static_cast<std::size_t>(c) * 7919;
      while (Clock::now() < stop_at) {
        const int step = static_cast<int>(i % 6);
        Kind kind = step < 4 ? kTerm : step == 4 ? kTm : kConcordance;
        std::string path;
        if (kind == kTerm) {
          path = "/api/term/lookup?q=" +
                 httplib::detail::encode_query_param(terms[i % terms.size()]);
        } else if (kind == kTm) {
          path = "/api/tm/lookup?from=en&to=uk&q=" +
                 httplib::detail::encode_query_param(
                     sentences[i % sentences.size()]);
        } else {
          path = "/api/tm/concordance?q=" +
                 httplib::detail::encode_query_param(words[i % words.size()]);
        }
        const auto start = Clock::now();
        auto r = client.Get(path);
        const double ms =
            std::chrono::duration<double, std::milli>(Clock::now() - start)
                .count();
        const char* field = kind == kTerm ? "\"concepts\": "
                            : kind == kTm ? "\"matches\": "
                                          : "\"hits\": ";
        if (!r || r->status != 200 || r->body.rfind("{\"query\": ", 0) != 0 ||
            r->body.find(field) == std::string::npos) {
          ++mine.errors[kind];
          if (mine.first_error.empty()) {
            mine.first_error =
                path.substr(0, 80) + ": " +
                (r ? std::to_string(r->status) + " " + r->body.substr(0, 200)
                   : httplib::to_string(r.error()));
          }
        } else {
          mine.ms[kind].push_back(ms);
        }
        ++i;
      }
      std::lock_guard<std::mutex> lock(mu);
      for (int k = 0; k < kKinds; ++k) {
        all.ms[k].insert(all.ms[k].end(), mine.ms[k].begin(), mine.ms[k].end());
        all.errors[k] += mine.errors[k];
      }
      if (all.first_error.empty()) all.first_error = mine.first_error;
    });
  }
  for (std::thread& t : threads) t.join();

  std::FILE* csv = std::fopen(argv[6], "w");
  if (csv == nullptr) {
    std::perror(argv[6]);
    return 1;
  }
  std::fprintf(csv,
               "kind,requests,errors,per_second,p50_ms,p90_ms,p99_ms,"
               "max_ms\n");
  std::printf("%d clients, %d s, %s\n", clients, seconds, url.c_str());
  std::printf("%-12s %9s %7s %8s %8s %8s %8s %8s\n", "kind", "requests",
              "errors", "per_s", "p50_ms", "p90_ms", "p99_ms", "max_ms");
  std::vector<double> overall;
  std::uint64_t errors = 0;
  auto line = [&](const char* name, std::vector<double>& v, std::uint64_t e) {
    const double per_s = static_cast<double>(v.size()) / seconds;
    const double p50 = Percentile(v, 0.50), p90 = Percentile(v, 0.90),
                 p99 = Percentile(v, 0.99);
    const double max = v.empty() ? 0 : *std::max_element(v.begin(), v.end());
    std::printf("%-12s %9zu %7llu %8.1f %8.2f %8.2f %8.2f %8.2f\n", name,
                v.size(), static_cast<unsigned long long>(e), per_s, p50, p90,
                p99, max);
    std::fprintf(csv, "%s,%zu,%llu,%.1f,%.3f,%.3f,%.3f,%.3f\n", name, v.size(),
                 static_cast<unsigned long long>(e), per_s, p50, p90, p99, max);
  };
  for (int k = 0; k < kKinds; ++k) {
    overall.insert(overall.end(), all.ms[k].begin(), all.ms[k].end());
    errors += all.errors[k];
    line(kKindNames[k], all.ms[k], all.errors[k]);
  }
  line("all", overall, errors);
  std::fclose(csv);
  if (errors > 0) {
    std::printf("first error: %s\n", all.first_error.c_str());
    return 1;
  }
  return 0;
}
