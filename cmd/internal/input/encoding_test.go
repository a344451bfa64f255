package input

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func gb(t *testing.T, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEncodingOf: in auto mode, text valid as UTF-8 is UTF-8, but for text
// whose only characters past ASCII are two-byte ones that are GB2312 hanzi
// in GB18030 too, which is GB18030, said to be a guess unless the input's
// --encoding (bothWays) settles it.
func TestEncodingOf(t *testing.T) {
	for _, c := range []struct {
		name, text, encoding, bothWays string
		gb18030, guessed               bool
	}{
		{"ASCII", "id,v\nA1,3\n", "auto", "", false, false},
		{"UTF-8 Chinese", "id,村\nA1,石山\n", "auto", "", false, false},
		{"UTF-8 symbols and Chinese", "id,村\nA1,石山 ×2 25° ±1 阿卜杜·热合曼 café Москва Αθήνα\n", "auto", "", false, false},
		{"UTF-8 ×, no Chinese", "id,v\nA1,3×4\n", "auto", "", false, false},
		{"UTF-8 Cyrillic", "id,v\nA1,Москва\n", "auto", "", false, false},
		{"UTF-8 Greek", "id,v\nA1,Αθήνα\n", "auto", "", false, false},
		{"GB18030 not UTF-8", "id,v\nA1," + gb(t, "罗建村") + "\n", "auto", "", true, false},
		{"GB18030 that reads as UTF-8", "id,v\nA1," + gb(t, "石山") + "\nA2," + gb(t, "双山") + "\n", "auto", "", true, true},
		{"UTF-8 ° alone, as GB18030 reads it too (25掳): UTF-8, said to be a guess", "id,v\nA1,25°\n", "auto", "", false, true},
		{"UTF-8 accented letters in words", "household_id,village\nA1,Zürich\nA2,Genève\n", "auto", "", false, false},
		{"UTF-8 accented letters, and symbols alone", "id,v\nA1,Müller·A 25° m² ±1\n", "auto", "", false, false},
		{"UTF-8 two accented letters in a word", "id,v\nA1,Ação\n", "auto", "", false, false},
		{"GB18030 words touching an ASCII letter (石山A, A水平)", "household_id,village,members,wage\nA1," + gb(t, "石山") + "A,3,12000\nA2,A" + gb(t, "水平") + ",2,5000\n", "auto", "", true, true},
		{"GB18030 word of three inside ASCII letters", "id,v\nA1,X" + gb(t, "石山水") + "Y\n", "auto", "", true, true},
		{"UTF-8 lone accented letters inside words", "id,v\nA1,Zürich\nA2,Genève\nA3,Müller\n", "auto", "", false, false},
		{"GB18030 words beside digits and marks", "id,v\n1" + gb(t, "石山") + "2,(" + gb(t, "双水") + ")\n", "auto", "", true, true},
		{"GB18030 one hanzi alone (3路), as UTF-8 3·: UTF-8, said to be a guess", "id,v\nA1,3" + gb(t, "路") + "\n", "auto", "", false, true},
		{"both ways, with a BOM", "\uFEFFid,v\nA1," + gb(t, "石山") + "\n", "auto", "", false, false},
		{"both ways, --encoding utf-8 beside", "id,v\nA1," + gb(t, "石山") + "\n", "auto", "utf-8", false, false},
		{"both ways, --encoding gb18030 beside", "id,v\nA1," + gb(t, "石山") + "\n", "auto", "gb18030", true, false},
		{"both ways, --encoding auto beside", "id,v\nA1," + gb(t, "石山") + "\n", "auto", "auto", true, true},
		{"named UTF-8", "id,v\nA1," + gb(t, "石山") + "\n", "utf-8", "", false, false},
		{"named GB18030", "id,v\nA1,石山\n", "gb18030", "", true, false},
	} {
		v := encodingOf([]byte(c.text), c.encoding, c.bothWays)
		if gb18030, guessed := v.gb18030, v.guessed != nil; v.conflict != "" || gb18030 != c.gb18030 || guessed != c.guessed {
			t.Errorf("%s: GB18030 %v, guessed %v; want %v, %v", c.name, gb18030, guessed, c.gb18030, c.guessed)
		}
	}
}

// TestEveryHanziPairThatReadsAsUTF8: each GB2312 hanzi whose two bytes are
// a UTF-8 character too (a lead 0xC2–0xDF, a trail 0xA1–0xBF; 930 of them)
// is read as GB18030 in a word of two (before 山 and after it), even at the
// very end of the sample with its last byte cut off.
func TestEveryHanziPairThatReadsAsUTF8(t *testing.T) {
	n := 0
	for lead := 0xB0; lead <= 0xF7; lead++ {
		for trail := 0xA1; trail <= 0xFE; trail++ {
			pair := []byte{byte(lead), byte(trail)}
			if !utf8.Valid(pair) {
				continue
			}
			n++
			text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(pair)
			if r, _ := utf8.DecodeRune(text); err != nil || !unicode.Is(unicode.Han, r) {
				t.Fatalf("% X decodes to %q, %v: not a hanzi", pair, text, err)
			}
			for _, w := range []string{string(pair) + gb(t, "山"), gb(t, "山") + string(pair)} {
				if v := encodingOf([]byte("id,v\nA1,"+w+"\n"), "auto", ""); !v.gb18030 || v.guessed == nil {
					t.Errorf("%s (% X) read as UTF-8 (%s)", text, pair, w)
				}
			}
		}
	}
	if n != 930 {
		t.Errorf("%d pairs, want 930", n)
	}
	cut := append([]byte(strings.Repeat("A1,"+gb(t, "石山")+"\n", encodingSample/8)), gb(t, "山")...)
	cut = cut[:encodingSample]
	if v := encodingOf(cut, "auto", ""); !v.gb18030 {
		t.Error("a sample ending in half a pair read as UTF-8")
	}
}

// TestGuessWarnsOnce: a file read as GB18030 though it is valid UTF-8 is
// read as GB18030 by both row sources, and said so once, with its text
// both ways; standard input too.
func TestGuessWarnsOnce(t *testing.T) {
	text := "id,village\nA1," + gb(t, "石山") + "\nA2," + gb(t, "双山") + "\n"
	path := filepath.Join(t.TempDir(), "gbu.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, stdin := range []bool{false, true} {
		got := warnings(t)
		opts := Options{Files: []string{path}, Encoding: "auto"}
		if stdin {
			opts.Files = nil
		}
		in, err := Open(opts, bytes.NewReader([]byte(text)))
		if err != nil {
			t.Fatal(err)
		}
		var villages []string
		add := func(_ *int, r *Row) error { villages = append(villages, r.Text(1)); return nil }
		_, err = Fold(in, func(int64) *int { return new(int) }, add,
			func(ps []*int) (*int, error) { return ps[0], nil })
		if err == nil {
			err = in.readInOrder(func(r *Row) error { return add(nil, r) })
		}
		in.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(villages, " ") != "石山 双山 石山 双山" {
			t.Errorf("stdin %v: villages %q, want 石山 双山 from each row source", stdin, villages)
		}
		if len(*got) != 1 || !strings.Contains((*got)[0], "read as GB18030 (石山)") ||
			!strings.Contains((*got)[0], "UTF-8 too (ʯɽ)") || !strings.Contains((*got)[0], "--encoding utf-8") {
			t.Errorf("stdin %v: warnings %q, want one naming 石山 and ʯɽ", stdin, *got)
		}
	}
}

// TestLineOfCountsEveryLineEnd: a conflict's line is counted as the reader
// counts lines, CR-only files and CRLF ones too.
func TestLineOfCountsEveryLineEnd(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"a\nb\nX", 3}, {"a\rb\rX", 3}, {"a\r\nb\r\nX", 3}, {"a\n\rX", 3}, {"X", 1}, {"\r\n\r\nX", 3},
	} {
		if got := lineOf([]byte(c.text), strings.IndexByte(c.text, 'X')); got != c.want {
			t.Errorf("%q: line %d, want %d", c.text, got, c.want)
		}
	}
}
