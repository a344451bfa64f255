// Command gendata writes deterministic synthetic inputs for econcalc, for
// tests and benchmarks: the same flags give the same bytes.
//
//	gendata --kind households --rows 2000000 --groups 5000 --seed 1 --out households.csv
//	gendata --kind pools --groups 5000 --seed 1            # one pool per village
//	gendata --kind series --rows 1000000 --groups 5000     # 5,000 enterprises × 200 months
//	gendata --kind series --rows 110 --groups 10 --ytd     # 2000年1-2月 … cumulative
//	gendata --kind projects --rows 500 --groups 8
//	gendata --kind registry --rows 6
//
// What it writes looks like a real registry (TestDocExample holds this to
// the output):
//
//	$ go run ./cmd/gendata --kind households --rows 4 --groups 2 --seed 1
//	household_id,village,members,wage_income,business_income,property_income,transfer_income,subsidy,loan
//	43110300001000001,金台村,3,0,87679,0.00,601,0,0
//	43110300001000002,金台村,3,0.00,35364.9,0,242,2566,0
//	43110300002000001,台罗村,3,0.0,19228.11,0.00,699,0,0
//	43110300002000002,台罗村,3,0.0,18217,389.26,1864,1851,0
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"econcalc/cmd/gendata/gen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gendata", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o gen.Options
	var out string
	fs.StringVar(&o.Kind, "kind", "households", "what to generate: "+strings.Join(gen.Kinds, ", "))
	fs.IntVar(&o.Rows, "rows", 1000, "households, series rows (groups × periods, rounded down), projects or years; pools have one row per village (--groups)")
	fs.IntVar(&o.Groups, "groups", 0, "villages (households, pools), enterprises (series) or categories (projects); 0: about 400 households a village, 10 enterprises, 8 categories")
	fs.Uint64Var(&o.Seed, "seed", 1, "random seed")
	fs.BoolVar(&o.PV, "pv", false, "pools: village,kwh,tariff instead of village,pool")
	fs.BoolVar(&o.YTD, "ytd", false, "series: year-to-date cumulative values labelled like 2017年1-10月 (January is not reported alone)")
	fs.StringVar(&out, "out", "", "write to this file instead of standard output")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gendata: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if err := o.Check(); err != nil {
		fmt.Fprintln(stderr, "gendata:", err)
		return 2
	}
	write := func() error { return gen.Write(stdout, o) }
	if out != "" {
		write = func() error { return gen.WriteFile(out, o) }
	}
	if err := write(); err != nil {
		fmt.Fprintln(stderr, "gendata:", err)
		return 1
	}
	return 0
}
