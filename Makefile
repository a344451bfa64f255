GO ?= go
BIN := bin/econcalc

.PHONY: build test demo fmt vet update-golden

build:
	$(GO) build -o $(BIN) ./cmd/econcalc

test: vet
	$(GO) test ./...

vet:
	$(GO) vet ./...

# The reference report's figures (shared/seed: Yongzhou development zone, 2017).
demo: build
	@echo '$$ econcalc base testdata/demo/indicators.csv'
	@$(BIN) base testdata/demo/indicators.csv
	@echo
	@echo '$$ econcalc growth testdata/demo/output_ytd.csv --value-col 规模工业总产值'
	@$(BIN) growth testdata/demo/output_ytd.csv --value-col 规模工业总产值

fmt:
	gofmt -w cmd calc

# Rewrite the golden output in testdata/script after a deliberate change;
# check the diff against independent arithmetic before committing it.
update-golden:
	$(GO) test ./cmd/econcalc -run 'TestScripts|TestReadmeExamples' -update
