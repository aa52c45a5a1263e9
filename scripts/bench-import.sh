#!/usr/bin/env bash
# Import benchmark: generates a contact list (default 1,000,000 rows, about 60 MB) of distinct valid
# Indian mobiles, then times from one run each `sqlite3 .import` of the file, the schema floor (SQLite
# alone moving the same rows into vaani-dialer's contacts table) and `vaani-dialer import` (release
# build), and prints the importer's ratio to the floor and its peak resident memory.
#
#   scripts/bench-import.sh [ROWS]                  e.g. scripts/bench-import.sh 10000000
#   ORDER=sorted scripts/bench-import.sh [ROWS]
#
# ORDER=random (the default) shuffles the numbers, as lists exported by customer id arrive;
# ORDER=sorted lists them nearly in number order.
#
# Targets, with ORDER=random: at 1M rows the importer within 1.25 x the floor; at 10M rows within
# 11 x the 1M time; peak RSS <= 100 MB at both sizes.
set -euo pipefail
cd "$(dirname "$0")/.."

rows="${1:-1000000}"
order="${ORDER:-random}"
case "$order" in
    random | sorted) ;;
    *) echo "ORDER must be random or sorted, not $order" >&2; exit 2 ;;
esac
work="$(mktemp -d "${TMPDIR:-/tmp}/bench-import.XXXXXX")"
trap 'rm -rf "$work"' EXIT

