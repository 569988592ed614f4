#!/usr/bin/env bash
# Throwaway PostgreSQL 15 + pgvector for tests, set up by the project itself.
#
#   .ci/postgres.sh install      install postgresql-server-dev-15 and build tools if
#                                missing; build pgvector from Debian's trixie source
#                                package if the vector extension is missing (idempotent)
#   .ci/postgres.sh start        install, then create and start a cluster in a temp dir
#                                on a free 127.0.0.1 port; prints shell lines to eval:
#                                  export CAILIANG_TEST_PG_DSN='postgres://...'
#                                  export CAILIANG_TEST_PG_DIR='/tmp/cailiang-pg.XXXX'
#   .ci/postgres.sh stop [DIR]   stop that cluster and delete it (DIR defaults to
#                                $CAILIANG_TEST_PG_DIR)
#   .ci/postgres.sh run CMD...   start, export CAILIANG_TEST_PG_DSN, run CMD, stop even
#                                on failure; exits with CMD's status
#   .ci/postgres.sh mirror [DIR] print the Debian mirror that the apt configuration in
#                                DIR (default /etc/apt) uses for bookworm, or fail
#                                naming the files it read
#
# pgvector is not packaged for Debian 12, so it is built from Debian's source package
# of the newer suite (trixie, pgvector 0.8.0) against PostgreSQL 15. The trixie
# deb-src line lives in a private list that only this script passes to apt, with its
# own lists directory: the machine's own apt configuration never sees trixie, and no
# binary package is ever taken from it. The line points at the mirror the machine's
# apt configuration already uses for bookworm. There is no built-in fallback host: a
# machine without one fails with a message rather than reach a server nobody chose.
#
# pgvector 0.8.0 has CVE-2026-3172 (overflow in parallel HNSW index builds): every
# cluster started here sets max_parallel_maintenance_workers = 0, and corpus/pgvec
# sets it again for its own index builds.
#
# Progress goes to stderr; `start` prints only the export lines on stdout.
set -euo pipefail

PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
PG_CONFIG=$PG_BIN/pg_config
VECTOR_CONTROL=/usr/share/postgresql/$PG_MAJOR/extension/vector.control
APT_ETC=/etc/apt
HOST_SUITE=bookworm
APT_PRIVATE=/etc/apt/cailiang-trixie-src.list
APT_PRIVATE_STATE=/var/lib/cailiang-apt
LOCK_FILE=/var/lock/cailiang-postgres-install.lock
DB_NAME=cailiang_test
MARKER=.cailiang-pg

log() { echo "postgres.sh: $*" >&2; }
die() {
	log "error: $*"
	exit 1
}

