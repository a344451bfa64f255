package main

import "testing"

// TestIndexKind: what an index column's header says its index is; the base
// of a header that names none of 累计, 当月 and 当季 says it too.
func TestIndexKind(t *testing.T) {
	for _, c := range []struct {
		header string
		want   seriesKind
	}{
		{"价格指数", byLabels},
		{"价格指数（上年同期=100）", byLabels},
		{"价格指数（2015=100）", byLabels},
		{"累计价格指数", cumulative},
		{"价格指数（累计）", cumulative},
		{"价格指数（1-10月）", cumulative},
		{"当月价格指数", ownMonth},
		{"出厂价格指数（当月）", ownMonth},
		{"价格指数（本月）", ownMonth},
		{"价格指数（上年同月=100）", ownMonth},
		{"价格指数(上年同月＝100)", ownMonth},
		{"当季价格指数", ownQuarter},
		{"价格指数（上年同季=100）", ownQuarter},
		{"当期价格指数", ownPeriod},
	} {
		if got := indexKind(c.header); got != c.want {
			t.Errorf("indexKind(%q) = %d, want %d", c.header, got, c.want)
		}
	}
}

// TestIndexName: a deflator's header is an index name with its notes in
// brackets aside.
func TestIndexName(t *testing.T) {
	for header, want := range map[string]string{
		"价格指数":               "价格指数",
		"价格指数（累计）":           "价格指数",
		" 累计价格指数(%) ":        "累计价格指数",
		"价格指数（累计）（上年同期=100）": "价格指数",
		"PPI":  "ppi",
		"（累计）": "（累计）",
	} {
		if got := indexName(header); got != want {
			t.Errorf("indexName(%q) = %q, want %q", header, got, want)
		}
	}
}

// TestBaseOf: the base an index column's header states.
func TestBaseOf(t *testing.T) {
	for header, want := range map[string]statedBase{
		"价格指数":             baseUnsaid,
		"累计价格指数":           baseUnsaid,
		"价格指数（上年同期=100）":   baseYoY,
		"价格指数（上年=100）":     baseYoY,
		"价格指数(上年同月＝100)":   baseYoY,
		"价格指数（2015=100）":   baseFixed,
		"定基指数":             baseFixed,
		"定基价格指数（2015=100）": baseFixed,
		"价格指数（上月=100）":     baseChain,
		"环比价格指数":           baseChain,
	} {
		if got := baseOf(header); got != want {
			t.Errorf("baseOf(%q) = %d, want %d", header, got, want)
		}
	}
}
