#!/usr/bin/env bash
# Writes a synthetic application log of about SIZE_MB megabytes (default 100) to FILE: mostly ordinary
# log records (time stamp, level, thread, logger, message, some stack traces of other exceptions), with
# the failure excerpts of loader-cli's explain tests (loader-cli/src/test/resources/explain/*.log, their
# citation lines dropped) spliced in every EVERY records (default 2500), so a 100 MB log holds a few
# hundred failures. Deterministic: the same arguments give the same file.
#
#   benchmarks/explain/make-log.sh FILE [SIZE_MB] [EVERY]
set -euo pipefail
out="${1:?usage: make-log.sh FILE [SIZE_MB] [EVERY]}"
size_mb="${2:-100}"
every="${3:-2500}"
root="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
excerpts="$root/loader-cli/src/test/resources/explain"
# The excerpts that report failures (not-native.log reports none), each as one record, citation lines dropped.
awk 'FNR == 1 && NR > 1 { printf "%c", 0 } !/^#/ { print }' \
  $(ls "$excerpts"/*.log | grep -v not-native.log) >"$out.excerpts"
awk -v limit="$((size_mb * 1024 * 1024))" -v every="$every" -v excerpts="$out.excerpts" '
BEGIN {
  RS = "\0"; n = 0
  while ((getline record < excerpts) > 0) { failures[n++] = record }
  RS = "\n"
  split("INFO INFO INFO INFO DEBUG DEBUG WARN ERROR", levels, " ")
  split("main http-nio-8080-exec-1 http-nio-8080-exec-7 scheduler-2 kafka-consumer-3 ForkJoinPool.commonPool-worker-5", threads, " ")
  split("c.e.orders.OrderService o.a.kafka.clients.NetworkClient o.h.engine.jdbc.spi.SqlExceptionHelper c.e.web.RequestLogger o.s.b.w.e.tomcat.TomcatWebServer io.netty.util.ResourceLeakDetector", loggers, " ")
  split("processed order %d in %d ms|GET /api/v1/items/%d 200 %d ms|rebalancing partitions, generation %d, %d members|cache miss for key user:%d, loading (%d entries)|connection pool stats: active=%d idle=%d|retrying request %d after %d ms backoff", messages, "|")
  srand(42); bytes = 0; records = 0; spliced = 0
  while (bytes < limit) {
    records++
    if (records % every == 0) {
      text = failures[spliced++ % n]
      print text; bytes += length(text) + 1
      continue
    }
    line = sprintf("2024-05-%02d %02d:%02d:%02d,%03d %-5s [%s] %s - " messages[1 + int(rand() * 6)],
                   1 + records % 28, records % 24, records % 60, (records * 7) % 60, records % 1000,
                   levels[1 + int(rand() * 8)], threads[1 + int(rand() * 6)], loggers[1 + int(rand() * 6)],
                   int(rand() * 100000), int(rand() * 900))
    print line; bytes += length(line) + 1
    if (records % 997 == 0) {
      trace = "java.lang.IllegalStateException: Connection is closed\n\tat com.zaxxer.hikari.pool.ProxyConnection.checkClosed(ProxyConnection.java:515)\n\tat com.zaxxer.hikari.pool.HikariProxyConnection.prepareStatement(HikariProxyConnection.java)\n\tat c.e.orders.OrderRepository.save(OrderRepository.java:88)\n\t... 42 more"
      print trace; bytes += length(trace) + 1
    }
  }
  printf "%d records, %d failure excerpts spliced in\n", records, spliced > "/dev/stderr"
}' >"$out"
rm -f "$out.excerpts"
