// libpq, opened when a command first connects to PostgreSQL instead of at
// every start of onoma. For memory/postgres/*.cc only.
//
// Linked as a dependency of the binary, libpq brings some twenty shared
// libraries (OpenSSL, Kerberos, LDAP, GnuTLS and theirs) that the dynamic
// loader maps and relocates before main() of every command, the ones that
// never connect included: about 12 ms of an `onoma romanize` that
// otherwise takes 20 (bench/runs/2026-12-07-vm/startup.txt). Opened with
// dlopen, only a connection pays for them. The functions are libpq's own,
// called through the table below, with the prototypes of <libpq-fe.h>.
//
//   auto pq = LoadLibPq();
//   if (!pq.ok()) return pq.status();  // kDatabase: libpq.so.5 is missing
//   PGconn* conn = Pq().PQconnectdb(location);

#ifndef ONOMA_MEMORY_POSTGRES_LIBPQ_INTERNAL_H_
#define ONOMA_MEMORY_POSTGRES_LIBPQ_INTERNAL_H_

#include <libpq-fe.h>

#include "lib/util/status.h"

namespace onoma::postgres::internal {

// Every libpq function memory/postgres calls.
#define ONOMA_LIBPQ_FUNCTIONS(X) \
  X(PQclear)                     \
  X(PQcmdStatus)                 \
  X(PQcmdTuples)                 \
  X(PQconnectdb)                 \
  X(PQerrorMessage)              \
  X(PQexec)                      \
  X(PQexecPrepared)              \
  X(PQfinish)                    \
  X(PQftype)                     \
  X(PQgetResult)                 \
  X(PQgetisnull)                 \
  X(PQgetlength)                 \
  X(PQgetvalue)                  \
  X(PQnfields)                   \
  X(PQntuples)                   \
  X(PQprepare)                   \
  X(PQputCopyData)               \
  X(PQputCopyEnd)                \
  X(PQresultErrorField)          \
  X(PQresultErrorMessage)        \
  X(PQresultStatus)              \
  X(PQsetClientEncoding)         \
  X(PQsetNoticeProcessor)        \
  X(PQstatus)

struct LibPq {
#define ONOMA_LIBPQ_POINTER(name) decltype(&::name) name = nullptr;
  ONOMA_LIBPQ_FUNCTIONS(ONOMA_LIBPQ_POINTER)
#undef ONOMA_LIBPQ_POINTER
};

// Opens libpq.so.5 and finds its functions, once per process (later calls
// return the same table; safe from any thread). kDatabase saying what is
// missing when it cannot: libpq is not installed, or lacks a function.
[[nodiscard]] Result<const LibPq*> LoadLibPq();

// The table LoadLibPq() filled. REQUIRES: LoadLibPq() succeeded (every
// connection is made after it).
const LibPq& Pq();

}  // namespace onoma::postgres::internal

#endif  // ONOMA_MEMORY_POSTGRES_LIBPQ_INTERNAL_H_
