package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

func writeTable(w io.Writer, results []result) {
	fmt.Fprintln(w, "| scenario | command | rows | wall s | rows/s | peak MB | target (issues 7, 17) |")
	fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|---|")
	byName := map[string]result{}
	for _, r := range results {
		byName[r.name] = r
	}
	for _, r := range results {
		wall, rate, peak := "—", "—", "—"
		switch {
		case r.skipped != "":
			wall = "skipped"
		case r.err != nil:
			wall = "failed"
		default:
			wall = fmt.Sprintf("%.3f", r.wall.Seconds())
			rate = thousands(int64(float64(r.rows) / r.wall.Seconds()))
			if r.floor == "" { // the floor runs in this process: no peak of its own
				peak = fmt.Sprintf("%.1f", float64(r.peakKB)/1024)
			}
		}
		target := r.target
		for _, c := range r.checks {
			target += "; " + c.outcome(r, byName)
		}
		// A | inside a cell, even in a code span, must be escaped.
		command := strings.ReplaceAll(r.commandLine(), "|", `\|`)
		fmt.Fprintf(w, "| %s | `%s` | %s | %s | %s | %s | %s |\n",
			r.name, command, thousands(int64(r.rows)), wall, rate, peak, target)
	}
}

// thousands writes n with commas between groups of three digits.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// outcome is the check's label with the measured ratio (or peak) and whether
// it is met, or only the label when either side did not run.
func (c check) outcome(r result, byName map[string]result) string {
	value := func(r result) float64 {
		if c.peak {
			return float64(r.peakKB) / 1024
		}
		return r.wall.Seconds()
	}
	ran := func(r result) bool { return r.skipped == "" && r.err == nil && value(r) > 0 }
	if !ran(r) {
		return c.label
	}
	got, unit := value(r), " MB"
	if c.against != "" {
		ref, ok := byName[c.against]
		if !ok || !ran(ref) {
			return c.label
		}
		got, unit = got/value(ref), " ×"
	}
	verdict := "met"
	if got > c.limit {
		verdict = "missed"
	}
	return fmt.Sprintf("%s: %.2f%s, %s", c.label, got, unit, verdict)
}
