package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
)

// payeeLayout is where dividend finds its columns; group and weight are -1
// when absent (equal weights).
type payeeLayout struct {
	id, group, weight int
	members           bool  // the weight is people (--by members): whole numbers
	first             int   // column 0 when it is neither id nor group (firstColumnBeside)
	places            []int // other columns that name a household or its place (payeeLabelColumns)
	persons           []int // the columns of people's names among id, first and places (payeePersonNames)
	groupCols         []int // the columns of groups among places, without --group-col (groupColumns)
	totals            totalsOptions
}

// payeeLabelNames are the headers of the columns, besides the id and the
// group, that may hold a total row's label: a household's name, its village
// or group. Without --group-col, 村 is no grouping, yet its 合计 or 甲村小计
// is still a total or a subtotal, never a household to pay.
var payeeLabelNames = append(append([]string{villageColumn.Key}, villageColumn.Aliases...),
	"组", "村组", "小组", "村民小组", "group", "姓名", "户主姓名", "name",
	householdIDColumn.Key, "户编号", "户号", "户主")

// payeePersonNames are the headers among payeeLabelNames of a column of
// people's names: there a total or a subtotal is a cell that is a label by
// itself (合计, （合计）, 小计), never a name that ends as one (王合计, 李小计).
var payeePersonNames = []string{"户主", "姓名", "户主姓名", "name"}

// personColumns are the columns named payeePersonNames, in header order.
func personColumns(in *input.Source) []int {
	var cols []int
	for i := range in.Header {
		for _, name := range payeePersonNames {
			if in.Index(name) == i {
				cols = append(cols, i)
				break
			}
		}
	}
	return cols
}

// payeeLabelColumns are the columns named payeeLabelNames that are neither
// the id, the group nor the weight, in header order.
func payeeLabelColumns(in *input.Source, l payeeLayout) []int {
	var cols []int
	for i := range in.Header {
		if i == l.id || i == l.group || i == l.weight {
			continue
		}
		for _, name := range payeeLabelNames {
			if in.Index(name) == i {
				cols = append(cols, i)
				break
			}
		}
	}
	return cols
}

func findPayeeColumns(in *input.Source, opts dividendOptions) (payeeLayout, error) {
	l := payeeLayout{group: -1, weight: -1, totals: opts.totals}
	var err error
	if l.id, err = in.Find(householdIDColumn, opts.idCol); err != nil {
		return l, err
	}
	if opts.groupCol != "" {
		if l.group, err = in.Named(opts.groupCol); err != nil {
			return l, err
		}
	}
	switch strings.ToLower(strings.TrimSpace(opts.by)) {
	case "equal":
	case "members":
		l.weight, err = in.Find(membersColumn, opts.membersCol)
		l.members = true
		if err == nil {
			err = checkMembersUnit(in, l.weight) // 家庭人口（户）
		}
	default:
		if l.weight, err = in.Named(opts.by); err != nil {
			return l, err
		}
		// Weights in 万元 for some households and 元 for others would be
		// split as written: one unit for all, in the header, or none.
		if unit := unitColumnOf(in); unit >= 0 {
			err = in.HeaderError(in.Header[unit], fmt.Sprintf("gives a unit per household beside the weights of %q: give the weights in one unit, named in that column's header (%s（万元）), and leave this column out", in.Header[l.weight], in.Header[l.weight]))
		}
	}
	l.first = firstColumnBeside(l.id, l.group)
	l.places = payeeLabelColumns(in, l)
	l.persons = personColumns(in)
	if l.group < 0 {
		l.groupCols = groupColumns(in, l.places)
	}
	l.totals.numbering = numberingColumn(in, l.id, l.group)
	return l, err
}

// upTo is where the columns either pass reads end: the plain scanner
// splits a row no further (input.Source.ReadsUpTo).
func (l payeeLayout) upTo() int {
	upTo := max(l.id, l.group, l.weight) + 1
	for _, c := range l.places {
		upTo = max(upTo, c+1)
	}
	return upTo
}

