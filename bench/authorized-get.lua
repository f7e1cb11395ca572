-- wrk script of bench/run: every request carries the dashboard token given in BENCH_TOKEN,
-- so the token never appears on a command line or in a file.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