need=()
[ -x /usr/bin/time ] || need+=(time)
command -v sqlite3 >/dev/null || need+=(sqlite3)
if [ ${#need[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "building vaani-dialer (release)…" >&2
swift build -c release --product vaani-dialer >&2
dialer="$(swift build -c release --show-bin-path)/vaani-dialer"

csv="$work/contacts.csv"
echo "generating $rows rows in $order order…" >&2
python3 - "$rows" "$csv" "$order" <<'PY'
import random, sys
rows, path, order = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(20261126)
# Which number each row gets: in order, or a shuffle of the same numbers.
positions = list(range(rows))
if order == "random":
    random.Random(1126).shuffle(positions)
first = ["Aarav", "Asha", "Rohan", "Priya", "Vikram", "Meera", "Kabir", "Ananya", "Ishaan", "Diya", "Arjun", "Sara"]
last = ["Sharma", "Iyer", "Khan", "Nair", "Reddy", "Gupta", "Das", "Mehta", "Rao", "Singh", "Patel", "Menon"]
cities = ["Mumbai", "Delhi", "Bengaluru", "Chennai", "Pune", "Kolkata", "Hyderabad", "Jaipur"]
plans = ["Basic", "Silver", "Gold", "Platinum"]
with open(path, "w", newline="") as out:
    out.write("name,phone,city,plan,due_amount,timezone\n")
    lines = []
    for n in positions:
        # A bijection of 0..<10^9 (7919 is coprime with 10), so every number is distinct.
        subscriber = (n * 7919 + 123456789) % 1_000_000_000
        lines.append(f"{rng.choice(first)} {rng.choice(last)},+919{subscriber:09d},{rng.choice(cities)},"
                     f"{rng.choice(plans)},{rng.randrange(100, 100000) / 100:.2f},Asia/Kolkata\n")
        if len(lines) == 100_000:
            out.writelines(lines)
            lines.clear()
    out.writelines(lines)
PY
size_mb=$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.1f", b / 1048576 }')

# Warm the page cache so that neither run pays for reading the file from disk.
cat "$csv" >/dev/null

measure() {  # measure LOG COMMAND…: runs the command under GNU time, keeps its report in LOG
    local log="$1"; shift
    /usr/bin/time -v "$@" >"$log.out" 2>"$log"
}
seconds() {  # the wall-clock time of a GNU time report, in seconds
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"
}
rss_mb() {
    awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"
}

measure "$work/sqlite.time" sqlite3 "$work/plain.sqlite" -cmd ".mode csv" ".import $csv contacts"
measure "$work/dialer.time" "$dialer" import "$csv" --campaign bench --agent bench-agent --region IN --db "$work/dialer.sqlite"
rm -f "$work/plain.sqlite"
# Growth: above 1M rows, the importer also loads the file's first 1M rows alone, in the same run.
base_rows=1000000
if [ "$rows" -gt "$base_rows" ]; then
    head -n $((base_rows + 1)) "$csv" >"$work/base.csv"
    measure "$work/base.time" "$dialer" import "$work/base.csv" --campaign bench --agent bench-agent --region IN --db "$work/base.sqlite"
    rm -f "$work/base.csv" "$work/base.sqlite"*
fi

# The floor of any importer that writes vaani-dialer's schema: SQLite alone moving the same rows from a
# staged table into `contacts` (its unique and due indexes, checks and foreign key, in WAL mode with
# synchronous=NORMAL as the store opens it), in one INSERT … SELECT with no CSV parsing, number
# validation or template-variable encoding of ours. The schema comes from vaani-dialer itself.
printf 'name,phone\n' >"$work/header.csv"
"$dialer" import "$work/header.csv" --campaign bench --agent bench-agent --db "$work/floor.sqlite" >/dev/null
sqlite3 "$work/floor.sqlite" -cmd ".mode csv" ".import $csv staging"
measure "$work/floor.time" sqlite3 "$work/floor.sqlite" "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; BEGIN;
    INSERT INTO contacts (campaign_id, \"row_number\", name, phone_e164, region, timezone, variables)
    SELECT (SELECT id FROM campaigns WHERE name = 'bench'), rowid + 1, name, phone, 'IN', timezone,
           json_object('city', city, 'plan', plan, 'due_amount', due_amount)
    FROM staging WHERE true ON CONFLICT (campaign_id, phone_e164) DO NOTHING;
    COMMIT;"
floor_rows=$(sqlite3 "$work/floor.sqlite" "SELECT count(*) FROM contacts")
[ "$floor_rows" = "$rows" ] || { echo "the floor run stored $floor_rows rows, expected $rows" >&2; exit 1; }
dialer_rows=$(sqlite3 "$work/dialer.sqlite" "SELECT count(*) FROM contacts")
[ "$dialer_rows" = "$rows" ] || { echo "vaani-dialer stored $dialer_rows rows, expected $rows" >&2; exit 1; }
# Contacts are dialed in id order, which must be the file's row order.
unordered=$(sqlite3 "$work/dialer.sqlite" "SELECT count(*) FROM (SELECT \"row_number\" AS r, lag(\"row_number\") OVER (ORDER BY id) AS p FROM contacts) WHERE r <= p")
[ "$unordered" = 0 ] || { echo "vaani-dialer stored $unordered contacts out of row order" >&2; exit 1; }

sqlite_s=$(seconds "$work/sqlite.time")
dialer_s=$(seconds "$work/dialer.time")
floor_s=$(seconds "$work/floor.time")
echo
grep -E '^  (rows|imported|rejected|duplicates|suppressed)' "$work/dialer.time.out" || cat "$work/dialer.time.out"
echo
printf 'rows                     %d (%s MB), numbers in %s order\n' "$rows" "$size_mb" "$order"
printf 'sqlite3 .import          %.2f s\n' "$sqlite_s"
printf 'schema floor             %.2f s  (SQLite alone: INSERT … SELECT into the contacts schema, %.2f × .import)\n' \
    "$floor_s" "$(awk -v a="$floor_s" -v b="$sqlite_s" 'BEGIN { print a / b }')"
printf 'vaani-dialer import      %.2f s  (%.0f rows/s, %.2f × .import)\n' "$dialer_s" \
    "$(awk -v r="$rows" -v s="$dialer_s" 'BEGIN { print r / s }')" "$(awk -v a="$dialer_s" -v b="$sqlite_s" 'BEGIN { print a / b }')"
printf 'ratio to the floor       %.2f  (target <= 1.25 at 1M rows)\n' "$(awk -v a="$dialer_s" -v b="$floor_s" 'BEGIN { print a / b }')"
printf 'peak RSS vaani-dialer    %s MB  (target <= 100 MB)\n' "$(rss_mb "$work/dialer.time")"
if [ -f "$work/base.time" ]; then
    base_s=$(seconds "$work/base.time")
    printf 'vaani-dialer, 1M rows    %.2f s  (the first 1M rows of the same file; peak RSS %s MB)\n' "$base_s" "$(rss_mb "$work/base.time")"
    printf 'growth                   %.2f × the 1M time for %.0f × the rows  (target <= 11 at 10M rows)\n' \
        "$(awk -v a="$dialer_s" -v b="$base_s" 'BEGIN { print a / b }')" "$(awk -v a="$rows" -v b="$base_rows" 'BEGIN { print a / b }')"
fi
printf 'peak RSS floor           %s MB\n' "$(rss_mb "$work/floor.time")"
printf 'peak RSS sqlite3 .import %s MB\n' "$(rss_mb "$work/sqlite.time")"
