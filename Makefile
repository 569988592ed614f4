# cailiang — see README.md. `make run` and `make test` are the two set-up
# commands; everything else is optional.
SHELL := /bin/bash
GO ?= go
export GOFLAGS ?= -buildvcs=false
BIN := bin/cailiang
ADDR ?= 127.0.0.1:8080
DATA_DIR ?= data
# The public data folder (statutes, labelled datasets) that tests and eval read.
export CAILIANG_DATA ?= $(abspath ../shared/data)
GOJIEBA_DICT_FILES := jieba.dict.utf8 hmm_model.utf8 idf.utf8 stop_words.utf8
DICT_DIR := nlp/jieba/gojieba_dict

.PHONY: all build run test test-short bench lint dicts dict provisions exemplars clean

all: build

# gojieba's own dictionaries are taken from its module at build time and
# embedded in the binary; they are never committed.
$(DICT_DIR)/.stamp: go.mod go.sum
	@$(GO) mod download github.com/yanyiwu/gojieba
	@src="$$($(GO) list -m -f '{{.Dir}}' github.com/yanyiwu/gojieba)/deps/cppjieba/dict"; \
	  mkdir -p $(DICT_DIR) && for f in $(GOJIEBA_DICT_FILES); do install -m 0644 "$$src/$$f" $(DICT_DIR)/$$f; done
	@touch $@

dicts: $(DICT_DIR)/.stamp

build: dicts
	$(GO) build -trimpath -ldflags "-X main.version=$$(git describe --always --dirty 2>/dev/null || echo dev)" -o $(BIN) ./cmd/cailiang

run: build
	$(BIN) serve --addr $(ADDR) --data $(DATA_DIR)

# The suite runs against a real PostgreSQL 15 + pgvector that .ci/postgres.sh
# installs (first run), starts in a temporary directory and removes afterwards;
# .ci/deps.sh installs the other Debian packages tests use (browser, office, audio).
test: lint
	bash .ci/deps.sh install
	bash .ci/postgres.sh run $(GO) test -count=1 -timeout 20m ./...

test-short: dicts
	$(GO) test -short ./...

bench: dicts
	bash .ci/postgres.sh run $(GO) test -run '^$$' -bench . -benchmem -timeout 30m ./...
	@# The vector-index eval suite (recall@10 and p50 of memvec and pgvector against exact search).
	CAILIANG_VECTOR_INDEX_N=10000 bash .ci/postgres.sh run $(GO) test -run '^TestVectorIndexMeasure$$' -count=1 -v -timeout 30m ./eval/

lint: dicts
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	@# Layering (dependency direction, fiber/gojieba at the edges, cgo only in nlp/jieba): see the script.
	@GO=$(GO) bash .ci/layering.sh
	@echo lint ok

# Rebuild our legal user dictionary from the seeds and the statute corpus.
dict:
	$(GO) run ./cmd/dictgen -data $(CAILIANG_DATA) -out nlp/jieba/legal.dict

# Rebuild the provision-level entries (every fining provision of the core laws) from the statutes.
provisions:
	$(GO) run ./cmd/provgen -data $(CAILIANG_DATA) -out rules/provisions

# The learned vote (caseanalysis/exemplars.model) from the development set's
# tuning half; run after adding development-set rows.
exemplars:
	$(GO) test ./eval -run TestExemplarModelFileTwentyFirst -update -count=1

clean:
	rm -rf bin $(DICT_DIR)