// tallyPayees is the first pass: it reads the households, checks each, and
// counts them by group and weight, in parallel parts when the input allows.
func tallyPayees(e *env, in *input.Source, l payeeLayout, opts *dividendOptions) (*tallyPart, error) {
	opts.weightsAt.File = in.First()
	if l.weight >= 0 {
		opts.weightsAt.Column = in.Header[l.weight]
	}
	in.Unique(l.id, "household")
	in.ReadsUpTo(l.upTo())
	t, err := input.Fold(in, newTallyPart, l.tally, mergeTallies)
	if err != nil {
		return nil, err
	}
	// Each group's households and weight, from the counts: the sum of
	// fixed-point weights prints with the most places among them, as the
	// decimals' sum would.
	sums := make([]calc.Num, len(t.groups.groups))
	var none int64 // households of 0 members
	for _, part := range t.parts {
		part.each(func(key weightClass, n int64) {
			gi := part.into[key.group]
			t.groups.groups[gi].households += n
			w := part.weightOf(key)
			sums[gi] = sums[gi].Add(w.MulInt(n))
			if w.Sign() == 0 {
				none += n
			}
		})
	}
	if l.members && none > 0 {
		what := fmt.Sprintf("%d households with 0 members in %s are", none, input.QuoteCell(in.Header[l.weight]))
		if none == 1 {
			what = fmt.Sprintf("1 household with 0 members in %s is", input.QuoteCell(in.Header[l.weight]))
		}
		e.warnf("%s paid nothing", what)
	}
	for gi, g := range t.groups.groups {
		g.weight = sums[gi].Decimal()
	}
	groupColumn := ""
	if l.group >= 0 {
		groupColumn = in.Header[l.group]
	}
	if err := t.checkTotals(e, opts.totals, in.Header[max(l.weight, 0)], groupColumn); err != nil {
		return nil, err
	}
	return t, nil
}

// payeeGroups assigns households to groups in first-appearance order.
type payeeGroups struct {
	groups []*payGroup
	byName map[string]int
}

// index is the group of that name, new if need be.
func (g *payeeGroups) index(name string) int {
	gi, ok := g.byName[name]
	if !ok {
		gi = len(g.groups)
		g.byName[name] = gi
		g.groups = append(g.groups, &payGroup{name: name})
	}
	return gi
}

// oneNum is the weight of each household with equal weights.
var (
	oneNum   = calc.IntNum(1)
	oneFixed = func() calc.Fixed { f, _ := oneNum.Fixed(); return f }()
)

// exactKey names a weight beyond fixed point by its digits and exponent, so
// that 1.50 and 1.5 stay apart as they print apart.
func exactKey(d decimal.Decimal) string {
	return d.Coefficient().String() + "e" + strconv.Itoa(int(d.Exponent()))
}

// weightOf is a class's weight.
func (p *tallyPart) weightOf(c weightClass) calc.Num {
	if c.exact != "" {
		return p.exact[c.exact]
	}
	return c.weight.Num()
}

// shareOf is the pool a group's households share: its own, or with --pool
// everyone's.
func shareOf(group int, opts dividendOptions) int {
	if opts.poolGiven {
		return 0
	}
	return group
}

// labelled is totalsOptions.rowLabel of the row's label cells: the id,
// the group, the first column and the other columns that name a household
// or its place.
// In a column of people's names (户主, 姓名) a name that only ends as a
// label (王合计, 李小计) is a household's: that cell is passed over. A
// count of households (合计4户, 共4户: countLabel) is a total too.
func (l *payeeLayout) labelled(rec *input.Row) (kind rowKind, col int, err error) {
	var buf [8]int
	cells := append(append(buf[:0], l.group, l.first), l.places...)
	if l.totals.unlabelled(rec, l.id, cells) { // the usual row
		return dataRow, -1, nil
	}
	if kind, col, err = l.labelledBy(rec); kind != dataRow || err != nil {
		return kind, col, err
	}
	return l.counted(rec, cells)
}

// labelledBy is labelled by the labels totalsOptions.rowLabel reads.
func (l *payeeLayout) labelledBy(rec *input.Row) (kind rowKind, col int, err error) {
	if len(l.places) == 0 && len(l.persons) == 0 {
		return l.totals.rowLabel(rec, l.id, l.group, l.first)
	}
	var buf [8]int
	beside := append(buf[:0], l.group)
	if !l.aName(rec, l.first) {
		beside = append(beside, l.first)
	}
	for _, c := range l.places {
		if !l.aName(rec, c) {
			beside = append(beside, c)
		}
	}
	if l.aName(rec, l.id) {
		return l.besideName(rec, beside)
	}
	return l.totals.rowLabel(rec, l.id, beside...)
}

// aName is whether column c holds people's names and the row's cell there
// ends as a label without being one by itself (王合计).
func (l *payeeLayout) aName(rec *input.Row, c int) bool {
	if c < 0 || !slices.Contains(l.persons, c) || !mayBeLabel(rec.Fields[c]) {
		return false
	}
	cell := rec.Cell(c)
	kind, _ := labelKind(cell)
	whole, _ := wholeLabelKind(cell)
	return kind != dataRow && whole == dataRow
}

