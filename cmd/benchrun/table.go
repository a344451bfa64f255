package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

func writeTable(w io.Writer, results []result) {
	fmt.Fprintln(w, "| scenario | command | rows | wall s | rows/s | peak MB | target (issue 7) |")
	fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|---|")
	peaks := map[string]int64{}
	for _, r := range results {
		peaks[r.name] = r.peakKB
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
			peak = fmt.Sprintf("%.1f", float64(r.peakKB)/1024)
		}
		target := r.target
		if ref := peaks[r.flatAgainst]; r.flatAgainst != "" && ref > 0 && r.peakKB > 0 {
			target += fmt.Sprintf(" (%+.0f%%)", 100*float64(r.peakKB-ref)/float64(ref))
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
