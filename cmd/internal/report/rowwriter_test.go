package report

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"econcalc/calc"

	"github.com/shopspring/decimal"
)

// rowWriterColumns are the kinds of cell a RowWriter writes: text, exact
// amounts with and without places to pad to, and quotients in an amount, a
// percentage and a percentage judged against zero.
var rowWriterColumns = []Column{
	{Key: "id", Kind: TextKind},
	{Key: "members", Kind: ExactKind},
	{Key: "income", Kind: ExactKind, Places: 2},
	{Key: "per_capita", Kind: AmountKind},
	{Key: "gap_pct", Kind: PercentKind},
	{Key: "lead_pct", Kind: PercentKind, NonZero: true, Places: 2},
	{Key: "status", Kind: TextKind},
}

// randomAmount is an amount in fixed point or, now and then, a decimal beyond
// it; zero often, so that quotients meet zero divisors.
func randomAmount(rng *rand.Rand) calc.Num {
	switch rng.IntN(6) {
	case 0:
		return calc.IntNum(0)
	case 1:
		d := decimal.New(rng.Int64N(1<<62)-1<<61, -int32(rng.IntN(12)))
		return calc.DecimalNum(d)
	}
	places := rng.IntN(calc.FixedScale + 1)
	units := (rng.Int64N(2_000_000_000) - 1_000_000_000) * calc.Pow10[calc.FixedScale-places]
	return calc.FixedNum(units, places)
}

var rowWriterTexts = []string{"", "43110300001000001", "金台村", "=SUM(A1)", "-5", "+x", "@a", "a,b", `say "hi"`, " lead", "\tx", `\.`, "x\ny",
	"431103000010,0001", "4311030000100000\r1", `43110300001000001"`, "4311030\t001000001", "4311030;001000001", "\u3000金台村"}

// rowWriterWords are more words than a RowWriter keeps laid out, and some
// that are not plain in csv.
var rowWriterWords = []string{"poor", "not-poor", "yes", "no", "", "=x", "a,b", "-", " lead", "ok", "exit", `"q"`}

// TestRowWriterIsRow: a report written through RowWriter is byte for byte
// the report whose rows are rendered and handed to Row, in every format
// and with the options that change a cell's spelling, on random rows.
func TestRowWriterIsRow(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 5))
	for _, opts := range []Options{
		{Format: "csv"}, {Format: "csv", RawText: true}, {Format: "tsv", Decimals: 3, DecimalsGiven: true},
		{Format: "csv", ValueDecimals: 2, HalfEven: true}, {Format: "csv", Lang: "zh"}, {Format: "json"},
		{Format: "markdown", Lang: "zh"}, {Format: "table"},
	} {
		viaRow, viaWriter := opts.NewReport(rowWriterColumns), opts.NewReport(rowWriterColumns)
		w := viaWriter.RowWriter()
		prepared := map[string]Prepared{} // laid out by a fork's writer
		for _, text := range rowWriterTexts {
			prepared[text] = viaWriter.Fork().RowWriter().Prepare(Rendered{S: text})
		}
		out := make([]Rendered, len(rowWriterColumns))
		for range 3000 {
			id := rowWriterTexts[rng.IntN(len(rowWriterTexts))]
			count := rng.Int64N(12)
			if rng.IntN(8) == 0 {
				count = randomInt64(rng) // beyond fixed point too
			}
			members, income := calc.IntNum(count), randomAmount(rng)
			wholeIncome := rng.IntN(4) == 0 // a count in a column with places
			if wholeIncome {
				income = calc.IntNum(count)
			}
			num, den := randomAmount(rng), randomAmount(rng)
			word := rowWriterWords[rng.IntN(len(rowWriterWords))]

			out[0] = Rendered{S: id}
			out[1], out[2] = viaRow.RenderAmount(1, members), viaRow.RenderAmount(2, income)
			out[3], out[4] = viaRow.RenderQuotient(3, num, den), viaRow.RenderQuotient(4, num, den)
			out[5], out[6] = viaRow.RenderQuotient(5, num, den), viaRow.Word(word)
			if rng.IntN(4) == 0 {
				out[4] = Rendered{IsNull: true}
			}
			viaRow.Row(out)

			switch rng.IntN(3) {
			case 0:
				cell := []byte(id)
				w.Text(cell)
				copy(cell, "########") // the caller's bytes, used again: Text kept none
			case 1:
				w.TextString(id)
			default:
				w.Prepared(prepared[id])
			}
			switch rng.IntN(3) {
			case 0:
				w.Amount(1, members)
			case 1:
				w.Whole(1, count)
			default:
				w.Cell(viaWriter.RenderAmount(1, members)) // rendered beforehand
			}
			if wholeIncome {
				w.Whole(2, count) // as Amount writes it
			} else {
				w.Amount(2, income)
			}
			if rng.IntN(3) == 0 {
				// The rest as one run laid out beforehand.
				w.Prepared(viaWriter.Fork().RowWriter().Prepare(out[3:]...))
				out = make([]Rendered, len(rowWriterColumns)) // the run holds the cells
				w.End()
				continue
			}
			w.Quotient(3, num, den)
			if out[4].IsNull {
				w.Null()
			} else {
				w.Quotient(4, num, den)
			}
			w.Quotient(5, num, den)
			w.Word(word)
			w.End()
		}
		var want, got bytes.Buffer
		if err := viaRow.Finish(&want); err != nil {
			t.Fatal(err)
		}
		if err := viaWriter.Finish(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			g, wl := bytes.Split(got.Bytes(), []byte("\n")), bytes.Split(want.Bytes(), []byte("\n"))
			for i := range min(len(g), len(wl)) {
				if !bytes.Equal(g[i], wl[i]) {
					t.Fatalf("%+v: line %d through RowWriter\n%q\nthrough Row\n%q", opts, i+1, g[i], wl[i])
				}
			}
			t.Fatalf("%+v: %d lines through RowWriter, %d through Row", opts, len(g), len(wl))
		}
	}
}

// TestPlainFieldNeedsNoQuotes: a field plainField passes is one
// appendCSVField writes as it is, on random fields of the bytes that
// matter, with each delimiter; and it passes the usual id.
func TestPlainFieldNeedsNoQuotes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 8))
	alphabet := []string{"4", "a", ",", "\t", ";", "|", "\"", "\n", "\r", " ", "\\", ".", "金", "\u3000", "\u00a0", "\u1680", "\u2028", "\u205f", "\u0085", "é", "\xe3", "\xc2", "#", "!", "\x00", "\x7f"}
	passed := 0
	for range 200_000 {
		var b []byte
		for range rng.IntN(24) {
			b = append(b, alphabet[rng.IntN(len(alphabet))]...)
		}
		for _, comma := range []byte{',', '\t', ';', '|'} {
			if plainField(string(b), comma) {
				passed++
				if csvNeedsQuotes(string(b), comma) {
					t.Fatalf("%q with %q: plainField passes it, but it needs quotes", b, comma)
				}
			}
		}
	}
	if passed == 0 || !plainField("43110300001000001", ',') || !plainField("金台村", '\t') || !plainField("no", ',') {
		t.Fatalf("plainField passed %d fields, and not an id, a village or a word", passed)
	}
}
