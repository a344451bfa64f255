package main

import (
	"fmt"
	"strings"

	"econcalc/cmd/internal/input"
)

// planWords say that a count column holds a plan or a forecast, not what
// happened: 脱贫人数（计划）, 脱贫户数（目标）, 脱贫人数（任务）, （预计）;
// poverty reads an income column's header by them too (checkPlannedIncome).
var planWords = []string{"计划", "目标", "任务", "预计", "预期", "预测", "规划"}

// plannedCount is the word in a count column's header that says it holds a
// plan (planWords), or "": 计划 in 脱贫人数（计划）. 计划内 and 计划外 sort
// what happened by the plan (完成投资（计划内）) and say no plan, nor does
// 计划生育 (family planning: 计划生育奖励扶助金, a transfer received).
func plannedCount(header string) string {
	h := strings.NewReplacer("计划内", "", "计划外", "", "计划生育", "").Replace(header)
	for _, w := range planWords {
		if strings.Contains(h, w) {
			return w
		}
	}
	return ""
}

// refusePlannedCount refuses column col, found by spec's names, when its
// header says it holds a plan: the plan of exits read as the exits gives
// the remaining a wrong figure. Named with spec's flag it is read (see
// notePlannedCounts).
func refusePlannedCount(in *input.Source, spec input.Column, col int) error {
	w := plannedCount(in.Header[col])
	if w == "" {
		return nil
	}
	return in.HeaderError(in.Header[col], fmt.Sprintf("says %s: a plan, not the %s that happened; give the column of those, or name this one with --%s to read it as them",
		w, countWhat(spec), spec.Flag))
}

// notePlannedCounts says which columns, named by their flags, are read as
// given though their headers say they hold a plan.
func notePlannedCounts(e *env, in *input.Source, cols [4]int, overrides [4]string) {
	specs := [4]input.Column{rollExitedHouseholdsColumn, rollExitedPersonsColumn, rollAddedHouseholdsColumn, rollAddedPersonsColumn}
	for k, c := range cols {
		if c < 0 || overrides[k] == "" {
			continue
		}
		if w := plannedCount(in.Header[c]); w != "" {
			e.notef("column %q says %s, a plan: read as the %s, as --%s says", in.Header[c], w, countWhat(specs[k]), specs[k].Flag)
		}
	}
}

// countWhat is what a count column holds, for a message: exits or additions.
func countWhat(spec input.Column) string {
	if strings.HasPrefix(spec.Key, "added") {
		return "additions"
	}
	return "exits"
}
