"""newsdb benchmarks: a generated aggregator site, its server, and the measurements (`make bench`,
`make bench-scale`). Nothing here is imported by newsdb itself."""
