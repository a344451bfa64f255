package main

import (
	"bytes"
	"strings"
	"testing"
)

// The golden scripts check messages; this checks the exit statuses.
func TestRemainingExitStatus(t *testing.T) {
	const roll = "年份,脱贫户数,脱贫人数\n2014-2016,393,1154\n2017,284,844\n"
	cases := []struct {
		args []string
		want int
	}{
		{[]string{"--households", "593", "--persons", "1755", "--adjust"}, exitOK},
		{[]string{"--households", "593", "--persons", "1755"}, exitData}, // 2017 is short 84 / 243
		{[]string{"--persons", "1755"}, exitUsage},
		{[]string{"--households", "593"}, exitUsage},
		{[]string{"--households", "-1", "--persons", "1755"}, exitUsage},
		{[]string{"--households", "593", "--persons", "1755", "--population", "-5"}, exitUsage},
		{[]string{"--households", "593", "--persons", "1755", "--target", "next"}, exitUsage},
	}
	for _, c := range cases {
		got, stdout, stderr := runRemainingOn(roll, c.args...)
		if got != c.want {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, got, c.want, stderr)
		}
		if got != exitOK && stdout != "" {
			t.Errorf("%v: failed but wrote to stdout: %q", c.args, stdout)
		}
	}
}

// runRemainingOn runs econcalc remaining on roll as standard input.
func runRemainingOn(roll string, args ...string) (status int, stdout, stderr string) {
	var out, errs bytes.Buffer
	status = run(append([]string{"econcalc", "remaining", "-"}, args...), strings.NewReader(roll), &out, &errs)
	return status, out.String(), errs.String()
}

// A registry counted in people only: whatever the options, no output and
// no warning speaks of households, and the exit statuses are those of the
// full roll.
func TestRemainingPersonsOnly(t *testing.T) {
	const roll = "年份,脱贫人数\n2014-2016,1154\n2017,844\n" // 1755 − 1154 = 601 < 844
	cases := []struct {
		args   []string
		want   int
		stderr []string // what stderr says, besides no households
	}{
		{[]string{"--persons", "1755", "--adjust", "--target", "2020", "--population", "50000"}, exitOK,
			[]string{"2017: --adjust added 243 people, the least"}},
		// 601 remain at 2016 and none at 2017, after --adjust adds 243.
		{[]string{"--persons", "1755", "--adjust", "--target", "2016", "-o", "json"}, exitOK,
			[]string{"2014-2016: 601 people remain, but the target was 2016", "2017: --adjust added 243 people"}},
		// 2000 − 1154 − 844 = 2 remain at 2017.
		{[]string{"--persons", "2000", "--target", "2017", "-o", "csv"}, exitOK,
			[]string{"2017: 2 people remain, but the target was 2017"}},
		{[]string{"--persons", "1755"}, exitData, []string{"exits of 844 people exceed the 601 people on the registry: short by 243 people"}},
		{[]string{"--persons", "-1"}, exitUsage, nil},
	}
	for _, c := range cases {
		got, stdout, stderr := runRemainingOn(roll, c.args...)
		if got != c.want {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, got, c.want, stderr)
		}
		for _, want := range c.stderr {
			if !strings.Contains(stderr, want) {
				t.Errorf("%v: stderr %q does not say %q", c.args, stderr, want)
			}
		}
		for _, out := range []string{stdout, stderr} {
			if strings.Contains(out, "household") || strings.Contains(out, "户") {
				t.Errorf("%v: speaks of households: %q", c.args, out)
			}
		}
	}
	// --households with such a roll is bad input (no households column);
	// an empty --households is bad usage.
	for _, c := range []struct {
		households string
		want       int
	}{{"593", exitData}, {"", exitUsage}} {
		if got, _, stderr := runRemainingOn(roll, "--households", c.households, "--persons", "1755"); got != c.want {
			t.Errorf("--households %q: exit %d, want %d (stderr %q)", c.households, got, c.want, stderr)
		}
	}
}
