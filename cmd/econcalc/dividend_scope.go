package main

import (
	"bytes"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"github.com/shopspring/decimal"
)

// A group's own total row often names its group in its label alone: 一组合计
// under the households of 一组, its 组 cell empty, or 罗建村合计 in the 村
// column itself. Such a total covers that group, not every household.

// labelledGroup is the group a total's label names before 合计, 总计 or 共计,
// in simplified characters without spaces (一组 of 一组合计 or 一組合計,
// 罗建村 of 【罗建村合计】, 甲 of 甲合计), or "" where it names none: 合计,
// 全村合计, 本组合计, 总合计, 村合计 (a scope word alone).
func labelledGroup(label string) string {
	b := labelStem([]byte(labelName(label)))
	for _, end := range []string{"合计", "总计", "共计"} {
		x, ok := bytes.CutSuffix(b, []byte(end))
		if !ok {
			continue
		}
		switch {
		case len(x) == 0, string(x) == "总", bytes.HasPrefix(x, []byte("全")), bytes.HasPrefix(x, []byte("本")),
			slices.Contains(scopeWords, string(x)):
			return ""
		}
		return string(x)
	}
	return ""
}

// namesPlace is whether a name a label gives ends with a scope word (一组,
// 罗建村, 二队): a total of such a place that is no group is worth saying
// so, where 甲 of 甲合计 may be anything.
func namesPlace(name string) bool {
	for _, w := range scopeWords {
		if len(name) > len(w) && bytes.HasSuffix([]byte(name), []byte(w)) {
			return true
		}
	}
	return false
}

// groupCalled is the name of the group whose name, in simplified characters
// without spaces, is name (labelledGroup's), or "" for none.
func (g *payeeGroups) groupCalled(name string) string {
	if _, ok := g.byName[name]; ok {
		return name
	}
	for _, grp := range g.groups {
		if grp.name != "" && labelName(grp.name) == name {
			return grp.name
		}
	}
	return ""
}

// labelName is a group's name as labelledGroup gives one: simplified, no
// spaces.
func labelName(s string) string {
	var b []byte
	for _, r := range s {
		if !unicode.IsSpace(r) {
			b = utf8.AppendRune(b, simplified(r))
		}
	}
	return string(b)
}

// partStart is tallyPart.follows of a total row read before any household
// of its part: the group before it is the previous part's last.
const partStart = -2

// precedingGroups appends to after the name of the group each of the
// part's total rows follows (tallyPart.follows), given the group of the
// last household before the part, and returns it with the part's own last.
func (p *tallyPart) precedingGroups(after []string, last string) ([]string, string) {
	for _, f := range p.follows {
		switch {
		case f == partStart:
			after = append(after, last)
		case f >= 0:
			after = append(after, p.groups.groups[f].name)
		default:
			after = append(after, "")
		}
	}
	if p.lastGroup >= 0 {
		last = p.groups.groups[p.lastGroup].name
	}
	return after, last
}

// everyoneOr is the scope of a total that names no group (合计 beside an
// empty 组) read after the households of group after: every household
// where its figure is theirs, else that group's where it is its, else
// every household, whose difference is reported.
func (t reportedTotal) everyoneOr(after string, sums func(scope string) []calc.Num) (string, []calc.Num) {
	all := sums("")
	if !t.ok[0] || calc.WithinRounding(all[0], t.values[0]) {
		return "", all
	}
	if own := sums(after); calc.WithinRounding(own[0], t.values[0]) {
		return after, own
	}
	return "", all
}

// groupNames are the headers of a column of households' groups: a
// village's (村) or a village group's (组).
var groupNames = append(append([]string{villageColumn.Key}, villageColumn.Aliases...), "组", "村组", "小组", "村民小组", "group")

// groupColumns are the columns named groupNames among the label columns
// (payeeLabelColumns), for a file read without --group-col.
func groupColumns(in *input.Source, places []int) []int {
	var cols []int
	for _, c := range places {
		for _, name := range groupNames {
			if in.Index(name) == c {
				cols = append(cols, c)
				break
			}
		}
	}
	return cols
}

// groupBeside is the group a total row of a file read without --group-col
// names in a column of groups other than its label's (合计 beside 一组), or
// "".
func (l *payeeLayout) groupBeside(rec *input.Row, label int) string {
	for _, c := range l.groupCols {
		if cell := rec.Cell(c); c != label && !emptyLabel(cell) && kindOf(cell) == dataRow {
			return string(cell)
		}
	}
	return ""
}

// checkTotals compares the file's total rows with the weights of the
// households they cover: a group's, or everyone's. With equal weights a
// total row has nothing to check, and is only left out. A total whose label
// names a group (一组合计) covers that group; where it names a place that is
// no group, a difference says so.
func (t *tallyPart) checkTotals(e *env, opts totalsOptions, weightColumn, groupColumn string) error {
	noteSubtotals(e, t.subtotals)
	sums := func(covers string) []calc.Num {
		var sum decimal.Decimal
		for _, g := range t.groups.groups {
			if covers == "" || g.name == covers {
				sum = sum.Add(g.weight)
			}
		}
		return []calc.Num{calc.DecimalNum(sum)}
	}
	has := func(name string) bool { _, ok := t.groups.byName[name]; return ok }
	for i, r := range t.reported {
		if len(r.values) == 0 {
			continue
		}
		nameless, namer := "", "row"
		if named := labelledGroup(r.label); named != "" && r.scope == named {
			switch real := t.groups.groupCalled(named); {
			case real != "":
				r.scope = real
			case namesPlace(named) && groupColumn != "":
				nameless = fmt.Sprintf(" (the label names %s, but no household's %s is %s)", named, groupColumn, named)
			}
			namer = "label"
		}
		if r.scope != "" && groupColumn == "" {
			nameless = fmt.Sprintf(" (the %s names %s, but households are not grouped: pass --group-col with the column of their groups)", namer, r.scope)
		}
		covers, sum := r.settleScope(has, sums)
		if r.scope == "" && t.after[i] != "" {
			covers, sum = r.everyoneOr(t.after[i], sums)
		}
		scope := "every household" + nameless
		if covers != "" {
			scope = covers
		}
		if !r.ok[0] {
			continue
		}
		if err := opts.check(e, r.at, r.label, weightColumn+" of "+scope, sum[0], r.values[0]); err != nil {
			return err
		}
	}
	return nil
}