// besideName is totalsOptions.rowLabel of a row whose id is a person's name
// that ends as a label (王合计 in 户主): the id is no label, and names the
// row, so only a label that says total beside it (合计 in 村, or any in the
// column that numbers the rows) makes the row a total, not a place (全村).
func (l *payeeLayout) besideName(rec *input.Row, beside []int) (kind rowKind, col int, err error) {
	if n := l.totals.numbering - 1; n >= 0 && n != l.id && mayBeLabel(rec.Fields[n]) {
		if kind, _ := labelKind(rec.Cell(n)); kind != dataRow {
			return l.totals.labelled(rec, n)
		}
	}
	for _, c := range beside {
		if c < 0 || c == l.id || !mayBeLabel(rec.Fields[c]) {
			continue
		}
		if kind, place := labelKind(rec.Cell(c)); kind != dataRow && !place {
			return l.totals.labelled(rec, c)
		}
	}
	return dataRow, -1, nil
}

// tally reads and counts one household.
func (l *payeeLayout) tally(p *tallyPart, rec *input.Row) error {
	switch kind, col, err := l.labelled(rec); {
	case err != nil:
		return err
	case kind == totalRow:
		var checked []int
		if l.weight >= 0 {
			checked = append(checked, l.weight)
		}
		scope, orAll := totalScope(rec, col, l.group, l.id)
		if scope == "" {
			scope = labelledGroup(rec.Text(col)) // 一组合计 beside an empty 组
		}
		if scope == "" && l.group < 0 {
			scope = l.groupBeside(rec, col) // 合计 beside 一组, households not grouped
		}
		follows := int32(-1)
		if scope == "" && l.group >= 0 {
			follows = int32(p.lastGroup) // 合计 beside an empty 组, under 一组's households
			if p.lastGroup < 0 {
				follows = partStart
			}
		}
		t, err := readTotal(rec, col, scope, checked)
		t.orAll = orAll
		p.reported = append(p.reported, t)
		p.follows = append(p.follows, follows)
		return err
	case kind == subtotalRow:
		p.subtotals++
		return nil
	}
	id := rec.Cell(l.id)
	if len(id) == 0 {
		return rec.Errorf(l.id, "empty household id")
	}
	if err := rec.Unique(id); err != nil {
		return err
	}
	group := p.lastGroup
	if l.group >= 0 {
		name := rec.Cell(l.group)
		if len(name) == 0 {
			return rec.Errorf(l.group, "empty group")
		}
		if group < 0 || !sameName(name, p.groups.groups[group].name) {
			group = p.groups.index(string(name))
		}
	} else if group < 0 {
		group = p.groups.index("")
	}
	p.lastGroup = group
	var cell []byte // the weight as written
	if l.weight >= 0 {
		// A weight written in one byte (the members of a household: 3) that
		// was small before is small again, read or not.
		if cell = rec.Fields[l.weight]; len(cell) == 1 && p.smallCells[cell[0]] > 0 {
			p.countSmall(group, int(p.smallCells[cell[0]])-1)
			return nil
		}
	}
	class := weightClass{group: int32(group), weight: oneFixed}
	if l.weight >= 0 {
		w, err := l.weightOf(rec)
		if err != nil {
			return err
		}
		if f, fixed := w.Fixed(); fixed {
			class.weight = f
		} else {
			class.weight, class.exact = calc.Fixed{}, exactKey(w.Decimal())
			p.exact[class.exact] = w
		}
	}
	if k := smallWeight(class.weight); k >= 0 && class.exact == "" {
		if len(cell) == 1 {
			p.smallCells[cell[0]] = int8(k + 1)
		}
		p.countSmall(group, k)
		return nil
	}
	if _, counted := p.classes[class]; counted || class.exact != "" || len(p.classes) < maxTallyClasses {
		p.classes[class]++
	} else {
		p.loose = append(p.loose, looseWeight{units: class.weight.Units, group: class.group, places: class.weight.Places})
	}
	return nil
}

// weightOf reads a household's weight, which must be given and not
// negative; with --by members, people: a whole number, checked on the
// amount as read.
func (l *payeeLayout) weightOf(rec *input.Row) (calc.Num, error) {
	w, ok, err := rec.Amount(l.weight)
	switch {
	case err != nil:
		return w, err
	case !ok:
		return w, rec.Errorf(l.weight, "empty: every household needs a weight (write 0 for none)")
	case w.Sign() < 0:
		return w, rec.Errorf(l.weight, "%s: a weight cannot be negative", report.ExactNum(w))
	case l.members && !w.IsInteger():
		return w, rec.Errorf(l.weight, "%s is not a whole number: --by members counts people", input.QuoteCell(string(rec.Fields[l.weight])))
	}
	return w, nil
}
