package main

import (
	"bytes"
	"testing"
)

// fuzzCommands are the command lines the end-to-end fuzz target feeds
// arbitrary bytes to on standard input.
var fuzzCommands = [][]string{
	{"growth"},
	{"growth", "--ytd", "--two-year"},
	{"growth", "--group-col", "g", "-o", "json"},
	{"growth", "--summary", "-o", "csv"},
	{"base"},
	{"remaining", "--households", "593", "--persons", "1755", "--target", "2017", "--population", "50000"},
	{"remaining", "--households", "593", "--persons", "1755", "--adjust", "-o", "markdown"},
	{"poverty", "--line", "3335"},
	{"invest", "--as-of", "2017-10", "--sort", "lead"},
	{"invest", "--by", "category", "-o", "json"},
	{"dividend", "--pool", "100000"},
	{"dividend", "--pool", "100.01", "--group-col", "村", "--by", "members", "--retain", "20", "--summary"},
	{"poverty", "--line", "3335", "--households", "-o", "json"},
}

// fuzzSeeds are inputs worth starting from: each command's happy path and
// the shapes of input that have broken CSV tools before.
var fuzzSeeds = []string{
	"period,g,v\n2016-01,a,1\n2017-01,a,2\n2016-01,b,3\n2017-01,b,4\n",
	"时间,规模工业总产值\n2016年1-2月,15.80\n2016年1-3月,25.12\n2017年1-2月,20.36\n2017年1-3月,32.70\n",
	"indicator,value,rate\noutput,120.2,31.7%\nva,24.3,13.1\n",
	"年份,脱贫户数,脱贫人数\n2014-2016,393,1154\n2017,284,844\n",
	"户编号,村,家庭人口,工资性收入,补贴\nH1,罗建村,3,9000,1200\nH2,金台村,2,6670,\n",
	"period,v\n2017-01,\"1,234.5\"\n2018-01,-0\n",
	"period,v\r2017-01,1\r",
	"\xef\xbb\xbfperiod,v\n2017-01,1\n",
	"\xca\xb1\xbc\xe4,v\n2017\xc4\xea,1\n",
	"period,v\n2017-01,\"unterminated\n",
	"项目名称,类别,年度计划,累计完成\n中信重工,六大战役,80000,72000\n罗建村,区级,20000,16670\n",
	"a,a\n1,2\n",
	"",
}

// FuzzCommands runs every command on arbitrary input. Whatever the bytes,
// econcalc must not panic (exit status 3), and a failure must leave stdout
// empty.
func FuzzCommands(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		for _, args := range fuzzCommands {
			var stdout, stderr bytes.Buffer
			status := run(append([]string{"econcalc"}, args...), bytes.NewReader(input), &stdout, &stderr)
			if status == exitInternal {
				t.Fatalf("%v: internal error on %q: %s", args, input, stderr.String())
			}
			if status != exitOK && stdout.Len() > 0 {
				t.Fatalf("%v: exit status %d with output on stdout", args, status)
			}
			if status == exitUsage {
				t.Fatalf("%v: input data gave a usage error: %s", args, stderr.String())
			}
		}
	})
}
