package main

import (
	"fmt"
	"strings"

	"econcalc/cmd/internal/input"

	"golang.org/x/text/width"
)

// A completion table measures the year to date against the annual target:
// a column of one month's (or one quarter's) own figures, 本月, 当月完成,
// 10月, 10月完成投资, would give October's 12.74 as if it were ten months'.
// invest and targets refuse such a column even when a flag names it (the
// flag picks a column; it does not make a month's figure a year's).

// ownFigures is the words of a header that name one month's or one
// quarter's own figures, "" when it names none: 本月, 当月, 当季, 当期 as
// growth reads them (headerKind), or a month or a quarter alone (10月,
// 2017年10月, 三季度), before a name without 累计 too (10月完成投资), as
// findSpanned reads them.
func ownFigures(header string) string {
	name := headerName(width.Narrow.String(header))
	if headerKind(header).own() {
		for _, w := range []string{"当月", "本月", "当季", "本季", "当期"} {
			if strings.Contains(name, w) {
				return w
			}
		}
	}
	if periodAlone.MatchString(name) {
		return name
	}
	if p, ok := namedPeriod(name); ok && !p.lastYear && strings.HasPrefix(name, p.label) && periodAlone.MatchString(p.label) {
		if rest := strings.TrimSpace(strings.TrimPrefix(name, p.label)); headerKind(rest) == byLabels {
			return p.label
		}
	}
	return ""
}

// checkOwnPeriod refuses column col when its header names one month's or
// quarter's own figures (ownFigures); role says what the column should
// hold, flag is the option that names the right one.
func checkOwnPeriod(in *input.Source, col int, role, flag string) error {
	if col < 0 {
		return nil
	}
	w := ownFigures(in.Header[col])
	if w == "" {
		return nil
	}
	return in.HeaderError(in.Header[col], fmt.Sprintf("says %s: one month's or one quarter's own figures, not %s: name the column of the year to date with --%s", w, role, flag))
}