sudo_if_needed() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null; then
		sudo "$@"
	else
		die "need root for: $*"
	fi
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# debian_mirror DIR prints the http(s) or ftp URI of the Debian archive that the apt
# configuration in DIR (normally /etc/apt) uses for $HOST_SUITE: deb822 stanzas in
# DIR/sources.list.d/*.sources first, then one-line entries in DIR/sources.list and
# DIR/sources.list.d/*.list (deb or deb-src). It never guesses: without such an entry
# it fails, naming the files it read.
debian_mirror() {
	local dir=${1:?debian_mirror: no apt directory given} f uri="" files sources=() lists=()
	for f in "$dir"/sources.list.d/*.sources; do [ -f "$f" ] && sources+=("$f"); done
	if [ -f "$dir/sources.list" ]; then lists+=("$dir/sources.list"); fi
	for f in "$dir"/sources.list.d/*.list; do [ -f "$f" ] && lists+=("$f"); done
	if [ ${#sources[@]} -gt 0 ]; then
		# One stanza at a time (a blank line or a new file ends it); keys are
		# case-insensitive, values may go on over indented lines.
		uri=$(awk -v suite="$HOST_SUITE" '
			function flush(   n, i, u) {
				if (!done && tolower(enabled) != "no" && types ~ /(^| )deb(-src)?( |$)/ && (suites " ") ~ (" " suite " ")) {
					n = split(uris, u, " ")
					for (i = 1; i <= n; i++) if (u[i] ~ /^(https?|ftp):\/\//) { print u[i]; done = 1; break }
				}
				uris = suites = types = enabled = key = ""
			}
			FNR == 1 { flush() }
			/^[ \t]*#/ { next }
			/^[ \t]*$/ { flush(); next }
			/^[ \t]/ { v = $0 }
			/^[^ \t]/ { key = tolower(substr($0, 1, index($0, ":") - 1)); v = substr($0, index($0, ":") + 1) }
			{
				gsub(/[ \t]+/, " ", v)
				if (key == "uris") uris = uris " " v
				else if (key == "suites") suites = suites " " v
				else if (key == "types") types = types " " v
				else if (key == "enabled") { gsub(/ /, "", v); enabled = v }
			}
			END { flush() }' "${sources[@]}")
	fi
	if [ -z "$uri" ] && [ ${#lists[@]} -gt 0 ]; then
		uri=$(awk -v suite="$HOST_SUITE" '
			{ sub(/#.*/, "") }
			$1 == "deb" || $1 == "deb-src" {
				for (i = 2; i < NF; i++) if ($i ~ /^(https?|ftp):\/\// && $(i + 1) == suite) { print $i; exit }
			}' "${lists[@]}")
	fi
	if [ -z "$uri" ]; then
		files="${sources[*]} ${lists[*]}"
		files=${files# }
		files=${files% }
		die "no Debian $HOST_SUITE mirror (http, https or ftp) in the apt configuration; read: ${files:-nothing (none of $dir/sources.list.d/*.sources, $dir/sources.list, $dir/sources.list.d/*.list exists)}. Add the machine's Debian mirror there, or install pgvector for PostgreSQL $PG_MAJOR yourself."
	fi
	echo "$uri"
}

build_pgvector() {
	local mirror keyring work src
	mirror=$(debian_mirror "$APT_ETC") || exit 1
	keyring=/usr/share/keyrings/debian-archive-keyring.gpg
	[ -f "$keyring" ] || die "missing $keyring (package debian-archive-keyring)"
	log "pgvector is not installed for PostgreSQL $PG_MAJOR: building it from Debian trixie's source package ($mirror)"
	# deb-src only: never binary packages from trixie.
	echo "deb-src [signed-by=$keyring] $mirror trixie main" | sudo_if_needed tee "$APT_PRIVATE" >/dev/null
	sudo_if_needed mkdir -p "$APT_PRIVATE_STATE/lists/partial"
	local apt_opts=(
		-o "Dir::Etc::sourcelist=$APT_PRIVATE"
		-o "Dir::Etc::sourceparts=-"
		-o "Dir::State::Lists=$APT_PRIVATE_STATE/lists"
		-o "Dir::Cache::pkgcache="
		-o "Dir::Cache::srcpkgcache="
		-o "APT::Get::List-Cleanup=0"
	)
	sudo_if_needed apt-get "${apt_opts[@]}" -qq update >&2
	work=$(mktemp -d /tmp/cailiang-pgvector-src.XXXXXX)
	# Let apt's sandbox user write the download (else apt warns and downloads as root).
	if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$work"; fi
	(cd "$work" && apt-get "${apt_opts[@]}" -qq source --only-source pgvector >&2 2>&1) ||
		die "apt-get source pgvector failed (is the trixie deb-src line reachable?)"
	src=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n1)
	[ -n "$src" ] || die "apt-get source pgvector gave no source tree"
	log "building $(basename "$src") against $($PG_CONFIG --version)"
	# OPTFLAGS= as in Debian's own build (its no-native patch): no -march=native, so the
	# module runs on any x86-64 host; vector distances still get SSE auto-vectorisation.
	make -C "$src" -s -j"$(nproc)" PG_CONFIG="$PG_CONFIG" OPTFLAGS= >&2
	sudo_if_needed make -C "$src" -s install PG_CONFIG="$PG_CONFIG" OPTFLAGS= >&2
	[ -f "$VECTOR_CONTROL" ] || die "make install did not install $VECTOR_CONTROL"
	rm -rf "$work"
}

