#!/usr/bin/env bash
# Dependency direction, checked by `make lint`:
#
#   cmd → api → app → caseanalysis → rules, corpus/* → legal, nlp
#   caseanalysis → exemplars (a vote learnt from labelled example texts; nothing of ours)
#   app → casework (the case workbench: users, cases, the full-process record, publication) → legal, workdays, redact
#   casework/<store> → casework (stores, blob stores blobdir and s3blobs; storetest and blobtest, their conformance suites; s3blobs/s3test, an in-memory S3 endpoint for tests)
#   corpus/pgvec, casework/pgstore → pgschema (versioned PostgreSQL migrations; pgschema/pgtest for their tests)
#   app → documents → legal, nlp
#   app → synthcases (demo data) → oversight (statistics, early warnings) → casework, rules, legal
#   app → workdays, redact (nothing of ours)
#   api → consistency (the reviewer's fine comparison and its SVG strip; nothing of ours)
#   eval → app (and everything below it)
#   app → speech (domain, beside caseanalysis) → rules, nlp, legal
#   speech/openaiasr (HTTP adapter) → speech
#   app → casespeech (recordings of a case transcribed, records kept, analysis attached) → casework, speech, caseanalysis, legal
#
# - nlp (but nlp/jieba), legal, rules, corpus/*, caseanalysis never reach fiber or gojieba;
# - rules and corpus never import each other; nlp and legal import nothing of ours above them;
#   jsoninput (user JSON decoding, used by every layer) imports nothing of ours;
# - workdays (the working-day calendar) and redact (personal data removed before
#   publication) are pure building blocks beside nlp and legal: they import nothing of ours;
# - only cmd imports api; only api, cmd and eval import app; nothing imports eval or cmd;
# - cgo only in nlp/jieba.
set -euo pipefail
GO=${GO:-go}
mod=github.com/cailiang/cailiang
fail=0
bad() { echo "layering violation: $*" >&2; fail=1; }

# imports of one package, ours only, one per line
imports() {
	local out
	out=$($GO list -f '{{join .Imports "\n"}}' "$1") || exit 1
	grep "^$mod" <<<"$out" || true
}

# go list fails on an import cycle: that fails the check too.
all=$($GO list ./...) || { echo "layering: go list failed (import cycle?)" >&2; exit 1; }
mapfile -t pkgs <<<"$all"
for p in "${pkgs[@]}"; do
	rel=${p#"$mod"}; rel=${rel#/}
	for i in $(imports "$p"); do
		irel=${i#"$mod/"}
		case "$irel" in
		cmd/*) bad "$rel imports $irel (nothing imports cmd)" ;;
		api | api/*) [[ $rel == cmd/* ]] || bad "$rel imports $irel (only cmd imports api)" ;;
		app | app/*) [[ $rel == cmd/* || $rel == api* || $rel == eval* || $rel == app/* ]] || bad "$rel imports $irel (only api, cmd and eval import app)" ;;
		eval | eval/*) [[ $rel == cmd/* || $rel == eval/* ]] || bad "$rel imports $irel (only cmd imports eval)" ;;
		esac
		case "$rel" in
		rules | rules/*) [[ $irel == corpus* || $irel == caseanalysis* ]] && bad "$rel imports $irel (rules sits below corpus' users, beside corpus)" ;;
		corpus | corpus/*) [[ $irel == rules* || $irel == caseanalysis* ]] && bad "$rel imports $irel (corpus sits beside rules)" ;;
		caseanalysis | caseanalysis/*) ;;
		documents | documents/*) [[ $irel == nlp* || $irel == legal* || $irel == jsoninput ]] || bad "$rel imports $irel (documents sits beside rules: nlp and legal only; app adapts analyses and statutes to it)" ;;
		speech) [[ $irel == rules* || $irel == nlp* || $irel == legal* ]] || bad "$rel imports $irel (speech sits beside caseanalysis, above rules and nlp)" ;;
		speech/*) [[ $irel == speech || $irel == rules* || $irel == nlp* || $irel == legal* ]] || bad "$rel imports $irel (speech adapters use speech and what it uses)" ;;
		casespeech) [[ $irel == casework || $irel == speech || $irel == caseanalysis || $irel == legal* ]] || bad "$rel imports $irel (casespeech links casework, speech and the case analysis, nothing above)" ;;
		nlp | nlp/* | legal | legal/*) [[ $irel == nlp* || $irel == legal* ]] || bad "$rel imports $irel (nlp and legal are the bottom layer)" ;;
		jsoninput) bad "$rel imports $irel (jsoninput imports nothing of ours)" ;;
		oversight | oversight/*) [[ $irel == legal* || $irel == casework || $irel == rules ]] || bad "$rel imports $irel (oversight reads casework's Store; rules for risk names)" ;;
		synthcases) [[ $irel == legal* || $irel == casework || $irel == rules || $irel == oversight ]] || bad "$rel imports $irel (synthcases builds casework records from the catalog)" ;;
		casework | casework/*) [[ $irel == legal* || $irel == casework* || $irel == workdays || $irel == redact || ($rel == casework/* && $irel == pgschema*) ]] || bad "$rel imports $irel (casework stands on legal, workdays and redact; analysis reaches it as JSON; its stores may use pgschema)" ;;
		exemplars | exemplars/*) bad "$rel imports $irel (exemplars imports nothing of ours: labels are the trainer's strings)" ;;
		pgschema | pgschema/*) [[ $irel == pgschema* ]] || bad "$rel imports $irel (pgschema imports nothing of ours)" ;;
		consistency | consistency/*) bad "$rel imports $irel (consistency imports nothing of ours: the caller gathers ranges and cases)" ;;
		workdays | workdays/* | redact | redact/*) bad "$rel imports $irel (workdays and redact import nothing of ours)" ;;
		esac
	done
done

# fiber and gojieba stay at the edges: the domain packages (one list; add a
# new domain package here) never reach them.
domain=(rules corpus nlp caseanalysis exemplars casework documents oversight synthcases legal workdays redact speech casespeech pgschema consistency exchange)
core=()
for d in "${domain[@]}"; do
	if [ -d "$d" ]; then mapfile -t -O "${#core[@]}" core < <($GO list "./$d/..." | grep -v '/nlp/jieba$'); fi
done
leaks=$($GO list -deps "${core[@]}" | grep -E 'gofiber/fiber|yanyiwu/gojieba' || true)
[ -z "$leaks" ] || bad "domain packages (${domain[*]}) reach: $leaks"

# cgo only in nlp/jieba.
cgo=$($GO list -f '{{if .CgoFiles}}{{.ImportPath}}{{end}}' ./... | grep -v "^$mod/nlp/jieba$" || true)
[ -z "$cgo" ] || bad "cgo outside nlp/jieba: $cgo"

exit $fail
