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
		var stdout, stderr bytes.Buffer
		args := append([]string{"econcalc", "remaining", "-"}, c.args...)
		got := run(args, strings.NewReader(roll), &stdout, &stderr)
		if got != c.want {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, got, c.want, stderr.String())
		}
		if got != exitOK && stdout.Len() > 0 {
			t.Errorf("%v: failed but wrote to stdout: %q", c.args, stdout.String())
		}
	}
}
