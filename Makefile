GO ?= go
BIN := bin/econcalc

.PHONY: build test race demo fmt vet update-golden fuzz bench install man

PREFIX ?= /usr/local

FUZZTIME ?= 30s
# Each new input the fuzzer keeps is minimised by running it again up to this
# many times: FuzzCommands runs 13 command lines an input, and the default
# (60 s of runs) spent whole fuzz times minimising, looking stalled.
FUZZMINIMIZE ?= 20x
BENCHSCALE ?= 1

build:
	$(GO) build -o $(BIN) ./cmd/econcalc

test: vet
	$(GO) test ./...

vet:
	$(GO) vet ./...

# Every test under the race detector: parallel ranges share an id filter
# and lay rows out in parallel (about twelve minutes on 2 CPUs: the tests
# that read 9 MB files in parallel parts are slow under the detector, past
# go test's default ten-minute limit for cmd/econcalc).
race:
	$(GO) test -race -timeout 40m ./...

# The reference report's figures (shared/seed: Yongzhou development zone, 2017).
demo: build
	@echo '$$ econcalc base testdata/demo/indicators.csv'
	@$(BIN) base testdata/demo/indicators.csv
	@echo
	@echo '$$ econcalc growth testdata/demo/output_ytd.csv --value-col 规模工业总产值'
	@$(BIN) growth testdata/demo/output_ytd.csv --value-col 规模工业总产值
	@echo
	@echo '$$ econcalc poverty testdata/demo/households.csv --line 3335 --population testdata/demo/village_population.csv'
	@$(BIN) poverty testdata/demo/households.csv --line 3335 --population testdata/demo/village_population.csv
	@echo
	@echo '$$ econcalc invest testdata/demo/projects.csv --as-of 2017年1-10月 --lang zh'
	@$(BIN) invest testdata/demo/projects.csv --as-of 2017年1-10月 --lang zh
	@echo
	@echo '$$ econcalc targets testdata/demo/targets_zone.csv --as-of 2017-10 --lower-better 规模工业单位增加值能耗 --lang zh'
	@$(BIN) targets testdata/demo/targets_zone.csv --as-of 2017-10 --lower-better 规模工业单位增加值能耗 --lang zh
	@echo
	@echo '$$ econcalc targets testdata/demo/targets_areas.csv --group-col 县区 --lower-better 单位GDP能耗 --total'
	@$(BIN) targets testdata/demo/targets_areas.csv --group-col 县区 --lower-better 单位GDP能耗 --total
	@echo
	@echo '$$ econcalc dividend testdata/demo/pv_households.csv --group-col 村 --pools testdata/demo/pv_pools.csv --retain 20 --by members --summary'
	@$(BIN) dividend testdata/demo/pv_households.csv --group-col 村 --pools testdata/demo/pv_pools.csv --retain 20 --by members --summary
	@echo
	@echo '$$ econcalc remaining testdata/demo/registry_roll.csv --households 593 --persons 1755 --target 2017 --adjust'
	@$(BIN) remaining testdata/demo/registry_roll.csv --households 593 --persons 1755 --target 2017 --adjust

fmt:
	gofmt -w cmd calc

# The manual page, made from the same definitions as --help.
man: build
	$(BIN) man > econcalc.1

# The binary and its manual page under PREFIX (make install PREFIX=~/.local).
install: build
	install -d $(PREFIX)/bin $(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(PREFIX)/bin/econcalc
	$(BIN) man > $(PREFIX)/share/man/man1/econcalc.1

# Rewrite the golden output in testdata/script after a deliberate change;
# check the diff against independent arithmetic before committing it.
update-golden:
	$(GO) test ./cmd/econcalc -run 'TestScripts|TestReadmeExamples' -update

# Run every fuzz target for FUZZTIME each (make fuzz FUZZTIME=2m). Their seed
# corpora also run in every go test.
fuzz:
	@for pkg in ./calc ./cmd/internal/input ./cmd/internal/report ./cmd/econcalc; do \
		for target in $$($(GO) test $$pkg -list '^Fuzz' | grep '^Fuzz'); do \
			echo "== $$pkg $$target ($(FUZZTIME))"; \
			log=$$(mktemp); \
			$(GO) test $$pkg -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) >$$log 2>&1; status=$$?; \
			tail -3 $$log; rm -f $$log; [ $$status -eq 0 ] || exit 1; \
		done; \
	done

# Go benchmarks, then the end-to-end speed table on generated inputs, with
# econcalc's ratio to the floor program (cmd/benchrun/floor.go) timed in the
# same run (make bench BENCHSCALE=0.05 for a quick look). The 8 M-row cases
# (sorted and shuffled ids, a repeated id, a bad number) are opt-in, as they
# write about 1.7 GB and take minutes more: make bench BENCHFLAGS=--large.
# Timing never fails the build.
BENCHFLAGS ?=
bench:
	@dir=$$(mktemp -d); \
	$(GO) run ./cmd/gendata --kind households --rows 200000 --out $$dir/households.csv && \
	$(GO) run ./cmd/gendata --kind series --rows 200000 --groups 1000 --out $$dir/series.csv && \
	$(GO) run ./cmd/gendata --kind pools --groups 500 --rows 500 --out $$dir/pools.csv && \
	ECONCALC_BENCH_HOUSEHOLDS=$$dir/households.csv ECONCALC_BENCH_SERIES=$$dir/series.csv \
	ECONCALC_BENCH_POOLS=$$dir/pools.csv \
		$(GO) test -run '^$$' -bench . -benchmem ./...; \
	status=$$?; rm -rf $$dir; exit $$status
	$(GO) build -o $(BIN) ./cmd/econcalc && $(GO) run ./cmd/benchrun --econcalc $(BIN) --scale $(BENCHSCALE) $(BENCHFLAGS)
