package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Rows come out in the order the command adds them: the input's order for
// villages, groups and categories, as bureau tables follow it. --sort KEY
// orders them by an output key instead, -KEY descending, or by pinyin
// (--sort pinyin: the first text column, Chinese names in pinyin order).
// Total rows stay last; rows that tie, and empty figures, keep their order
// (empty ones last).

// UsageError is an option the report cannot carry out (a --sort key the
// output has not): bad usage, not a failure to write.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// sortingFormatter holds every row, sorts them and hands them on.
type sortingFormatter struct {
	Formatter
	rows   [][]Rendered
	key    int  // the column sorted by
	desc   bool // -KEY
	pinyin bool
	err    error
}

// sorted wraps f for --sort, or says why the key cannot be sorted by.
func sorted(f Formatter, cols []Column, key string) Formatter {
	s := &sortingFormatter{Formatter: f, key: -1}
	switch {
	case key == "pinyin":
		s.pinyin = true
		for i, c := range cols {
			if c.Kind == TextKind {
				s.key = i
				break
			}
		}
	default:
		name := strings.TrimPrefix(key, "-")
		s.desc = name != key
		for i, c := range cols {
			if c.Key == name {
				s.key = i
			}
		}
	}
	if s.key < 0 {
		keys := make([]string, len(cols))
		for i, c := range cols {
			keys[i] = c.Key
		}
		s.err = &UsageError{fmt.Sprintf("--sort %q: the output has no such key; sort by pinyin or by one of %s (-KEY for descending)",
			key, strings.Join(keys, ", "))}
	}
	return s
}

func (s *sortingFormatter) Row(cells []Rendered) { s.rows = append(s.rows, slices.Clone(cells)) }

func (s *sortingFormatter) Chunk() Formatter {
	return &sortingFormatter{Formatter: s.Formatter.Chunk(), key: s.key, desc: s.desc, pinyin: s.pinyin}
}

func (s *sortingFormatter) Join(c Formatter) { s.rows = append(s.rows, c.(*sortingFormatter).rows...) }

func (s *sortingFormatter) Finish(w io.Writer) error {
	if s.err != nil {
		return s.err
	}
	type keyed struct {
		row   []Rendered
		total bool
		null  bool
		num   decimal.Decimal
		text  []byte
	}
	var col *collate.Collator
	if s.pinyin {
		col = collate.New(language.Chinese)
	}
	var buf collate.Buffer
	ks := make([]keyed, len(s.rows))
	for i, r := range s.rows {
		c := r[s.key]
		k := keyed{row: r, null: c.IsNull || c.S == ""}
		for _, cell := range r {
			k.total = k.total || cell.IsTotal
		}
		switch {
		case k.null:
		case c.IsNum:
			k.num, _ = decimal.NewFromString(c.S)
		case col != nil:
			k.text = slices.Clone(col.KeyFromString(&buf, c.S))
			buf.Reset()
		default:
			k.text = []byte(c.S)
		}
		ks[i] = k
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		switch {
		case a.total != b.total:
			return cmpBool(a.total, b.total)
		case a.null != b.null:
			return cmpBool(a.null, b.null)
		case a.null:
			return 0
		}
		c := a.num.Cmp(b.num)
		if a.text != nil || b.text != nil {
			c = cmp.Compare(string(a.text), string(b.text))
		}
		if s.desc {
			return -c
		}
		return c
	})
	for _, k := range ks {
		s.Formatter.Row(k.row)
	}
	return s.Formatter.Finish(w)
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
