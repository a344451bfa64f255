package main

import (
	"fmt"
	"strings"
	"unicode"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// Column roles in a household file, by header, matched case-insensitively.
// A column that is none of these is an error that names it: a phone number
// or a row number counted as income would make a household rich.
var (
	// excludedByDefault mark a component that is not income (不搞把补贴、
	// 贷款算成收入); they win over everything else.
	excludedByDefault = []string{"subsidy", "loan", "补贴", "补助", "贷款", "借款"}
	// incomeFragments mark an income component.
	incomeFragments = []string{"收入", "工资", "经营", "财产", "转移", "养老金", "income", "wage", "salary", "business", "property", "transfer", "pension"}
	// ignoredFragments and ignoredWords mark identifiers and attributes;
	// the English ones are whole words, so that "id" is not read in "subsidy".
	ignoredFragments = []string{"序号", "编号", "代码", "电话", "手机", "身份证", "证件", "年份", "年度", "组", "户主", "姓名", "备注"}
	ignoredWords     = []string{"id", "no", "phone", "year", "name", "note"}
	// expenseFragments mark an expense, which a header with 经营 or 收入
	// may also be (生产经营性支出): never income.
	expenseFragments = []string{"支出", "费用", "成本", "expense", "cost", "spending"}
	// totalIncomeFragments mark a household's whole income (家庭纯收入,
	// 收入合计, 收入小计, 家庭年收入, 收入总额), and so does a bare 收入 or
	// 纯收入 (totalIncomeNames), whoever's and of whichever year it is
	// (年人均纯收入, 全家纯收入: isWholeIncome), unless a component's
	// fragment names what it is a part of (家庭经营纯收入, 务工年收入,
	// 种植业纯收入).
	totalIncomeFragments = []string{"家庭", "合计", "小计", "总计", "总收入", "总纯收入", "收入总额", "可支配收入", "全年收入", "年收入", "年纯收入", "年净收入", "total"}
	totalIncomeNames     = []string{"收入", "纯收入", "净收入", "可支配收入", "income", "net income"}
	componentFragments   = []string{"工资", "经营", "财产", "转移", "养老", "务工", "打工", "劳务", "种植", "养殖", "其他", "其它", "生产", "低保", "赡养",
		"分红", "租金", "补偿", "wage", "salary", "business", "property", "transfer", "pension", "other"}
	// perCapitaMarks mark an amount per person (人均纯收入): the household's
	// is it × members.
	perCapitaMarks = []string{"人均", "per capita", "per_capita", "per-capita"}
)

// maxMembers bounds a household's size: larger is a typo, not a family.
const maxMembers = 1_000_000

// householdColumns is the role of every column of a household file.
type householdColumns struct {
	id, village, members int
	counted, excluded    []int
	perCapita            map[int]bool  // counted or excluded columns that are per person
	scale                map[int]int32 // counted or excluded columns in 万元 …: the power of ten to 元
	ignored              []int
	named                bool // --income named the counted columns
}

// findHouseholdColumns finds the key columns and gives every other column a
// role: counted, excluded or ignored, by flag or else by its header.
func findHouseholdColumns(in *input.Source, opts povertyOptions) (householdColumns, error) {
	c := householdColumns{perCapita: map[int]bool{}}
	var err error
	if c.id, err = in.Find(householdIDColumn, opts.idCol); err != nil {
		return c, err
	}
	if c.village, err = in.Find(villageColumn, opts.villageCol); err != nil {
		return c, err
	}
	if c.members, err = in.Find(membersColumn, opts.membersCol); err != nil {
		return c, err
	}
	if err := checkMembersUnit(in, c.members); err != nil { // 家庭人口（万人）
		return c, err
	}
	isKey := func(i int) bool { return i == c.id || i == c.village || i == c.members }
	role := map[int]string{}
	claim := func(names []string, flag string) ([]int, error) {
		var idx []int
		for _, name := range names {
			i, err := in.Named(name)
			if err != nil {
				return nil, err
			}
			if isKey(i) {
				return nil, usagef("--%s %q: that is the household_id, village or members column", flag, name)
			}
			if prev, ok := role[i]; ok {
				return nil, usagef("--%s %q: column already named by --%s", flag, name, prev)
			}
			role[i] = flag
			idx = append(idx, i)
		}
		return idx, nil
	}
	perCapita, err := claim(opts.perCapitaCols, "per-capita-col")
	if err != nil {
		return c, err
	}
	if c.counted, err = claim(opts.incomeCols, "income"); err != nil {
		return c, err
	}
	c.counted = append(perCapita, c.counted...)
	if c.excluded, err = claim(opts.excludeCols, "exclude"); err != nil {
		return c, err
	}
	if c.ignored, err = claim(opts.ignoreCols, "ignore"); err != nil {
		return c, err
	}
	c.named = len(opts.incomeCols)+len(opts.perCapitaCols) > 0
	for i, name := range in.Header {
		if isKey(i) || role[i] != "" {
			continue
		}
		switch h := strings.ToLower(name); {
		case len(opts.excludeCols) == 0 && containsAny(headerName(h), excludedByDefault): // 工资性收入（含公益岗位补贴） is wages
			c.excluded = append(c.excluded, i)
		case c.named:
			c.ignored = append(c.ignored, i)
		case containsAny(h, incomeFragments):
			c.counted = append(c.counted, i)
		case containsAny(h, ignoredFragments) || hasWord(h, ignoredWords):
			c.ignored = append(c.ignored, i)
		default:
			return c, in.HeaderError(name,
				"is neither an income component, a subsidy or loan, nor an identifier or attribute that econcalc knows; say which with --income, --exclude or --ignore")
		}
	}
	if len(c.counted) == 0 {
		return c, in.HeaderError("",
			"no income columns: the header has only household_id, village, members, excluded components and ignored columns")
	}
	for _, i := range perCapita {
		c.perCapita[i] = true
	}
	for _, i := range append(append([]int{}, c.counted...), c.excluded...) {
		if _, perPerson, _ := incomeUnit(in.Unit(i)); perPerson || containsAny(strings.ToLower(in.Header[i]), perCapitaMarks) {
			c.perCapita[i] = true
		}
	}
	if err := c.checkPerCapita(in); err != nil {
		return c, err
	}
	if !c.named {
		if err := checkIncomeRoles(in, c.counted); err != nil {
			return c, err
		}
	}
	return c, c.incomeUnits(in)
}

// incomeUnits brings every component to 元, the poverty line's unit
// (columnUnits): a component in 万元 is read × 10,000. A unit per person
// (元/人) or per household (元/户) is the same to the line, which is
// compared with income per person either way.
func (c *householdColumns) incomeUnits(in *input.Source) error {
	cols := append(append([]int{}, c.counted...), c.excluded...)
	units := make([]string, len(cols))
	for k, i := range cols {
		unit, _, perHousehold := incomeUnit(in.Unit(i))
		if c.perCapita[i] && perHousehold {
			return in.HeaderError(in.Header[i], "is income per person by its name but per household by its unit: say which")
		}
		units[k] = unit // a per-person unit made the column per person
	}
	_, exps, err := columnUnits(in, cols, units, "元")
	if err != nil || !converted(exps) {
		return err
	}
	c.scale = map[int]int32{}
	for k, i := range cols {
		c.scale[i] = exps[k]
	}
	return nil
}

// perPersonUnits and perHouseholdUnits end a unit of income per person
// (元/人, 元／人, 元/人·年, 元/人/年, 元/口) or per household (元/户,
// 元/户·年); perYearUnits one that says only that it is a year's (元/年),
// as every income in a registry is.
var (
	perPersonUnits    = []string{"/人·年", "/人.年", "/人/年", "/人年", "/(人·年)", "/(人.年)", "/人", "/口·年", "/口/年", "/口"}
	perHouseholdUnits = []string{"/户·年", "/户.年", "/户/年", "/户年", "/(户·年)", "/户"}
	perYearUnits      = []string{"/年"}
	unitSpellings     = strings.NewReplacer("／", "/", "（", "(", "）", ")", "•", "·", "・", "·", "．", ".")
)

// incomeUnit is an income column's unit of money (元, 万元) without the per
// person or per household it ends with, which it reports.
func incomeUnit(unit string) (money string, perPerson, perHousehold bool) {
	u := unitSpellings.Replace(unit)
	cut := func(ends []string) bool {
		for _, end := range ends {
			if m, ok := strings.CutSuffix(u, end); ok && m != "" {
				money = m
				return true
			}
		}
		return false
	}
	switch {
	case cut(perPersonUnits):
		return money, true, false
	case cut(perHouseholdUnits):
		return money, false, true
	case cut(perYearUnits):
		return money, false, false
	}
	return unit, false, false
}

// shifts are the powers of ten that bring columns cols to 元 (incomeUnits).
func (c *householdColumns) shifts(cols []int) []int32 {
	exps := make([]int32, len(cols))
	for k, i := range cols {
		exps[k] = c.scale[i]
	}
	return exps
}

// checkPerCapita refuses counted income that is per person in one column
// and per household in another: adding them would be wrong either way.
func (c *householdColumns) checkPerCapita(in *input.Source) error {
	perPerson, perHousehold := -1, -1
	for _, i := range c.counted {
		if c.perCapita[i] && perPerson < 0 {
			perPerson = i
		} else if !c.perCapita[i] && perHousehold < 0 {
			perHousehold = i
		}
	}
	if perPerson < 0 || perHousehold < 0 {
		return nil
	}
	return in.HeaderError(in.Header[perPerson], fmt.Sprintf("is income per person but %q is income per household: a registry gives one or the other (leave one out with --ignore)", in.Header[perHousehold]))
}

func containsAny(s string, fragments []string) bool {
	for _, f := range fragments {
		if strings.Contains(s, f) {
			return true
		}
	}
	return false
}

// hasWord reports one of words as a whole word of s (household_id, No.).
func hasWord(s string, words []string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		for _, word := range words {
			if w == word {
				return true
			}
		}
	}
	return false
}

