package main

import (
	"bytes"
	"strings"
	"testing"
)

// flagCommands are the command lines FuzzFlagValues gives flag values to, on
// small demo inputs, with the numeric and choice flags each command reads.
// The fuzzed flags come last, so that they replace a value given before.
var flagCommands = []struct {
	args  []string
	flags []string
}{
	{[]string{"growth", demoFile("industries.csv"), "--group-col", "industry"}, nil},
	{[]string{"growth", demoFile("output_ytd.csv"), "--ytd", "--two-year", "--summary"}, nil},
	{[]string{"base", demoFile("indicators.csv")}, nil},
	{[]string{"poverty", demoFile("households.csv"), "--line", "3335"}, []string{"--line", "--exit-threshold"}},
	{[]string{"invest", demoFile("projects.csv"), "--as-of", "2017-10"}, []string{"--as-of", "--by", "--sort"}},
	{[]string{"dividend", demoFile("pv_households.csv"), "--pool", "100000", "--group-col", "村"}, []string{"--pool", "--unit", "--retain", "--by"}},
	{[]string{"remaining", demoFile("registry_roll.csv"), "--households", "593", "--persons", "1755", "--adjust"},
		[]string{"--households", "--persons", "--population", "--target"}},
}

// sharedFlags are the numeric and choice flags of every command above.
var sharedFlags = []string{"--decimals", "--value-decimals", "--skip", "--skip-footer", "--max-record-bytes",
	"--format", "--rounding", "--lang", "--encoding", "--delimiter", "--sheet"}

// FuzzFlagValues runs each command with arbitrary values for two of its
// numeric and choice flags. Whatever the values, econcalc must not panic or
// fail inside (exit 3), must answer 0, 1 or 2, and a usage error (2) must
// leave stdout empty and say why in one line that starts "econcalc: ".
func FuzzFlagValues(f *testing.F) {
	for _, seed := range []struct {
		command, flag1 uint8
		value1         string
		flag2          uint8
		value2         string
	}{
		{0, 0, "4294967297", 1, "-4294967295"}, // once cast to int32: 1 place
		{0, 0, "17", 0, "20"},                  // shares once overflowed 100·10^17
		{0, 4, "100000000000", 0, "19"},        // once ran out of memory
		{0, 4, "9223372036854775807", 1, "20"}, // once exit 3
		{0, 4, "1073741824", 2, "1000"},
		{5, 11, "9999999990000000000", 12, "999999999"}, // paid out a negative sum
		{5, 11, "1234567890123456789012345678.9", 12, "0.01"},
		{5, 13, "100", 14, "members"},
		{3, 11, "0.0000000000000000000000000001", 12, "1000"},
		{6, 11, "999999999999999999999999999999", 14, "99999"},
		{4, 11, "2017年1-10月", 13, "lead"},
		{1, 5, "json", 6, "half-even"},
		{2, 9, `\t`, 10, "2"},
		{0, 7, "zh", 8, "gbk"},
	} {
		f.Add(seed.command, seed.flag1, seed.value1, seed.flag2, seed.value2)
	}
	f.Fuzz(func(t *testing.T, command, flag1 uint8, value1 string, flag2 uint8, value2 string) {
		c := flagCommands[int(command)%len(flagCommands)]
		flags := append(append([]string{}, sharedFlags...), c.flags...)
		args := append([]string{"econcalc"}, c.args...)
		args = append(args, "-q", flags[int(flag1)%len(flags)]+"="+value1, flags[int(flag2)%len(flags)]+"="+value2)
		var stdout, stderr bytes.Buffer
		status := run(args, strings.NewReader(""), &stdout, &stderr)
		switch status {
		case exitOK, exitData:
		case exitUsage:
			msg := stderr.String()
			if stdout.Len() > 0 || !strings.HasPrefix(msg, "econcalc: ") || strings.Count(msg, "\n") != 1 || !strings.HasSuffix(msg, "\n") {
				t.Fatalf("%q: usage error with stdout %q and stderr %q; want no output and one line", args, stdout.String(), msg)
			}
		default:
			t.Fatalf("%q: exit status %d: %s", args, status, stderr.String())
		}
		if status != exitOK && stdout.Len() > 0 {
			t.Fatalf("%q: exit status %d with output on stdout", args, status)
		}
	})
}