do_install() {
	local missing=() pkg
	for pkg in postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR build-essential dpkg-dev; do
		installed "$pkg" || missing+=("$pkg")
	done
	if [ ${#missing[@]} -eq 0 ] && [ -f "$VECTOR_CONTROL" ]; then
		return 0
	fi
	# One installer at a time (several test runs may start together).
	sudo_if_needed mkdir -p "$(dirname "$LOCK_FILE")"
	exec 9>"$LOCK_FILE"
	flock 9
	missing=()
	for pkg in postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR build-essential dpkg-dev; do
		installed "$pkg" || missing+=("$pkg")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		log "installing ${missing[*]}"
		sudo_if_needed apt-get -qq update >&2
		sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends "${missing[@]}" >&2
	fi
	[ -x "$PG_CONFIG" ] || die "$PG_CONFIG missing after installing postgresql-server-dev-$PG_MAJOR"
	if [ ! -f "$VECTOR_CONTROL" ]; then
		build_pgvector
	fi
	exec 9>&-
	log "installed: $($PG_BIN/postgres --version), pgvector $(sed -n "s/^default_version = '\(.*\)'/\1/p" "$VECTOR_CONTROL")"
}

# Runs a command as the cluster's owner: initdb and postgres refuse to run as root.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

do_start() {
	do_install
	local dir data port tries=0 started=""
	dir=$(mktemp -d /tmp/cailiang-pg.XXXXXX)
	touch "$dir/$MARKER"
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || die "no postgres user (package postgresql-common creates it)"
		chown postgres: "$dir"
	fi
	data=$dir/data
	as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C -N >"$dir/initdb.log" 2>&1 ||
		{
			cat "$dir/initdb.log" >&2
			rm -rf "$dir"
			die "initdb failed"
		}
	cat >>"$data/postgresql.conf" <<EOF

# --- cailiang test cluster (.ci/postgres.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
# pgvector 0.8.0, CVE-2026-3172: parallel HNSW index builds overflow. Never build in parallel.
max_parallel_maintenance_workers = 0
maintenance_work_mem = '512MB'
shared_buffers = '256MB'
# A throwaway cluster: durability buys nothing here.
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
	while [ $tries -lt 20 ]; do
		tries=$((tries + 1))
		port=$((20000 + RANDOM % 40000))
		port_in_use "$port" && continue
		if as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$dir/postgres.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
			started=1
			break
		fi
		# Lost a race for the port: try another; anything else is fatal.
		if ! grep -q 'could not bind\|could not create any TCP/IP sockets\|Address already in use' "$dir/postgres.log" 2>/dev/null; then
			break
		fi
	done
	if [ -z "$started" ]; then
		cat "$dir/postgres.log" >&2 2>/dev/null || true
		rm -rf "$dir"
		die "PostgreSQL did not start"
	fi
	local psql=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
	if ! { "${psql[@]}" -d postgres -c "CREATE DATABASE $DB_NAME" &&
		"${psql[@]}" -d "$DB_NAME" -c "CREATE EXTENSION vector"; } >&2; then
		do_stop "$dir"
		die "could not create database $DB_NAME with the vector extension"
	fi
	log "PostgreSQL $PG_MAJOR + pgvector on 127.0.0.1:$port, database $DB_NAME, data in $dir"
	echo "export CAILIANG_TEST_PG_DSN='postgres://postgres@127.0.0.1:$port/$DB_NAME?sslmode=disable'"
	echo "export CAILIANG_TEST_PG_DIR='$dir'"
}

do_stop() {
	local dir=${1:-${CAILIANG_TEST_PG_DIR:-}}
	[ -n "$dir" ] || die "stop: give the cluster's directory (or set CAILIANG_TEST_PG_DIR)"
	[ -f "$dir/$MARKER" ] || die "stop: $dir is not a cluster made by this script"
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null 2>&1 ||
			log "warning: pg_ctl stop failed for $dir"
	fi
	rm -rf "$dir"
	log "stopped and removed $dir"
}

do_run() {
	[ $# -gt 0 ] || die "run: no command given"
	local env_lines status
	env_lines=$(do_start)
	eval "$env_lines"
	# shellcheck disable=SC2064
	trap "do_stop '$CAILIANG_TEST_PG_DIR'" EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	set +e
	"$@"
	status=$?
	set -e
	exit "$status"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
install) do_install ;;
start) do_start ;;
stop) do_stop "$@" ;;
run) do_run "$@" ;;
mirror) debian_mirror "${1:-$APT_ETC}" ;;
*)
	echo "usage: $0 install | start | stop [DIR] | run CMD... | mirror [DIR]" >&2
	exit 2
	;;
esac
