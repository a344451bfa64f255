package input

import (
	"econcalc/calc"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Column names an input column: its canonical English name, the other
// names users write for it (Chinese headers among them), and the flag that
// names it outright. Preferred says the names are in order of preference:
// beside a column of an earlier name, one of a later name is no rival
// (户编号 before 户主, a head's name that stands for the id where there is
// none).
type Column struct {
	Key       string
	Aliases   []string
	Flag      string
	Preferred bool
}

// Find returns the index of a required column.
func (s *Source) Find(spec Column, override string) (int, error) {
	i, err := s.FindOptional(spec, override)
	if err == nil && i < 0 {
		names := append([]string{spec.Key}, spec.Aliases...)
		err = s.HeaderError("", fmt.Sprintf("no %q column (looked for %s; name yours with --%s); %s",
			spec.Key, strings.Join(names, ", "), spec.Flag, s.describeHeader(names)))
	}
	return i, err
}

// FindOptional returns the index of a column, or -1 when the header has none
// of its names. A column named by its flag must exist. Two columns that
// each have one of its names (本期 and 绝对值, or 绝对值 and 绝对值(亿元),
// whose unit is no part of its name) are refused: taking the first would
// be a guess the user never sees.
func (s *Source) FindOptional(spec Column, override string) (int, error) {
	if override != "" {
		return s.Named(override)
	}
	var found []int
	for _, name := range append([]string{spec.Key}, spec.Aliases...) {
		for _, i := range s.matches(name) {
			if !slices.Contains(found, i) {
				found = append(found, i)
			}
		}
		if spec.Preferred && len(found) > 0 {
			break
		}
	}
	switch len(found) {
	case 0:
		return -1, nil
	case 1:
		return found[0], nil
	}
	names := make([]string, len(found))
	for k, i := range found {
		names[k] = s.Header[i]
	}
	return -1, s.HeaderError("", fmt.Sprintf("columns %s could each be the %s column: name the one to use with --%s",
		QuoteNames(names), spec.Key, spec.Flag))
}

// matches is every column name finds: the one of that name, and each whose
// name is name's with a unit in brackets (绝对值(亿元) for 绝对值). A column
// with a note in brackets (上年同期（调整后）) is found only when no other is,
// as Index finds it.
func (s *Source) matches(name string) []int {
	key := strings.ToLower(strings.TrimSpace(name))
	bare, _ := splitUnit(key)
	var found []int
	if i, ok := s.columns.exact[key]; ok {
		found = append(found, i)
	}
	for _, i := range s.columns.sameBare(bare) {
		if !slices.Contains(found, i) && (s.keys[i] == bare || headerUnit(s.Header[i]) != "") {
			found = append(found, i)
		}
	}
	if len(found) == 0 {
		if i := s.Index(name); i >= 0 {
			found = append(found, i)
		}
	}
	return found
}

// Named returns the index of a column the user named. A name that more
// columns have without their units (绝对值 for 绝对值 and 绝对值(亿元)) is an
// error naming them: the user names one in full.
func (s *Source) Named(name string) (int, error) {
	i, others := s.lookup(name)
	if i < 0 {
		return -1, s.HeaderError(strings.TrimSpace(name), "not found; "+s.describeHeader([]string{name}))
	}
	if len(others) > 0 {
		names := []string{strconv.Quote(s.Header[i])}
		for _, o := range others {
			names = append(names, strconv.Quote(s.Header[o]))
		}
		return -1, s.HeaderError(strings.TrimSpace(name), "names more than one column, "+strings.Join(names, ", ")+": name the one to use as its header reads")
	}
	return i, nil
}

// Index finds a column by name, in any case, with or without the unit its
// header carries: 本期 finds 本期（万元）. -1 when there is none. It looks
// names up in maps made with the header, so a header of 150,000 columns
// costs no more per lookup than one of five.
func (s *Source) Index(name string) int {
	i, _ := s.lookup(name)
	return i
}

// lookup is Index, with the other columns the name finds when it is found
// without their units. The name as typed is tried as a header, then as a
// header without its unit (工资性收入（上年） for 工资性收入（上年）（元）), and
// only then without a unit of its own.
func (s *Source) lookup(name string) (int, []int) {
	key := strings.ToLower(strings.TrimSpace(name))
	if i, ok := s.columns.exact[key]; ok {
		return i, nil
	}
	if i, ok := s.columns.bare[key]; ok {
		return i, s.columns.moreBare[key]
	}
	key, _ = splitUnit(key)
	if i, ok := s.columns.bare[key]; ok {
		return i, s.columns.moreBare[key]
	}
	return -1, nil
}

// columnIndex is the header's names for lookup: each lower-cased name, and
// each name without its unit, to the first column that has it; and, for
// the rare name without its unit that more columns have (绝对值 and
// 绝对值(亿元)), those after the first.
type columnIndex struct {
	exact, bare map[string]int
	moreBare    map[string][]int
}

func newColumnIndex(columns int) columnIndex {
	return columnIndex{exact: make(map[string]int, columns), bare: make(map[string]int, columns), moreBare: map[string][]int{}}
}

// add indexes column i's key (its lower-cased name).
func (x columnIndex) add(key string, i int) {
	x.exact[key] = i
	bare, _ := splitUnit(key)
	if _, taken := x.bare[bare]; !taken {
		x.bare[bare] = i
	} else {
		x.moreBare[bare] = append(x.moreBare[bare], i)
	}
}

// sameBare is every column whose name without its unit is bare, in order.
func (x columnIndex) sameBare(bare string) []int {
	i, ok := x.bare[bare]
	if !ok {
		return nil
	}
	return append([]int{i}, x.moreBare[bare]...)
}

// Unit is the unit a column's header gives in brackets (亿元 in
// 绝对值(亿元)), else the table's, from a line --skip passes over
// (单位：万元), or "".
func (s *Source) Unit(col int) string {
	if unit := s.HeaderUnit(col); unit != "" {
		return unit
	}
	return s.tableUnit.unit
}

// HeaderUnit is the unit a column's header gives in brackets, spaces taken
// out (万 元 is 万元), or "": also for a note in brackets (累计完成（含续建）,
// calc.IsNote), which says nothing of the unit. A bracket of a note and a
// unit gives the unit (万人 in 脱贫人数（当年，万人）, calc.BracketUnit); one
// of two units gives both, joined by "，", for the command to refuse.
func (s *Source) HeaderUnit(col int) string {
	return headerUnit(s.Header[col])
}

// headerUnit is the unit a header cell gives in brackets (HeaderUnit).
func headerUnit(name string) string {
	_, inner := splitUnit(name)
	unit, _ := calc.BracketUnit(inner)
	return unit
}

// HeaderError is a problem with the header: it names the file and the
// header's line.
func (s *Source) HeaderError(column, msg string) *DataError {
	return &DataError{File: s.first, Line: s.headerLine, Column: column, Msg: msg}
}

// unitBrackets enclose the unit at the end of a header: (亿元), （万元）, [%],
// and (万元） as a Chinese keyboard often leaves it, and the rarer 〔万元〕,
// 「万元」, {万元}.
var unitBrackets = [][2]string{{"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}, {"(", "）"}, {"（", ")"},
	{"〔", "〕"}, {"「", "」"}, {"『", "』"}, {"{", "}"}, {"［", "］"}, {"<", ">"}, {"〈", "〉"}, {"《", "》"}}

// splitUnit cuts a header into its name and what the brackets at its end
// hold: every bracket there, joined by "，" in the order written (万元，现价
// for 工资性收入（万元）（现价）), for calc.BracketUnit to read part by part.
// The name is the header without its last bracket and the units just
// before it (累计完成 for 累计完成（万元）（累计）), but keeps any other
// bracket (产值（可比价） for 产值（可比价）（亿元）), so that a column with a
// note is never found by the name of one without (产值 finds 产值（亿元）).
func splitUnit(header string) (name, unit string) {
	h := strings.TrimSpace(header)
	var inner []string
	for cut := true; cut; {
		cut = false
		for _, b := range unitBrackets {
			if !strings.HasSuffix(h, b[1]) {
				continue
			}
			if i := strings.LastIndex(h, b[0]); i > 0 {
				in := strings.TrimSpace(h[i+len(b[0]) : len(h)-len(b[1])])
				if inner == nil || name == h && calc.IsUnit(strings.ReplaceAll(in, " ", "")) {
					name = strings.TrimSpace(h[:i])
				}
				inner = append([]string{in}, inner...)
				h, cut = strings.TrimSpace(h[:i]), true
				break
			}
		}
	}
	if inner == nil {
		return h, ""
	}
	return name, strings.Join(inner, "，")
}

// describeHeader shows the header as it was split, and where the header
// seems to be when a row below it has one of names. A wide header is
// quoted in part: its first names and how many more there are.
func (s *Source) describeHeader(names []string) string {
	d := fmt.Sprintf("the header, split on %s, has %s column", strconv.Quote(string(s.opts.Delimiter)), groupDigits(len(s.Header)))
	if len(s.Header) != 1 {
		d += "s"
	}
	d += ": " + QuoteNames(s.Header)
	if line := s.headerBelow(names); line > 0 {
		if s.opts.Lookup {
			d += fmt.Sprintf("; line %d looks like the header: take out the lines above it (--skip is for the input)", line)
		} else {
			d += fmt.Sprintf("; line %d looks like the header: add --skip %d", line, line-1)
		}
	}
	return d
}

// quotedNames is how many names of a header a message quotes.
const quotedNames = 10

// QuoteNames quotes the first names of a header for a message, separated by
// commas, and says how many more there are: a header of 150,000 names is not
// a message.
func QuoteNames(names []string) string {
	n := min(len(names), quotedNames)
	quoted := make([]string, n, n+1)
	for i, h := range names[:n] {
		quoted[i] = QuoteCell(h)
	}
	if len(names) > n {
		quoted = append(quoted, "… and "+groupDigits(len(names)-n)+" more")
	}
	return strings.Join(quoted, ", ")
}

// quoteHeader quotes a header as it was written, for a message: whole when
// it is short, else its first names and how many columns it has.
func quoteHeader(names []string) string {
	if len(names) <= quotedNames {
		return strconv.Quote(strings.Join(names, ","))
	}
	return strconv.Quote(strings.Join(names[:quotedNames], ",")+",…") + " (" + groupDigits(len(names)) + " columns)"
}

// groupDigits writes a count with a comma between groups of three digits:
// 149,990.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// headerBelow looks for a row within the first lines below the header that
// has one of names: a title or unit row was taken for the header. It
// returns that row's line, or 0.
func (s *Source) headerBelow(names []string) int {
	const lookahead = 20
	f, err := s.openReader(s.opts.Files[0])
	if err != nil {
		return 0
	}
	defer f.close()
	bare := make([]string, len(names))
	for i, n := range names {
		bare[i], _ = splitUnit(strings.ToLower(n))
	}
	for {
		fields, line, err := f.read()
		if err == io.EOF || err != nil || line > s.headerLine+lookahead {
			return 0
		}
		if line <= s.headerLine {
			continue
		}
		for _, field := range fields {
			field, _ = splitUnit(strings.ToLower(field))
			if slices.Contains(bare, field) {
				return line
			}
		}
	}
}
