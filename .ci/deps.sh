#!/usr/bin/env bash
# Debian packages the test suite uses, installed by the project itself (never by
# hand). `make test` runs `.ci/deps.sh install` before the tests; it is idempotent
# and fast when everything is present.
#
#   .ci/deps.sh install [GROUP...]   install the packages of GROUPs (default: all)
#   .ci/deps.sh list                 print every group and its packages
#
# Groups (one line each; add a line for a new need rather than a new script):
#   browser   Debian's chromium for end-to-end tests of the web pages (chromedp)
#   office    LibreOffice Writer (checks that generated DOCX open; converts to PDF),
#             poppler-utils (pdftotext reads generated PDF back) and CJK fonts
#   audio     espeak-ng (speaks Mandarin test recordings), ffmpeg and sox (convert
#             them to the phone formats; sox writes AMR-NB through
#             libopencore-amrnb0, which Debian's ffmpeg cannot encode)
set -euo pipefail

declare -A PKG_GROUPS=(
	[browser]="chromium"
	[office]="libreoffice-writer-nogui poppler-utils fonts-arphic-gbsn00lp fonts-arphic-gkai00mp"
	[audio]="espeak-ng ffmpeg sox libopencore-amrnb0"
)
LOCK_FILE=/var/lock/cailiang-deps-install.lock

log() { echo "deps.sh: $*" >&2; }
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

install() {
	local groups=("$@") pkgs=() missing=()
	[ ${#groups[@]} -gt 0 ] || groups=("${!PKG_GROUPS[@]}")
	for g in "${groups[@]}"; do
		[ -n "${PKG_GROUPS[$g]+x}" ] || die "unknown group $g (see .ci/deps.sh list)"
		read -ra more <<<"${PKG_GROUPS[$g]}"
		pkgs+=("${more[@]}")
	done
	for p in "${pkgs[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -gt 0 ] || return 0
	log "installing ${missing[*]}"
	# One install at a time: parallel test runs on one machine share dpkg's lock.
	exec 9>"$LOCK_FILE" 2>/dev/null || exec 9>/tmp/cailiang-deps-install.lock
	flock 9
	sudo_if_needed apt-get -qq update >&2
	sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends "${missing[@]}" >&2
}

case "${1:-}" in
install)
	shift
	install "$@"
	;;
list)
	for g in "${!PKG_GROUPS[@]}"; do echo "$g: ${PKG_GROUPS[$g]}"; done
	;;
*)
	die "usage: .ci/deps.sh install [GROUP...] | list"
	;;
esac