func looksExcluded(header string) bool {
	return containsAny(headerName(header), excludedByDefault)
}

// describedColumns is how many columns of each role describe names; a
// registry with 150,000 columns gets a line, not a page.
const describedColumns = 10

// describe is the stderr line that says what each column was taken for.
func (c householdColumns) describe(header []string) string {
	list := func(idx []int) string {
		if len(idx) == 0 {
			return "none"
		}
		shown := idx[:min(len(idx), describedColumns)]
		names := make([]string, len(shown))
		for k, i := range shown {
			names[k] = header[i]
			if c.perCapita[i] {
				names[k] += " (per capita)"
			}
		}
		if more := len(idx) - len(shown); more > 0 {
			return fmt.Sprintf("%s and %d more", strings.Join(names, ", "), more)
		}
		return strings.Join(names, ", ")
	}
	s := "income counted: " + list(c.counted) + "; excluded: " + list(c.excluded)
	if len(c.ignored) > 0 {
		s += "; ignored: " + list(c.ignored)
	}
	return s
}

// read parses one household. An empty component cell is nothing received
// (0), but a row whose counted components are all empty is an error: its
// income was not recorded, and reading it as zero would make it poor. An
// amount per person counts members times.
func (c *householdColumns) read(rec *input.Row, h *calc.Registered) error {
	m, ok, err := rec.Count(c.members)
	switch {
	case err != nil:
		return err
	case !ok:
		return rec.Errorf(c.members, "empty: every household needs its number of members")
	case m < 1:
		return rec.Errorf(c.members, "%q: a household has at least 1 member", rec.Fields[c.members])
	case m > maxMembers:
		return rec.Errorf(c.members, "%q: more than %d members", rec.Fields[c.members], maxMembers)
	}
	h.Members = m
	var recorded bool
	if h.Counted, recorded, err = c.sum(rec, c.counted, m); err != nil {
		return err
	}
	if !recorded {
		return rec.Errorf(c.counted[0], "no counted income: every income column is empty (write 0 for a household without income)")
	}
	h.Excluded, _, err = c.sum(rec, c.excluded, m)
	return err
}

// sum adds a household's components; per-capita ones count members times.
func (c *householdColumns) sum(rec *input.Row, cols []int, members int64) (calc.Num, bool, error) {
	if len(c.perCapita) == 0 && c.scale == nil {
		total, any, err := rec.Sum(cols)
		return total, any, c.explain(err)
	}
	var total calc.Num
	any := false
	for _, i := range cols {
		v, ok, err := rec.Amount(i)
		if err != nil {
			return total, false, c.explain(err)
		}
		if v = v.Shift(c.scale[i]); c.perCapita[i] {
			v = v.MulInt(members)
		}
		if ok {
			total, any = total.Add(v), true
		}
	}
	return total, any, nil
}

// explain adds to a number error in a component what the column is taken
// for, when the user has not named the income columns.
func (c *householdColumns) explain(err error) error {
	if de, ok := err.(*input.DataError); ok && !c.named {
		de.Msg += " (the column was taken for an income component by its header; name the components with --income, or leave it out with --ignore)"
	}
	return err
}
